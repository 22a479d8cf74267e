/// Compresses postings into blocks with skip entries and score bounds (index format v2).
///
/// A term's postings are cut into blocks of ``IndexFormat/blockSize``. Each block stores
/// ordinal gaps (ordinal − previous ordinal − 1) and frequencies − 1, bit-packed at the
/// smallest width that holds the block's largest value. A term with more than one block
/// starts with a skip entry per block (last ordinal, end offset, the block's largest impact)
/// so that a search can jump over blocks and bound their scores without decoding them.
enum PostingEncoder {
    /// The term-info table and the postings section for all of `contents`' terms.
    static func encode(_ contents: IndexContents, averageLength: Double, parallelism: Int)
        -> (termInfo: [UInt8], postings: [UInt8])
    {
        let parameters = IndexFormat.impactParameters
        let norms = contents.passageLengths.map { length in
            parameters.k1 * (1 - parameters.b + parameters.b * Double(length) / averageLength)
        }
        let ranges = termRanges(contents, parts: max(1, parallelism))
        let parts = Parallel.map(count: ranges.count, parallelism: parallelism) { part in
            encode(contents, terms: ranges[part], norms: norms)
        }
        var termInfo = ByteWriter()
        termInfo.reserve(contents.termCount * IndexFormat.termInfoSize)
        var postings: [UInt8] = []
        postings.reserveCapacity(parts.reduce(0) { $0 + $1.bytes.count } + IndexFormat.postingsPadding)
        for (range, part) in zip(ranges, parts) {
            let base = UInt64(postings.count)
            for (index, term) in range.enumerated() {
                termInfo.writeUInt64(base + UInt64(part.offsets[index]))
                termInfo.writeUInt32(UInt32(contents.postingStarts[term + 1] - contents.postingStarts[term]))
                termInfo.writeUInt16(part.impacts[index])
                termInfo.writeUInt16(0)
            }
            postings.append(contentsOf: part.bytes)
        }
        postings.append(contentsOf: repeatElement(0, count: IndexFormat.postingsPadding))
        return (termInfo.bytes, postings)
    }

    /// Splits the terms into `parts` consecutive ranges holding about as many postings each.
    private static func termRanges(_ contents: IndexContents, parts: Int) -> [Range<Int>] {
        let total = contents.postingOrdinals.count
        var ranges: [Range<Int>] = []
        var start = 0
        for part in 1...parts {
            let target = total * part / parts
            var end = start
            while end < contents.termCount, contents.postingStarts[end] < target { end += 1 }
            if part == parts { end = contents.termCount }
            ranges.append(start..<end)
            start = end
        }
        return ranges
    }

    /// Encodes the postings of `terms`: their bytes, each term's start in them, each term's
    /// largest impact.
    private static func encode(_ contents: IndexContents, terms: Range<Int>, norms: [Double])
        -> (bytes: [UInt8], offsets: [Int], impacts: [UInt16])
    {
        var bytes: [UInt8] = []
        var offsets: [Int] = []
        var impacts: [UInt16] = []
        offsets.reserveCapacity(terms.count)
        impacts.reserveCapacity(terms.count)
        let blockSize = IndexFormat.blockSize
        var gaps = [UInt32](repeating: 0, count: blockSize)
        var frequencies = [UInt32](repeating: 0, count: blockSize)
        var skips = ByteWriter()
        var blocks: [UInt8] = []
        for term in terms {
            let start = contents.postingStarts[term]
            let end = contents.postingStarts[term + 1]
            let blockCount = (end - start + blockSize - 1) / blockSize
            skips = ByteWriter()
            blocks.removeAll(keepingCapacity: true)
            var previous: Int64 = -1
            var termImpact: UInt16 = 0
            for block in 0..<blockCount {
                let blockStart = start + block * blockSize
                let count = min(blockSize, end - blockStart)
                var gapBits: UInt32 = 0
                var frequencyBits: UInt32 = 0
                var bestImpact = 0.0
                for index in 0..<count {
                    let ordinal = contents.postingOrdinals[blockStart + index]
                    let frequency = contents.postingFrequencies[blockStart + index]
                    gaps[index] = UInt32(Int64(ordinal) - previous - 1)
                    frequencies[index] = frequency - 1
                    gapBits |= gaps[index]
                    frequencyBits |= frequencies[index]
                    previous = Int64(ordinal)
                    let f = Double(frequency)
                    bestImpact = max(bestImpact, f / (f + norms[Int(ordinal)]))
                }
                let impact = quantize(bestImpact)
                termImpact = max(termImpact, impact)
                let gapWidth = BitPacking.width(of: gapBits)
                let frequencyWidth = BitPacking.width(of: frequencyBits)
                blocks.append(UInt8(gapWidth))
                blocks.append(UInt8(frequencyWidth))
                gaps.withUnsafeBufferPointer { BitPacking.pack(UnsafeBufferPointer(rebasing: $0[0..<count]), width: gapWidth, into: &blocks) }
                frequencies.withUnsafeBufferPointer {
                    BitPacking.pack(UnsafeBufferPointer(rebasing: $0[0..<count]), width: frequencyWidth, into: &blocks)
                }
                skips.writeUInt32(UInt32(previous))
                skips.writeUInt32(UInt32(blocks.count))
                skips.writeUInt16(impact)
            }
            offsets.append(bytes.count)
            impacts.append(termImpact)
            if blockCount > 1 { bytes.append(contentsOf: skips.bytes) }
            bytes.append(contentsOf: blocks)
        }
        return (bytes, offsets, impacts)
    }

    /// ⌈impact · 65535⌉ + 1, clamped: a bound never below the impact.
    @inline(__always)
    private static func quantize(_ impact: Double) -> UInt16 {
        guard impact.isFinite, impact >= 0 else { return UInt16.max }
        return UInt16(min(IndexFormat.impactScale, (impact * IndexFormat.impactScale).rounded(.up) + 1))
    }
}
