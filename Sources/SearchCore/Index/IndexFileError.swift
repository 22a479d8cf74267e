/// Why an index file could not be read. Every message says how to rebuild.
public enum IndexFileError: Error, Equatable, CustomStringConvertible {
    /// The file does not start with the index magic.
    case notAnIndex
    /// The file is an index of another format version.
    case unsupportedVersion(found: UInt16, readable: ClosedRange<UInt16>)
    /// The file ends before the named section is complete.
    case truncated(section: String, atByte: Int)
    /// The checksum over the file's contents does not match the one stored.
    case checksumMismatch(stored: UInt64, computed: UInt64)
    /// A section holds a value that cannot be right.
    case corrupt(section: String, atByte: Int, detail: String)
    /// The index was made by another analyzer than this build's.
    case analyzerMismatch(found: String, expected: String)

    static let rebuild = "Rebuild it: senguide index"

    public var description: String {
        switch self {
        case .notAnIndex:
            "is not a SENGuide index file (no SGIX magic). \(Self.rebuild)"
        case .unsupportedVersion(let found, let readable):
            "uses index format v\(found); this build reads v\(readable.lowerBound)–v\(readable.upperBound). \(Self.rebuild)"
        case .truncated(let section, let atByte):
            "is truncated: the \(section) section ends early at byte \(atByte). \(Self.rebuild)"
        case .checksumMismatch(let stored, let computed):
            "is corrupt: checksum \(hex(computed)) does not match the stored \(hex(stored)). \(Self.rebuild)"
        case .corrupt(let section, let atByte, let detail):
            "is corrupt in the \(section) section at byte \(atByte): \(detail). \(Self.rebuild)"
        case .analyzerMismatch(let found, let expected):
            "was built with analyzer \(found); this build uses \(expected). \(Self.rebuild)"
        }
    }

    /// Eight hex digits for a CRC-32 (v1), sixteen for an XXH64 (v2).
    private func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        let width = value > UInt64(UInt32.max) ? 16 : 8
        return "0x" + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
