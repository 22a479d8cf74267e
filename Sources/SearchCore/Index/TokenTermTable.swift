/// Remembers the term each token analyses to (or that it has none), keyed by the token's
/// UTF-8 bytes: the indexing path's cache in front of stop words and stemming.
///
/// Open addressing, at most half full, 24-byte slots that hold the whole key when it is at
/// most 16 bytes, so that a lookup reads one slot and nothing else (indexing is bound by
/// memory latency, and most words are short). Longer tokens go to a plain dictionary.
struct TokenTermTable: Sendable {
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

    /// The term of `token`; `analyse` gives it the first time the token is met.
    @inline(__always)
    mutating func term(of token: UnsafeBufferPointer<UInt8>, analyse: (UnsafeBufferPointer<UInt8>) -> Int32) -> Int32 {
        guard token.count <= 16, token.count > 0, let base = token.baseAddress else {
            if let known = long[Array(token)] { return known }
            let term = analyse(token)
            long[Array(token)] = term
            return term
        }
        var low: UInt64 = 0
        var high: UInt64 = 0
        let raw = UnsafeRawPointer(base)
        switch token.count {
        case 16: 
            low = raw.loadUnaligned(as: UInt64.self)
            high = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        case 8..<16:
            low = raw.loadUnaligned(as: UInt64.self)
            for index in 8..<token.count { high |= UInt64(token[index]) << UInt64((index - 8) * 8) }
        default:
            for index in 0..<token.count { low |= UInt64(token[index]) << UInt64(index * 8) }
        }
        var hash = (low ^ 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
        hash = (hash ^ (hash >> 31) ^ high) &* 0x94D0_49BB_1331_11EB
        hash ^= hash >> 29
        let tag = UInt32(truncatingIfNeeded: hash >> 40) << 8 | UInt32(token.count)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let candidate = slots[slot]
            if candidate.tag == 0 { break }
            if candidate.tag == tag, candidate.low == low, candidate.high == high { return candidate.term }
            slot = (slot + 1) & mask
        }
        let term = analyse(token)
        slots[slot] = Slot(low: low, high: high, tag: tag, term: term)
        count += 1
        if count * 2 > slots.count { grow() }
        return term
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(low: 0, high: 0, tag: 0, term: 0), count: old.count * 2)
        mask = slots.count - 1
        for entry in old where entry.tag != 0 {
            var hash = (entry.low ^ 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
            hash = (hash ^ (hash >> 31) ^ entry.high) &* 0x94D0_49BB_1331_11EB
            hash ^= hash >> 29
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot].tag != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}
