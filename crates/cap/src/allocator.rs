//! The memory allocator's settings for a long-running server.
//!
//! glibc serves allocations of 128 KiB or more with `mmap`, and raises that threshold each time
//! such a block is freed, up to 32 MiB. Two costs pull in opposite directions:
//! - buffers served by `mmap` are given back at once, but each one costs page faults to fill and,
//!   once freed, a TLB shootdown on every core: a page compressed with brotli allocates its hash
//!   tables and window per response, so at 128 KiB the kernel's page-table work took most of the
//!   time of a compressed page (`docs/PERFORMANCE.md`, « Compressed pages and the allocator »);
//! - buffers served by the per-thread heaps are reused at no cost, but the heaps keep freed pages:
//!   after a few uploads (a 5 MB attachment, a workbook, a referential file) resident memory stayed
//!   at its highest (`scripts/upload-memory.sh`; figures in `docs/RELIABILITY.md`).
//!
//! So the threshold is held high and fixed ([`MMAP_THRESHOLD`]), and freed heap pages are given
//! back every [`TRIM_EVERY`] by [`trim`] (`malloc_trim`), which the server runs in the background.

use std::time::Duration;

/// Allocations from this size are always mapped and unmapped (glibc's own upper bound).
pub const MMAP_THRESHOLD: usize = 32 * 1024 * 1024;

/// How often freed heap pages are given back to the system.
pub const TRIM_EVERY: Duration = Duration::from_secs(10);

/// Holds the allocator's `mmap` threshold at [`MMAP_THRESHOLD`], unless the operator set it
/// (`MALLOC_MMAP_THRESHOLD_`). Call before any thread starts. Returns whether it was set.
pub fn tune() -> bool {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        if std::env::var_os("MALLOC_MMAP_THRESHOLD_").is_some() {
            return false;
        }
        // SAFETY: mallopt only changes the allocator's parameters; called before other threads.
        unsafe { libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD as libc::c_int) == 1 }
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    {
        false
    }
}

/// Gives the heaps' free pages back to the system (a few milliseconds at most; run it off the
/// request threads). Returns whether any memory was released.
pub fn trim() -> bool {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: malloc_trim only releases memory the allocator holds free; it is thread-safe.
        unsafe { libc::malloc_trim(0) == 1 }
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    {
        false
    }
}

#[cfg(test)]
mod tests {
    #[test]
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    fn the_threshold_is_held_unless_the_operator_set_it() {
        assert_eq!(super::tune(), std::env::var_os("MALLOC_MMAP_THRESHOLD_").is_none());
    }

    #[test]
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    fn freed_memory_goes_back_to_the_system() {
        // A few megabytes from the heap (below the threshold), freed: trimming gives them back.
        let blocks: Vec<Vec<u8>> = (0..64).map(|i| vec![i as u8; 256 * 1024]).collect();
        assert_eq!(blocks.iter().map(Vec::len).sum::<usize>(), 16 * 1024 * 1024);
        drop(blocks);
        assert!(super::trim(), "16 MiB freed in the heap are released");
    }
}
