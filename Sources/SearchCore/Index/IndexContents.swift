/// Everything an index holds, as plain arrays: what ``IndexBuilder`` collects and what the
/// v1 reader decodes. ``IndexWriter`` turns it into index format v2.
struct IndexContents: Sendable {
    var analyzerID: String
    var sourceFingerprint: UInt64
    var synonymRules: [SynonymRule]
    /// Passage ids by ordinal.
    var passageIDs: [String]
    /// Exact passage lengths in terms, by ordinal.
    var passageLengths: [UInt32]
    /// The terms' UTF-8 bytes, concatenated in byte order (strictly increasing).
    var termBytes: [UInt8]
    /// Where each term starts in ``termBytes``; one more entry than there are terms.
    var termOffsets: [UInt32]
    /// Where each term's postings start in the flat arrays; one more entry than terms.
    var postingStarts: [Int]
    /// Passage ordinals, ascending within each term.
    var postingOrdinals: [UInt32]
    /// The term's count in the passage, at least 1.
    var postingFrequencies: [UInt32]

    var termCount: Int { termOffsets.count - 1 }

    /// The bytes of term `ordinal`.
    func term(_ ordinal: Int) -> ArraySlice<UInt8> {
        termBytes[Int(termOffsets[ordinal])..<Int(termOffsets[ordinal + 1])]
    }

    /// The contents with terms given as strings, sorted here into byte order.
    init(
        analyzerID: String, sourceFingerprint: UInt64, synonymRules: [SynonymRule],
        passageIDs: [String], passageLengths: [UInt32],
        postings: [(term: String, ordinals: [UInt32], frequencies: [UInt32])]
    ) {
        self.analyzerID = analyzerID
        self.sourceFingerprint = sourceFingerprint
        self.synonymRules = synonymRules
        self.passageIDs = passageIDs
        self.passageLengths = passageLengths
        let sorted = postings.sorted { $0.term.utf8.lexicographicallyPrecedes($1.term.utf8) }
        termBytes = []
        termOffsets = [0]
        postingStarts = [0]
        postingOrdinals = []
        postingFrequencies = []
        for entry in sorted {
            termBytes.append(contentsOf: entry.term.utf8)
            termOffsets.append(UInt32(termBytes.count))
            postingOrdinals.append(contentsOf: entry.ordinals)
            postingFrequencies.append(contentsOf: entry.frequencies)
            postingStarts.append(postingOrdinals.count)
        }
    }

    init(
        analyzerID: String, sourceFingerprint: UInt64, synonymRules: [SynonymRule],
        passageIDs: [String], passageLengths: [UInt32], termBytes: [UInt8], termOffsets: [UInt32],
        postingStarts: [Int], postingOrdinals: [UInt32], postingFrequencies: [UInt32]
    ) {
        self.analyzerID = analyzerID
        self.sourceFingerprint = sourceFingerprint
        self.synonymRules = synonymRules
        self.passageIDs = passageIDs
        self.passageLengths = passageLengths
        self.termBytes = termBytes
        self.termOffsets = termOffsets
        self.postingStarts = postingStarts
        self.postingOrdinals = postingOrdinals
        self.postingFrequencies = postingFrequencies
    }
}

/// Passage-id order, which breaks score ties.
enum PassageIDOrder {
    /// Each passage's rank in id order, or nil when the ids already ascend in ordinal order
    /// (then the ordinal is the rank), and the first id found twice, if any.
    ///
    /// - Complexity: O(*n*) when the ids ascend, else O(*n* log *n*).
    static func ranks(of ids: [String]) -> (ranks: [UInt32]?, duplicate: String?) {
        var ascending = true
        for index in ids.indices.dropFirst() where !(ids[index - 1] < ids[index]) {
            ascending = false
            break
        }
        if ascending { return (nil, nil) }
        let order = ids.indices.sorted { ids[$0] < ids[$1] }
        var ranks = [UInt32](repeating: 0, count: ids.count)
        var duplicate: String?
        for (position, ordinal) in order.enumerated() {
            ranks[ordinal] = UInt32(position)
            if duplicate == nil, position > 0, ids[order[position - 1]] == ids[ordinal] { duplicate = ids[ordinal] }
        }
        return (ranks, duplicate)
    }
}
