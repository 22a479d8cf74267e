import Glibc

/// An inverted index over passages, ranked by BM25 exactly as Lucene defines it.
///
/// The index is read where it lies: it wraps the bytes of an index file (format v2,
/// docs/FORMATS.md) — memory-mapped by the CLI or owned in memory — and decodes only what a
/// query touches. Terms are sorted by bytes; each term's postings (passage ordinal, term
/// frequency) are compressed in blocks of 128 with skip entries and score bounds. Passage
/// lengths are exact term counts, with no one-byte quantisation. Build one with
/// ``IndexBuilder``; save and load it with ``IndexFile``.
///
/// ```swift
/// var builder = IndexBuilder(analyzer: .english)
/// builder.add(passageID: "a#1", text: "Schools should take seriously any concerns")
/// let index = builder.build()
/// index.search(index.query("concerns"), limit: 10)
/// ```
public struct InvertedIndex: @unchecked Sendable {
    // @unchecked: `bytes` points into `storage`, which this value keeps alive and nobody
    // writes to; everything else is immutable.

    /// The id of the analyzer that made the terms.
    public let analyzerID: String
    /// The domain vocabulary used to expand queries (empty for a `--jsonl` index).
    public let synonyms: SynonymGroups
    /// A fingerprint of the corpus files the index was built from (0 when not from files).
    public let sourceFingerprint: UInt64

    let analyzer: Analyzer
    let storage: any IndexBytes
    let bytes: UnsafeRawBufferPointer
    let layout: IndexLayout
    let averageLength: Double

    /// Wraps the v2 index file in `storage`, checking it (``IndexLayout``).
    init(storage: any IndexBytes, analyzer: Analyzer) throws(IndexFileError) {
        let layout = try IndexLayout.read(storage.bytes, analyzer: analyzer)
        self.storage = storage
        self.bytes = storage.bytes
        self.layout = layout
        self.analyzer = analyzer
        self.analyzerID = layout.analyzerID
        self.sourceFingerprint = layout.sourceFingerprint
        self.synonyms = SynonymGroups(rules: layout.synonymRules, analyzer: analyzer)
        self.averageLength = layout.passageCount == 0 ? 0 : Double(layout.totalLength) / Double(layout.passageCount)
    }

    /// The number of passages.
    public var passageCount: Int { layout.passageCount }
    /// The number of distinct terms.
    public var termCount: Int { layout.termCount }

    /// Passage ids by ordinal, all decoded.
    ///
    /// - Complexity: O(*n*); use ``passageID(at:)`` for one.
    public var passageIDs: [String] {
        var ids: [String] = []
        ids.reserveCapacity(passageCount)
        for block in stride(from: 0, to: passageCount, by: IndexFormat.idBlockSize) {
            forEachID(inBlockOf: block, upTo: min(IndexFormat.idBlockSize, passageCount - block)) {
                ids.append(String(decoding: $0, as: UTF8.self))
            }
        }
        return ids
    }

    /// The id of the passage at `ordinal` (0 ≤ ordinal < ``passageCount``).
    ///
    /// - Complexity: O(16): ids are front-coded in blocks of 16.
    public func passageID(at ordinal: Int) -> String {
        guard ordinal >= 0, ordinal < passageCount else { return "" }
        let wanted = ordinal % IndexFormat.idBlockSize
        var position = 0
        var found = ""
        forEachID(inBlockOf: ordinal, upTo: wanted + 1) { id in
            if position == wanted { found = String(decoding: id, as: UTF8.self) }
            position += 1
        }
        return found
    }

    /// Decodes the first `count` ids of the block holding `ordinal`, as UTF-8 bytes (a
    /// String is made only for the ids a caller keeps: the ids before it in the block are
    /// decoded only to rebuild it from their shared prefixes).
    private func forEachID(inBlockOf ordinal: Int, upTo count: Int, _ body: ([UInt8]) -> Void) {
        let block = ordinal / IndexFormat.idBlockSize
        let dataStart = layout.start(.idData)
        let dataEnd = dataStart + layout.length(.idData)
        var reader = ByteReader(bytes, from: dataStart + Int(bytes.u64(layout.start(.idBlocks) + block * 8)), to: dataEnd)
        var id: [UInt8] = []
        for position in 0..<count {
            let shared = position == 0 ? 0 : Int(clamping: reader.readVarint() ?? UInt64.max)
            guard shared <= id.count, let length = reader.readVarint(), let suffix = reader.readBytes(Int(clamping: length))
            else { return }
            id.removeSubrange(shared...)
            id.append(contentsOf: UnsafeRawBufferPointer(rebasing: suffix))
            body(id)
        }
    }

    /// Exact passage lengths in terms, by ordinal.
    public var passageLengths: [UInt32] { (0..<passageCount).map(passageLength(at:)) }

    /// The exact length in terms of the passage at `ordinal`.
    @inline(__always)
    func passageLength(at ordinal: Int) -> UInt32 {
        let start = layout.start(.lengths)
        switch layout.lengthWidth {
        case 1: return UInt32(bytes[start + ordinal])
        case 2: return UInt32(bytes.u16(start + ordinal * 2))
        default: return bytes.u32(start + ordinal * 4)
        }
    }

    /// The passage's rank in passage-id order, which breaks score ties.
    @inline(__always)
    func idRank(_ ordinal: Int) -> UInt32 {
        layout.hasRanks ? bytes.u32(layout.start(.idRanks) + ordinal * 4) : UInt32(ordinal)
    }

    /// The ordinal of `term` in the sorted terms, or nil.
    ///
    /// - Complexity: O(log *t*) byte comparisons.
    func termOrdinal(of term: String) -> Int? {
        var term = term
        return term.withUTF8 { wanted in
            let raw = UnsafeRawBufferPointer(wanted)
            var low = 0
            var high = termCount
            while low < high {
                let middle = (low + high) / 2
                let order = compareBytes(termBytes(middle), raw)
                if order < 0 {
                    low = middle + 1
                } else if order > 0 {
                    high = middle
                } else {
                    return middle
                }
            }
            return nil
        }
    }

    /// Negative, zero or positive as `left` sorts before, with or after `right`, byte by byte
    /// (unsigned) and then by length: the order the terms are stored in. `memcmp` rather than
    /// `lexicographicallyPrecedes`, which walks a byte at a time through a generic iterator.
    private func compareBytes(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer) -> Int {
        let common = min(left.count, right.count)
        if common > 0, let leftStart = left.baseAddress, let rightStart = right.baseAddress {
            let order = memcmp(leftStart, rightStart, common)
            if order != 0 { return Int(order) }
        }
        return left.count - right.count
    }

    /// The UTF-8 bytes of the term at `ordinal`.
    func termBytes(_ ordinal: Int) -> UnsafeRawBufferPointer {
        let offsets = layout.start(.termOffsets)
        let base = layout.start(.termBytes)
        let from = Int(bytes.u32(offsets + ordinal * 4))
        let to = Int(bytes.u32(offsets + ordinal * 4 + 4))
        return UnsafeRawBufferPointer(rebasing: bytes[(base + from)..<(base + to)])
    }

    /// The number of passages holding the term at `ordinal`.
    func documentFrequency(ofTermAt ordinal: Int) -> Int {
        Int(bytes.u32(layout.start(.termInfo) + ordinal * IndexFormat.termInfoSize + 8))
    }

    /// The number of passages holding `term` (an analysed term).
    public func documentFrequency(of term: String) -> Int {
        termOrdinal(of: term).map(documentFrequency(ofTermAt:)) ?? 0
    }

    /// True when the index holds `term` (an analysed term).
    public func contains(term: String) -> Bool { termOrdinal(of: term) != nil }

    /// All terms, sorted by their UTF-8 bytes.
    ///
    /// - Complexity: O(*t*).
    public var allTerms: [String] { (0..<termCount).map { String(decoding: termBytes($0), as: UTF8.self) } }

    /// The analysed query for `text`: its own terms (a repeated term weighs once per
    /// repetition) plus the domain vocabulary's expansions, unless `expand` is false.
    public func query(_ text: String, expand: Bool = true) -> [WeightedTerm] {
        let typed = analyzer.terms(text)
        var weights: [String: Double] = [:]
        for term in typed { weights[term, default: 0] += 1 }
        var query = weights.keys.sorted().map { WeightedTerm(term: $0, weight: weights[$0] ?? 0) }
        if expand { query += synonyms.expansions(of: typed) }
        return query
    }
}

/// A passage and its score for a query.
public struct ScoredPassage: Sendable, Equatable {
    /// The passage's position in the index.
    public let ordinal: Int
    /// The passage id.
    public let passageID: String
    /// Its BM25 score.
    public let score: Double

    public init(ordinal: Int, passageID: String, score: Double) {
        self.ordinal = ordinal
        self.passageID = passageID
        self.score = score
    }
}

