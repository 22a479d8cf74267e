/// Appends little-endian integers, LEB128 varints and length-prefixed strings to a buffer.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func write<Bytes: Sequence>(_ raw: Bytes) where Bytes.Element == UInt8 { bytes.append(contentsOf: raw) }

    /// Reserves room for `capacity` bytes in all.
    mutating func reserve(_ capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Appends zero bytes until the buffer is `offset` bytes long (section alignment).
    mutating func padTo(_ offset: Int) {
        if bytes.count < offset { bytes.append(contentsOf: repeatElement(0, count: offset - bytes.count)) }
    }

    mutating func writeUInt8(_ value: UInt8) { bytes.append(value) }

    mutating func writeUInt16(_ value: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: value))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    mutating func writeUInt32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
    }

    mutating func writeUInt64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
    }

    mutating func writeVarint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func writeString(_ string: String) {
        let utf8 = Array(string.utf8)
        writeVarint(UInt64(utf8.count))
        bytes.append(contentsOf: utf8)
    }
}

/// Reads what ``ByteWriter`` wrote, never past the end: every read returns nil at the end
/// of the bytes or on a malformed value.
///
/// Over a byte array (index files read whole, version 1) or over raw bytes (the mapped
/// version 2 file); offsets count from the first byte.
struct ByteReader<Bytes: RandomAccessCollection> where Bytes.Element == UInt8, Bytes.Index == Int {
    let bytes: Bytes
    private(set) var offset: Int
    let end: Int

    init(_ bytes: Bytes, from start: Int = 0, to end: Int? = nil) {
        self.bytes = bytes
        self.offset = bytes.startIndex + start
        self.end = bytes.startIndex + min(end ?? bytes.count, bytes.count)
    }

    var remaining: Int { end - offset }

    mutating func readBytes(_ count: Int) -> Bytes.SubSequence? {
        guard count >= 0, count <= remaining else { return nil }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    mutating func readUInt16() -> UInt16? {
        guard let raw = readBytes(2) else { return nil }
        return raw.reversed().reduce(0) { $0 << 8 | UInt16($1) }
    }

    mutating func readUInt32() -> UInt32? {
        guard let raw = readBytes(4) else { return nil }
        return raw.reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func readUInt64() -> UInt64? {
        guard let raw = readBytes(8) else { return nil }
        return raw.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// A LEB128 varint of at most 10 bytes.
    mutating func readVarint() -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < end, shift < 64 {
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
        return nil
    }

    /// A varint that must fit in `limit`.
    mutating func readCount(atMost limit: Int) -> Int? {
        guard let value = readVarint(), value <= UInt64(limit) else { return nil }
        return Int(value)
    }

    /// A length-prefixed string that must be valid UTF-8.
    mutating func readString(maximumBytes: Int = 1 << 20) -> String? {
        guard let length = readCount(atMost: min(maximumBytes, remaining)),
            let raw = readBytes(length)
        else { return nil }
        return String(validating: raw, as: UTF8.self)
    }
}

/// CRC-32 (IEEE 802.3, as zlib and PNG), for the index file's checksum.
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        var crc = UInt32(index)
        for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        return crc
    }

    static func checksum<Bytes: Collection>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}

/// FNV-1a, 64 bits: a fast fingerprint of the corpus files an index was built from.
public enum Fingerprint {
    public static func fnv1a<Bytes: Sequence>(_ bytes: Bytes, seed: UInt64 = 0xcbf2_9ce4_8422_2325)
        -> UInt64 where Bytes.Element == UInt8
    {
        var hash = seed
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
