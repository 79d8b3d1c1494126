//! The memory allocator's settings for a long-running server.
//!
//! glibc serves allocations of 128 KiB or more with `mmap`, so freeing them gives the memory back
//! to the system at once. But by default it raises that threshold each time such a block is freed,
//! up to 32 MiB: after a few uploads (a 5 MB attachment, a workbook, a referential file) or the
//! demo's loading, buffers of several megabytes come from the per-thread heaps instead, which
//! keep the freed pages. Resident memory then stays at its highest for the life of the process
//! (`scripts/upload-memory.sh` measures it; figures in `docs/RELIABILITY.md`).

/// glibc's initial threshold, held: allocations from this size are always mapped and unmapped.
pub const MMAP_THRESHOLD: usize = 128 * 1024;

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

#[cfg(test)]
mod tests {
    #[test]
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    fn the_threshold_is_held_unless_the_operator_set_it() {
        assert_eq!(super::tune(), std::env::var_os("MALLOC_MMAP_THRESHOLD_").is_none());
    }
}
