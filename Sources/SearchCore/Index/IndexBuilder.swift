/// Collects passages and builds an ``InvertedIndex``.
///
/// The same passages added in the same order always give the same index, byte for byte once
/// encoded: terms are sorted and postings are in passage order.
public struct IndexBuilder: Sendable {
    public let analyzer: Analyzer
    private var passageIDs: [String] = []
    private var passageLengths: [UInt32] = []
    private var postings: [String: [(UInt32, UInt32)]] = [:]

    public init(analyzer: Analyzer) { self.analyzer = analyzer }

    /// The number of passages added so far.
    public var passageCount: Int { passageIDs.count }

    /// Adds one passage; its id must be unique (the caller checks).
    public mutating func add(passageID: String, text: String) {
        let ordinal = UInt32(passageIDs.count)
        let terms = analyzer.terms(text)
        var frequencies: [String: UInt32] = [:]
        for term in terms { frequencies[term, default: 0] += 1 }
        for (term, frequency) in frequencies {
            postings[term, default: []].append((ordinal, frequency))
        }
        passageIDs.append(passageID)
        passageLengths.append(UInt32(clamping: terms.count))
    }

    /// Builds the index, with `synonyms` for query expansion and the fingerprint of its source.
    public func build(synonyms: SynonymGroups = .none, sourceFingerprint: UInt64 = 0) -> InvertedIndex {
        let terms = postings.keys.sorted()
        var starts: [Int] = [0]
        var ordinals: [UInt32] = []
        var frequencies: [UInt32] = []
        starts.reserveCapacity(terms.count + 1)
        for term in terms {
            for (ordinal, frequency) in postings[term] ?? [] {
                ordinals.append(ordinal)
                frequencies.append(frequency)
            }
            starts.append(ordinals.count)
        }
        return InvertedIndex(
            analyzer: analyzer, passageIDs: passageIDs, passageLengths: passageLengths, terms: terms,
            postingStarts: starts, postingOrdinals: ordinals, postingFrequencies: frequencies,
            synonyms: synonyms, sourceFingerprint: sourceFingerprint)
    }
}
