/// Remembers the term each token analyses to (or that it has none), keyed by the token's
/// UTF-8 bytes: the indexing path's cache in front of stop words and stemming.
///
/// Open addressing, at most half full, 24-byte slots that hold the whole key when it is at
/// most 16 bytes, so that a lookup reads one slot and nothing else; longer tokens go to a
/// plain dictionary. Indexing is bound by memory latency, not arithmetic, so a passage's
/// tokens are looked up in two passes: ``touch(_:)`` first reads each one's slot (the reads
/// are independent, so the processor overlaps their cache misses), then ``term(for:)``
/// finds them in cache.
struct TokenTermTable: Sendable {
    /// A token reduced to what the table compares: its first 16 bytes, length and hash.
    struct Key {
        let low: UInt64
        let high: UInt64
        let hash: UInt64
        let count: Int
        /// Where a token longer than 16 bytes lies in the caller's arena.
        let arenaOffset: Int
    }

    private struct Slot {
        var low: UInt64
        var high: UInt64
        /// The key's length (1…16) in the low byte, hash bits above; 0 for an empty slot.
        var tag: UInt32
        var term: Int32
    }

    private var slots: [Slot]
    private var mask: Int
    private var count = 0
    private var long: [[UInt8]: Int32] = [:]

    /// A table that is never used, to stand in for a real one.
    static let empty = TokenTermTable(capacity: 0)

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: Slot(low: 0, high: 0, tag: 0, term: 0), count: size)
        mask = size - 1
    }

    /// The key of `token`; a token longer than 16 bytes is copied to `arena`.
    @inline(__always)
    static func key(_ token: UnsafeBufferPointer<UInt8>, arena: inout [UInt8]) -> Key {
        var low: UInt64 = 0
        var high: UInt64 = 0
        let stored = min(token.count, 16)
        for index in 0..<min(stored, 8) { low |= UInt64(token[index]) << UInt64(index * 8) }
        if stored > 8 { for index in 8..<stored { high |= UInt64(token[index]) << UInt64((index - 8) * 8) } }
        var hash = mix(low: low, high: high)
        var arenaOffset = 0
        if token.count > 16 {
            arenaOffset = arena.count
            arena.append(contentsOf: token)
            for byte in token[16...] { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
            hash = mix(low: hash, high: UInt64(token.count))
        }
        return Key(low: low, high: high, hash: hash, count: token.count, arenaOffset: arenaOffset)
    }

    @inline(__always)
    private static func mix(low: UInt64, high: UInt64) -> UInt64 {
        var hash = (low ^ 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
        hash = (hash ^ (hash >> 31) ^ high) &* 0x94D0_49BB_1331_11EB
        return hash ^ (hash >> 29)
    }

    /// Reads the slot where `key` would start probing (bringing it into cache).
    @inline(__always)
    func touch(_ key: Key) -> UInt32 { slots[Int(truncatingIfNeeded: key.hash) & mask].tag }

    /// The term of the token with `key`; `analyse` gives it, from the token's bytes, the
    /// first time the token is met.
    @inline(__always)
    mutating func term(
        for key: Key, arena: [UInt8], analyse: (UnsafeBufferPointer<UInt8>) -> Int32
    ) -> Int32 {
        guard key.count <= 16 else {
            let bytes = Array(arena[key.arenaOffset..<(key.arenaOffset + key.count)])
            if let known = long[bytes] { return known }
            let term = bytes.withUnsafeBufferPointer(analyse)
            long[bytes] = term
            return term
        }
        let tag = UInt32(truncatingIfNeeded: key.hash >> 40) << 8 | UInt32(key.count)
        var slot = Int(truncatingIfNeeded: key.hash) & mask
        while true {
            let candidate = slots[slot]
            if candidate.tag == 0 { break }
            if candidate.tag == tag, candidate.low == key.low, candidate.high == key.high { return candidate.term }
            slot = (slot + 1) & mask
        }
        var words = (key.low.littleEndian, key.high.littleEndian)
        let term = withUnsafeBytes(of: &words) { raw in
            analyse(UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[0..<key.count]))
        }
        slots[slot] = Slot(low: key.low, high: key.high, tag: tag, term: term)
        count += 1
        if count * 2 > slots.count { grow() }
        return term
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(low: 0, high: 0, tag: 0, term: 0), count: old.count * 2)
        mask = slots.count - 1
        for entry in old where entry.tag != 0 {
            var slot = Int(truncatingIfNeeded: Self.mix(low: entry.low, high: entry.high)) & mask
            while slots[slot].tag != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}
