/// Interns byte strings: each distinct string gets the next id (0, 1, 2, …), found again by
/// hashing. The indexing path's dictionary, keyed by UTF-8 bytes so that no `String` is made
/// per token.
///
/// Open addressing with linear probing, at most half full. A slot holds the id, the key's
/// length with part of its hash, and its first 8 bytes, so that finding a key of up to 8
/// bytes reads one slot and nothing else (the lookup is bound by memory latency, not
/// arithmetic); longer keys are compared in full in the arena, where the strings lie end to
/// end.
struct ByteStringTable: Sendable {
    private struct Slot {
        /// The key's first 8 bytes, little-endian, zero-padded.
        var prefix: UInt64
        /// High hash bits above the key's length (255 for 255 bytes or more).
        var tag: UInt32
        /// The id, or −1 for an empty slot.
        var id: Int32
    }

    /// The strings' bytes, end to end, in id order.
    private(set) var arena: [UInt8] = []
    /// Where string *i* starts in ``arena``; one more entry than strings.
    private(set) var starts: [Int] = [0]
    private var slots: [Slot]
    private var hashes: [UInt64] = []
    private var mask: Int

    /// A table that is never used, to stand in for a real one.
    static let empty = ByteStringTable(capacity: 0)

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: Slot(prefix: 0, tag: 0, id: -1), count: size)
        mask = size - 1
    }

    /// The number of strings.
    var count: Int { starts.count - 1 }

    /// The bytes of string `id`.
    func bytes(_ id: Int) -> ArraySlice<UInt8> { arena[starts[id]..<starts[id + 1]] }

    /// The id of `key`, inserting it when new.
    @inline(__always)
    mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> (id: Int, isNew: Bool) {
        let prefix = Self.prefix(key)
        let hash = Self.hash(key, prefix: prefix)
        let tag = UInt32(truncatingIfNeeded: hash >> 40) << 8 | UInt32(min(key.count, 255))
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let candidate = slots[slot]
            if candidate.id < 0 { break }
            if candidate.tag == tag, candidate.prefix == prefix, key.count <= 8 || equals(Int(candidate.id), key) {
                return (Int(candidate.id), false)
            }
            slot = (slot + 1) & mask
        }
        let id = count
        slots[slot] = Slot(prefix: prefix, tag: tag, id: Int32(id))
        hashes.append(hash)
        arena.append(contentsOf: key)
        starts.append(arena.count)
        if count * 2 > slots.count { grow() }
        return (id, true)
    }

    private func equals(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[id]
        guard starts[id + 1] - start == key.count else { return false }
        return arena.withUnsafeBufferPointer { arena in
            UnsafeBufferPointer(rebasing: arena[start..<(start + key.count)]).elementsEqual(key)
        }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(prefix: 0, tag: 0, id: -1), count: old.count * 2)
        mask = slots.count - 1
        for entry in old where entry.id >= 0 {
            var slot = Int(truncatingIfNeeded: hashes[Int(entry.id)]) & mask
            while slots[slot].id >= 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }

    /// The key's first 8 bytes, little-endian, zero-padded.
    @inline(__always)
    private static func prefix(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        if key.count >= 8, let base = key.baseAddress {
            return UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(as: UInt64.self))
        }
        var word: UInt64 = 0
        for index in 0..<key.count { word |= UInt64(key[index]) << UInt64(index * 8) }
        return word
    }

    /// A 64-bit hash of `key` (multiply–xorshift mixing, 8 bytes a step).
    @inline(__always)
    private static func hash(_ key: UnsafeBufferPointer<UInt8>, prefix: UInt64) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
        hash = (hash ^ prefix) &* 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 31
        var index = 8
        if let base = key.baseAddress {
            while index + 8 <= key.count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
                hash ^= hash >> 31
                index += 8
            }
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < key.count {
            tail |= UInt64(key[index]) << shift
            shift += 8
            index += 1
        }
        hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
        hash ^= hash >> 29
        hash = hash &* 0xBF58_476D_1CE4_E5B9
        return hash ^ (hash >> 32)
    }
}
