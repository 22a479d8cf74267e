import Glibc

/// How the server asks the C library's allocator to give memory back.
///
/// A connection buffers what it reads, 64 KiB a read, up to its limits; a burst of oversized
/// or malformed requests on many connections at once therefore allocates megabytes that are
/// all freed when those connections close. glibc's defaults keep them: it maps blocks of at
/// least 128 KiB on their own, but each time it frees such a block it raises that threshold
/// to the block's size and the heap's trim threshold to twice that (loading the index frees
/// blocks of megabytes), so afterwards the buffers come from the heap and the heap keeps
/// their pages. The server's resident memory stayed 15–17% above where it was before a burst
/// (docs/BENCHMARKS.md). With fixed thresholds, buffers of ``mapThresholdBytes`` or more are
/// unmapped when freed and a heap gives back free space above ``trimThresholdBytes``; no
/// buffer of an ordinary request is that large, so ordinary requests never pay for a `mmap`.
enum MemoryAllocator {
    /// Blocks of at least this many bytes are mapped on their own and returned when freed.
    static let mapThresholdBytes: Int32 = 64 * 1024
    /// Free space at the top of a heap beyond this is returned (glibc's initial value).
    static let trimThresholdBytes: Int32 = 128 * 1024
    /// `M_TRIM_THRESHOLD` and `M_MMAP_THRESHOLD` in glibc's `<malloc.h>`.
    private static let trimThresholdOption: Int32 = -1
    private static let mapThresholdOption: Int32 = -3

    /// Fixes glibc's thresholds at ``mapThresholdBytes`` and ``trimThresholdBytes``; does
    /// nothing on a C library without `mallopt`. Affects the whole process: call it once, from
    /// the program that serves (`<malloc.h>` is not in Glibc's Swift module, hence `dlsym`).
    static func returnLargeBuffersWhenFreed() {
        typealias MallocOption = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: MallocOption.self)
        _ = mallopt(mapThresholdOption, mapThresholdBytes)
        _ = mallopt(trimThresholdOption, trimThresholdBytes)
    }
}
