//! glibc allocator settings for a long-running server with a small worker pool.

/// Keeps glibc's heap from growing under load and from thrashing: few arenas (the worker
/// pool is small); a fixed threshold above which buffers are mapped and returned at once;
/// and free memory at the top of the heap kept up to 32 MiB instead of being returned to
/// the kernel after every request, which a fixed mmap threshold would otherwise leave at
/// 128 KiB (a request's buffers were given back and faulted in again each time, halving
/// throughput). Call once at start, before other threads exist; a no-op elsewhere.
pub fn tune() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only adjusts allocator parameters; it runs once, before any other thread.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1024 * 1024);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 32 * 1024 * 1024);
        libc::mallopt(libc::M_TOP_PAD, 4 * 1024 * 1024);
    }
}

/// Coalesces the free memory that start-up left behind and returns it to the kernel.
/// Compiling the lexicons allocates and frees hundreds of thousands of small buffers; the
/// free chunks they leave in glibc's bins made every later allocation slower (a fifth of
/// the pipeline's time went to `_int_malloc`). Call once, after loading; a no-op elsewhere.
pub fn settle() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only consolidates and releases free heap memory; it is thread-safe.
    unsafe {
        libc::malloc_trim(0);
    }
}
