/// XXH64 (Yann Collet's xxHash, 64-bit, seed 0): the checksum of index format v2.
///
/// Chosen over CRC-32 because the whole file is verified each time it is opened: XXH64 reads
/// 32 bytes a round in four independent lanes and runs several times faster than a
/// table-driven CRC, so a 100 MB index verifies in tens of milliseconds. Any change confined
/// to one 8-byte word (every single-bit flip) changes the hash.
///
/// Reference: github.com/Cyan4973/xxHash, doc/xxhash_spec.md. `XXHash64Tests` pins the
/// specification's values.
enum XXHash64 {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    @inline(__always)
    private static func rotl(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }

    @inline(__always)
    private static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        rotl(accumulator &+ input &* prime2, 31) &* prime1
    }

    @inline(__always)
    private static func merge(_ accumulator: UInt64, _ value: UInt64) -> UInt64 {
        (accumulator ^ round(0, value)) &* prime1 &+ prime4
    }

    /// The hash of `bytes`.
    ///
    /// - Complexity: O(*n*); a few GB/s.
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return finish(prime5, base: nil, from: 0, to: 0) }
        var offset = 0
        var hash: UInt64
        if count >= 32 {
            var lane1 = prime1 &+ prime2
            var lane2 = prime2
            var lane3: UInt64 = 0
            var lane4: UInt64 = 0 &- prime1
            while offset + 32 <= count {
                lane1 = round(lane1, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                lane2 = round(lane2, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)))
                lane3 = round(lane3, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)))
                lane4 = round(lane4, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)))
                offset += 32
            }
            hash = rotl(lane1, 1) &+ rotl(lane2, 7) &+ rotl(lane3, 12) &+ rotl(lane4, 18)
            hash = merge(hash, lane1)
            hash = merge(hash, lane2)
            hash = merge(hash, lane3)
            hash = merge(hash, lane4)
        } else {
            hash = prime5
        }
        hash = hash &+ UInt64(count)
        return finish(hash, base: base, from: offset, to: count)
    }

    /// The hash of `bytes`.
    static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { hash($0) }
    }

    /// Consumes the last 0–31 bytes and avalanches.
    private static func finish(_ start: UInt64, base: UnsafeRawPointer?, from: Int, to end: Int) -> UInt64 {
        var hash = start
        var offset = from
        if let base {
            while offset + 8 <= end {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                hash = rotl(hash ^ round(0, word), 27) &* prime1 &+ prime4
                offset += 8
            }
            if offset + 4 <= end {
                let word = UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
                hash = rotl(hash ^ (word &* prime1), 23) &* prime2 &+ prime3
                offset += 4
            }
            while offset < end {
                let byte = UInt64(base.load(fromByteOffset: offset, as: UInt8.self))
                hash = rotl(hash ^ (byte &* prime5), 11) &* prime1
                offset += 1
            }
        }
        hash ^= hash >> 33
        hash = hash &* prime2
        hash ^= hash >> 29
        hash = hash &* prime3
        hash ^= hash >> 32
        return hash
    }
}
