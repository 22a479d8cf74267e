/// Encodes an ``InvertedIndex`` to bytes and back. Layout: docs/FORMATS.md#index-file.
///
/// Version 2 (written) is used where it lies: ``open(_:analyzer:)`` wraps memory-mapped
/// bytes after checking them, without decoding anything per passage or posting
/// (``IndexLayout``). Version 1 files (``readableVersions``) still load: they are decoded and
/// re-encoded as v2 in memory.
public enum IndexFile {
    public static let magic: [UInt8] = Array("SGIX".utf8)
    public static let currentVersion: UInt16 = IndexFormat.version
    public static let readableVersions: ClosedRange<UInt16> = 1...2
    static let headerSize = 8

    /// The file's bytes for `index` (format v2). The same index always gives the same bytes.
    ///
    /// - Complexity: O(file size): a copy of the bytes the index already is.
    public static func encode(_ index: InvertedIndex) -> [UInt8] { Array(index.bytes) }

    /// Reads an index from `bytes` (a copy is kept), checking magic, version, checksum,
    /// analyzer and every count against what the bytes can hold; never reads past the end.
    public static func decode(_ bytes: [UInt8], analyzer: Analyzer = .english) throws(IndexFileError)
        -> InvertedIndex
    {
        switch try version(of: bytes) {
        case 1:
            let contents = try decodeVersion1(bytes, analyzer: analyzer)
            return try InvertedIndex(storage: OwnedIndexBytes(copying: IndexWriter.write(contents)), analyzer: analyzer)
        default:
            return try InvertedIndex(storage: OwnedIndexBytes(copying: bytes), analyzer: analyzer)
        }
    }

    /// Opens the index in `storage` where it lies — typically a memory-mapped file — after
    /// the checks of ``decode(_:analyzer:)``. A v1 file is decoded into memory instead.
    ///
    /// - Complexity: O(file size) for the checksum, O(*t* + *n*/16) for the other checks.
    public static func open(_ storage: any IndexBytes, analyzer: Analyzer = .english) throws(IndexFileError)
        -> InvertedIndex
    {
        let header = Array(storage.bytes.prefix(headerSize))
        if try version(of: header) == 1 { return try decode(Array(storage.bytes), analyzer: analyzer) }
        return try InvertedIndex(storage: storage, analyzer: analyzer)
    }

    /// Checks the magic and returns a readable version.
    private static func version(of bytes: [UInt8]) throws(IndexFileError) -> UInt16 {
        guard bytes.count >= 4, Array(bytes[0..<4]) == magic else {
            throw bytes.count < 4 && magic.starts(with: bytes)
                ? .truncated(section: "header", atByte: bytes.count) : .notAnIndex
        }
        var header = ByteReader(bytes, from: 4)
        guard let version = header.readUInt16(), header.readUInt16() != nil else {
            throw .truncated(section: "header", atByte: bytes.count)
        }
        guard readableVersions.contains(version) else {
            throw .unsupportedVersion(found: version, readable: readableVersions)
        }
        return version
    }
}
