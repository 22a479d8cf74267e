/// An inverted index over passages, ranked by BM25 exactly as Lucene defines it.
///
/// Terms are kept sorted; each term's postings (passage ordinal, term frequency) are in
/// ascending ordinal order in flat arrays. Passage lengths are exact term counts, with no
/// one-byte quantisation. Build one with ``IndexBuilder``; save and load it with ``IndexFile``.
///
/// ```swift
/// var builder = IndexBuilder(analyzer: .english)
/// builder.add(passageID: "a#1", text: "Schools should take seriously any concerns")
/// let index = builder.build()
/// index.search(index.query("concerns"), limit: 10)
/// ```
public struct InvertedIndex: Sendable {
    /// The id of the analyzer that made the terms.
    public let analyzerID: String
    /// Passage ids by ordinal.
    public let passageIDs: [String]
    /// Exact passage lengths in terms, by ordinal.
    public let passageLengths: [UInt32]
    /// The domain vocabulary used to expand queries (empty for a `--jsonl` index).
    public let synonyms: SynonymGroups
    /// A fingerprint of the corpus files the index was built from (0 when not from files).
    public let sourceFingerprint: UInt64

    /// Sorted terms.
    let terms: [String]
    /// Start of each term's postings in the flat arrays; `terms.count + 1` entries.
    let postingStarts: [Int]
    let postingOrdinals: [UInt32]
    let postingFrequencies: [UInt32]
    let termOrdinals: [String: Int]
    /// Each passage's rank in passage-id order, used to break score ties.
    let idRank: [UInt32]
    let averageLength: Double
    let analyzer: Analyzer

    init(
        analyzer: Analyzer, passageIDs: [String], passageLengths: [UInt32], terms: [String],
        postingStarts: [Int], postingOrdinals: [UInt32], postingFrequencies: [UInt32],
        synonyms: SynonymGroups, sourceFingerprint: UInt64
    ) {
        self.analyzer = analyzer
        self.analyzerID = analyzer.id
        self.passageIDs = passageIDs
        self.passageLengths = passageLengths
        self.terms = terms
        self.postingStarts = postingStarts
        self.postingOrdinals = postingOrdinals
        self.postingFrequencies = postingFrequencies
        self.synonyms = synonyms
        self.sourceFingerprint = sourceFingerprint
        var lookup: [String: Int] = [:]
        lookup.reserveCapacity(terms.count)
        for (ordinal, term) in terms.enumerated() { lookup[term] = ordinal }
        self.termOrdinals = lookup
        let total = passageLengths.reduce(0) { $0 + Double($1) }
        self.averageLength = passageIDs.isEmpty ? 0 : total / Double(passageIDs.count)
        var rank = [UInt32](repeating: 0, count: passageIDs.count)
        for (position, ordinal) in passageIDs.indices.sorted(by: { passageIDs[$0] < passageIDs[$1] })
            .enumerated()
        {
            rank[ordinal] = UInt32(position)
        }
        self.idRank = rank
    }

    /// The number of passages.
    public var passageCount: Int { passageIDs.count }
    /// The number of distinct terms.
    public var termCount: Int { terms.count }

    /// The number of passages holding `term` (an analysed term).
    public func documentFrequency(of term: String) -> Int {
        guard let ordinal = termOrdinals[term] else { return 0 }
        return postingStarts[ordinal + 1] - postingStarts[ordinal]
    }

    /// True when the index holds `term` (an analysed term).
    public func contains(term: String) -> Bool { termOrdinals[term] != nil }

    /// All terms, sorted.
    public var allTerms: [String] { terms }

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
