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
    /// Each width gets its own copy of the loop, with the width a constant, which the
    /// compiler unrolls: decoding is most of the work of a hard query.
    @inline(__always)
    static func unpack(
        _ source: UnsafeRawPointer, count: Int, width: Int, into output: UnsafeMutablePointer<UInt32>
    ) {
        switch width {
        case 0: output.update(repeating: 0, count: count)
        case 1: unpack(source, count: count, fixedWidth: 1, into: output)
        case 2: unpack(source, count: count, fixedWidth: 2, into: output)
        case 3: unpack(source, count: count, fixedWidth: 3, into: output)
        case 4: unpack(source, count: count, fixedWidth: 4, into: output)
        case 5: unpack(source, count: count, fixedWidth: 5, into: output)
        case 6: unpack(source, count: count, fixedWidth: 6, into: output)
        case 7: unpack(source, count: count, fixedWidth: 7, into: output)
        case 8: unpack(source, count: count, fixedWidth: 8, into: output)
        case 9: unpack(source, count: count, fixedWidth: 9, into: output)
        case 10: unpack(source, count: count, fixedWidth: 10, into: output)
        case 11: unpack(source, count: count, fixedWidth: 11, into: output)
        case 12: unpack(source, count: count, fixedWidth: 12, into: output)
        case 13: unpack(source, count: count, fixedWidth: 13, into: output)
        case 14: unpack(source, count: count, fixedWidth: 14, into: output)
        case 15: unpack(source, count: count, fixedWidth: 15, into: output)
        case 16: unpack(source, count: count, fixedWidth: 16, into: output)
        default: unpack(source, count: count, fixedWidth: width, into: output)
        }
    }

    @inline(__always)
    private static func unpack(
        _ source: UnsafeRawPointer, count: Int, fixedWidth width: Int, into output: UnsafeMutablePointer<UInt32>
    ) {
        let mask: UInt64 = (1 << UInt64(width)) &- 1
        var index = 0
        // Eight values take exactly `width` bytes: unroll by eight from a byte-aligned start.
        while index + 8 <= count {
            let base = source + (index * width) >> 3
            for lane in 0..<8 {
                let bit = lane * width
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: bit >> 3, as: UInt64.self))
                output[index + lane] = UInt32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask)
            }
            index += 8
        }
        while index < count {
            let bit = index * width
            let word = UInt64(littleEndian: source.loadUnaligned(fromByteOffset: bit >> 3, as: UInt64.self))
            output[index] = UInt32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask)
            index += 1
        }
    }
}
