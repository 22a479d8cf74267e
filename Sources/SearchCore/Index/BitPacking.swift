/// Packs small unsigned integers into a little-endian bit stream, `width` bits each, and
/// unpacks them: the encoding of posting blocks in index format v2.
///
/// Value *i* occupies bits *i·width* … *i·width + width − 1* of the stream, counting from
/// bit 0 of byte 0; the stream is rounded up to whole bytes. A width of 0 stores nothing
/// (every value is 0).
enum BitPacking {
    /// The bits needed for `value` (0 for 0).
    @inline(__always)
    static func width(of value: UInt32) -> Int { 32 - value.leadingZeroBitCount }

    /// Bytes taken by `count` values of `width` bits.
    @inline(__always)
    static func byteCount(count: Int, width: Int) -> Int { (count * width + 7) >> 3 }

    /// Appends `values`, each of `width` bits (every value must fit), to `bytes`.
    static func pack(_ values: UnsafeBufferPointer<UInt32>, width: Int, into bytes: inout [UInt8]) {
        guard width > 0 else { return }
        var accumulator: UInt64 = 0
        var filled = 0
        for value in values {
            accumulator |= UInt64(value) << UInt64(filled)
            filled += width
            while filled >= 8 {
                bytes.append(UInt8(truncatingIfNeeded: accumulator))
                accumulator >>= 8
                filled -= 8
            }
        }
        if filled > 0 { bytes.append(UInt8(truncatingIfNeeded: accumulator)) }
    }

    /// Unpacks `count` values of `width` bits starting at `source` into `output`.
    ///
    /// Reads whole 8-byte words, so up to 7 bytes past the packed stream may be read: the
    /// caller guarantees they are inside the same buffer (index files pad their postings).
    @inline(__always)
    static func unpack(
        _ source: UnsafeRawPointer, count: Int, width: Int, into output: UnsafeMutablePointer<UInt32>
    ) {
        guard width > 0 else {
            output.update(repeating: 0, count: count)
            return
        }
        let mask: UInt64 = (1 << UInt64(width)) &- 1
        var bit = 0
        for index in 0..<count {
            let word = UInt64(littleEndian: source.loadUnaligned(fromByteOffset: bit >> 3, as: UInt64.self))
            output[index] = UInt32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask)
            bit += width
        }
    }
}
