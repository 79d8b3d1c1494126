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
//! High, but below a password hash's 19 MiB (argon2id): each sign-in's block is mapped for it and
//! unmapped at once, where from a heap it stayed resident in the hashing thread's arena (five
//! sign-ins took a fresh server from 38 to 117 MB, `docs/PERFORMANCE.md`, « Memory »).
//!
//! Fixing the threshold also fixes glibc's trim threshold at its default, 128 KiB (glibc keeps it
//! at twice the mmap threshold only while that one moves by itself): every free leaving more than
//! 128 KiB at the top of a heap gave those pages back at once, and the next response faulted them
//! in again, zeroed. A compressed page's buffers did that on every request, and the kernel's page
//! faults took most of a page's time (`docs/PERFORMANCE.md`, « Pages and the allocator's trim
//! threshold »). So the trim threshold is held at [`TRIM_THRESHOLD`], as glibc's own rule would
//! have it, and the periodic [`trim`] is what gives memory back.

use std::time::Duration;

/// Allocations from this size are always mapped and unmapped: above any response's buffers,
/// below a password hash's memory (19 MiB).
pub const MMAP_THRESHOLD: usize = 16 * 1024 * 1024;

/// Free memory at the top of a heap kept for the next allocations rather than given back at once
/// (twice the mmap threshold, glibc's rule while its thresholds move by themselves).
pub const TRIM_THRESHOLD: usize = 2 * MMAP_THRESHOLD;

/// How often freed heap pages are given back to the system.
pub const TRIM_EVERY: Duration = Duration::from_secs(10);

/// Holds the allocator's `mmap` threshold at [`MMAP_THRESHOLD`] and its trim threshold at
/// [`TRIM_THRESHOLD`], unless the operator set them (`MALLOC_MMAP_THRESHOLD_`,
/// `MALLOC_TRIM_THRESHOLD_`). Call before any thread starts. Returns whether the mmap threshold
/// was set.
pub fn tune() -> bool {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        if std::env::var_os("MALLOC_TRIM_THRESHOLD_").is_none() {
            // SAFETY: mallopt only changes the allocator's parameters; called before other threads.
            unsafe { libc::mallopt(libc::M_TRIM_THRESHOLD, TRIM_THRESHOLD as libc::c_int) };
        }
        if std::env::var_os("MALLOC_MMAP_THRESHOLD_").is_some() {
            return false;
        }
        // SAFETY: as above.
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
