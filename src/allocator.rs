//! The C allocator's settings, set before any thread starts. glibc keeps what a program frees
//! for reuse: each thread that allocates gets an arena of its own (a runtime's worker and
//! blocking threads make many), and once a large block has been freed it raises its threshold
//! for giving large blocks back. Decoding pictures (megabytes each, on blocking threads) then
//! left 40–50 MB of freed memory held after scrolling through a room of 50 photos. Two arenas
//! and a fixed threshold give it back, at no cost that a chat client can measure.

/// Blocks of this size or more are mapped on their own and returned when freed.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const LARGE_BLOCK: libc::c_int = 128 * 1024;

/// Arenas shared by all threads.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const ARENAS: libc::c_int = 2;

/// Applies the settings; a setting the allocator refuses stays at its default.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn give_memory_back() {
    // SAFETY: mallopt only changes the allocator's tuning parameters; called first in main,
    // before any other thread exists, as glibc asks.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, LARGE_BLOCK);
        libc::mallopt(libc::M_ARENA_MAX, ARENAS);
    }
}

/// Other allocators return memory by their own rules.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn give_memory_back() {}
