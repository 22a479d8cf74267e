/// Walks one term's compressed postings in ordinal order, decoding one block at a time.
///
/// A term's bytes are its skip entries (when it has more than one block) followed by its
/// blocks (docs/FORMATS.md#index-file-v2). ``advance(to:)`` uses the skip entries to jump
/// to the block that can hold the target, and ``shallowAdvance(to:)`` moves to it without
/// decoding, so that its score bound can be read first.
///
/// Every read is checked against the term's byte range: a block whose sizes, widths or
/// ordinals do not fit ends the postings (the file's checksum makes that happen only for a
/// deliberately made file).
struct PostingCursor {
    /// The ordinal of an exhausted cursor.
    static let exhausted = Int.max

    private let bytes: UnsafeRawBufferPointer
    private let passageCount: Int
    private let skipStart: Int
    private let dataStart: Int
    private let termEnd: Int
    let documentFrequency: Int
    let blockCount: Int
    /// The term's largest impact, a fraction of 65535.
    let termImpact: UInt16
    private let ordinals: UnsafeMutablePointer<UInt32>
    private let frequencies: UnsafeMutablePointer<UInt32>

    /// The block the cursor is positioned on (decoded or not).
    private(set) var block = 0
    private var decodedBlock = -1
    private var position = 0
    private var count = 0
    /// The current passage ordinal, or ``exhausted``.
    private(set) var ordinal = -1

    /// A cursor over the term at `termOrdinal`, decoding into `buffer` (2 × 128 values, owned
    /// by the caller for the cursor's lifetime).
    init(index: InvertedIndex, termOrdinal: Int, buffer: UnsafeMutablePointer<UInt32>) {
        let layout = index.layout
        bytes = index.bytes
        passageCount = index.passageCount
        let info = layout.start(.termInfo) + termOrdinal * IndexFormat.termInfoSize
        let postings = layout.start(.postings)
        let start = postings + Int(bytes.u64(info))
        let end =
            termOrdinal + 1 < index.termCount
            ? postings + Int(bytes.u64(info + IndexFormat.termInfoSize)) : layout.postingsEnd
        documentFrequency = Int(bytes.u32(info + 8))
        termImpact = bytes.u16(info + 12)
        blockCount = (documentFrequency + IndexFormat.blockSize - 1) / IndexFormat.blockSize
        let skipBytes = blockCount > 1 ? blockCount * IndexFormat.skipEntrySize : 0
        skipStart = start
        dataStart = start + skipBytes
        termEnd = max(min(end, layout.postingsEnd), start)
        ordinals = buffer
        frequencies = buffer + IndexFormat.blockSize
        if dataStart > termEnd {
            block = blockCount
            ordinal = Self.exhausted
        }
    }

    /// The term's count in the current passage.
    @inline(__always) var frequency: UInt32 { frequencies[position] }

    /// The last ordinal of block `index` (skip entry, or the decoded single block).
    @inline(__always)
    func lastOrdinal(ofBlock index: Int) -> Int {
        blockCount > 1 ? Int(bytes.u32(skipStart + index * IndexFormat.skipEntrySize)) : lastOfSingleBlock
    }

    /// The largest impact in block `index`, a fraction of 65535.
    @inline(__always)
    func impact(ofBlock index: Int) -> UInt16 {
        blockCount > 1 ? bytes.u16(skipStart + index * IndexFormat.skipEntrySize + 8) : termImpact
    }

    private var lastOfSingleBlock: Int {
        decodedBlock == 0 ? Int(ordinals[count - 1]) : Int.max - 1
    }

    /// Moves to the first block whose last ordinal is at least `target`, without decoding;
    /// returns false when there is none (the cursor is then exhausted).
    @inline(__always)
    mutating func shallowAdvance(to target: Int) -> Bool {
        if block >= blockCount { return false }
        if lastOrdinal(ofBlock: block) >= target { return true }
        guard blockCount > 1 else {
            block = blockCount
            ordinal = Self.exhausted
            return false
        }
        var low = block + 1
        var high = blockCount
        while low < high {
            let middle = (low + high) / 2
            if lastOrdinal(ofBlock: middle) >= target { high = middle } else { low = middle + 1 }
        }
        block = low
        if block >= blockCount { ordinal = Self.exhausted }
        return block < blockCount
    }

    /// Moves to the first posting whose ordinal is at least `target`; returns that ordinal
    /// or ``exhausted``.
    @inline(__always)
    mutating func advance(to target: Int) -> Int {
        if ordinal >= target { return ordinal }
        while shallowAdvance(to: target) {
            if decodedBlock != block {
                guard decode(block) else { break }
                position = 0
            }
            while position < count, Int(ordinals[position]) < target { position += 1 }
            if position < count {
                ordinal = Int(ordinals[position])
                return ordinal
            }
            block += 1  // only when a skip entry promised more than its block holds
        }
        block = blockCount
        ordinal = Self.exhausted
        return ordinal
    }

    /// Moves to the next posting; returns its ordinal or ``exhausted``.
    @inline(__always)
    mutating func next() -> Int {
        if decodedBlock == block, position + 1 < count {
            position += 1
            ordinal = Int(ordinals[position])
            return ordinal
        }
        return ordinal == Self.exhausted ? ordinal : advance(to: ordinal + 1)
    }

    /// Decodes block `index` into the buffers; false when it does not fit its bytes.
    private mutating func decode(_ index: Int) -> Bool {
        let start = index == 0 ? dataStart : dataStart + Int(bytes.u32(skipStart + (index - 1) * IndexFormat.skipEntrySize + 4))
        let end = blockCount > 1 ? dataStart + Int(bytes.u32(skipStart + index * IndexFormat.skipEntrySize + 4)) : termEnd
        let blockCount = min(IndexFormat.blockSize, documentFrequency - index * IndexFormat.blockSize)
        guard start + 2 <= end, end <= termEnd, blockCount > 0 else { return false }
        let gapWidth = Int(bytes[start])
        let frequencyWidth = Int(bytes[start + 1])
        guard gapWidth <= 32, frequencyWidth <= 32 else { return false }
        let gapBytes = BitPacking.byteCount(count: blockCount, width: gapWidth)
        let frequencyBytes = BitPacking.byteCount(count: blockCount, width: frequencyWidth)
        guard start + 2 + gapBytes + frequencyBytes <= end, let base = bytes.baseAddress else { return false }
        BitPacking.unpack(base + start + 2, count: blockCount, width: gapWidth, into: ordinals)
        var previous = index == 0 ? -1 : Int(bytes.u32(skipStart + (index - 1) * IndexFormat.skipEntrySize))
        for position in 0..<blockCount {
            previous += Int(ordinals[position]) + 1
            ordinals[position] = UInt32(truncatingIfNeeded: previous)
        }
        guard previous < passageCount else { return false }
        BitPacking.unpack(base + start + 2 + gapBytes, count: blockCount, width: frequencyWidth, into: frequencies)
        for position in 0..<blockCount { frequencies[position] &+= 1 }
        count = blockCount
        decodedBlock = index
        return true
    }
}
