import SearchCore

#if canImport(Glibc)
    import Glibc
#endif

/// A file mapped read-only into memory, unmapped when the last reference goes: how the CLI
/// hands an index file (and a JSONL collection) to the pure core without reading it.
///
/// The mapping is private and read-only. `senguide index` replaces an index by renaming a new
/// file over it, so a mapping of the old file stays whole while it is in use.
final class MappedFile: IndexBytes, @unchecked Sendable {
    // @unchecked: the mapping is never written, and lives until deinit.
    let bytes: UnsafeRawBufferPointer
    private let address: UnsafeMutableRawPointer?
    private let length: Int

    /// Why a file could not be mapped.
    enum Failure: Error {
        case cannotOpen(reason: String)
        case cannotMap(reason: String)
    }

    /// Maps the file at `path`; `populate` reads it all in at once (for a file about to be
    /// read whole, such as an index whose checksum is verified on opening).
    init(path: String, populate: Bool = false) throws(Failure) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .cannotOpen(reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .cannotOpen(reason: String(cString: strerror(errno))) }
        length = Int(status.st_size)
        guard length > 0 else {
            address = nil
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        let flags = MAP_PRIVATE | (populate ? MAP_POPULATE : 0)
        guard let mapped = mmap(nil, length, PROT_READ, flags, descriptor, 0), mapped != MAP_FAILED else {
            throw .cannotMap(reason: String(cString: strerror(errno)))
        }
        address = mapped
        bytes = UnsafeRawBufferPointer(start: mapped, count: length)
    }

    deinit {
        if let address { munmap(address, length) }
    }
}
