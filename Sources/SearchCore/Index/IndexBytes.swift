/// The bytes of an index file, kept alive as long as any index reads them.
///
/// SearchCore never opens files: the CLI supplies a memory-mapped file (`MappedFile`), and
/// ``IndexFile/decode(_:analyzer:)`` an owned copy. The bytes must not change while an
/// index uses them.
public protocol IndexBytes: AnyObject, Sendable {
    /// The whole file. Valid for the lifetime of the object.
    var bytes: UnsafeRawBufferPointer { get }
}

/// Index bytes in memory owned by the index: a copy, 16-byte aligned.
final class OwnedIndexBytes: IndexBytes, @unchecked Sendable {
    // Safe to share: the buffer is written once in init and only read afterwards.
    private let storage: UnsafeMutableRawBufferPointer
    let bytes: UnsafeRawBufferPointer

    init(copying source: [UInt8]) {
        storage = .allocate(byteCount: max(source.count, 1), alignment: 16)
        storage.copyBytes(from: source)
        bytes = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(storage)[0..<source.count])
    }

    deinit { storage.deallocate() }
}
