/// Ranking.
extension InvertedIndex {
    /// Returns the passages that best match `query`, highest BM25 score first, ties broken by
    /// passage id; passages with no query term are never returned.
    ///
    /// - Parameters:
    ///   - query: weighted analysed terms, e.g. from ``query(_:expand:)``.
    ///   - limit: the most passages to return.
    ///   - parameters: k1 and b.
    ///   - allowed: when given, only passages whose ordinal it accepts are ranked.
    /// - Complexity: O(*p* + *m* log *m*), *p* = postings touched, *m* = passages matched.
    public func search(
        _ query: [WeightedTerm], limit: Int, parameters: BM25Parameters = .standard,
        allowed: ((Int) -> Bool)? = nil
    ) -> [ScoredPassage] {
        guard limit > 0, !passageIDs.isEmpty else { return [] }
        var scores = [Double](repeating: 0, count: passageIDs.count)
        var matched: [Int] = []
        for weighted in query {
            guard let termOrdinal = termOrdinals[weighted.term], weighted.weight > 0 else { continue }
            let start = postingStarts[termOrdinal]
            let end = postingStarts[termOrdinal + 1]
            let weightedIDF =
                weighted.weight * BM25.idf(documentFrequency: end - start, passageCount: passageIDs.count)
            for position in start..<end {
                let ordinal = Int(postingOrdinals[position])
                if let allowed, !allowed(ordinal) { continue }
                if scores[ordinal] == 0 { matched.append(ordinal) }
                scores[ordinal] += BM25.termScore(
                    weightedIDF: weightedIDF, frequency: Double(postingFrequencies[position]),
                    length: Double(passageLengths[ordinal]), averageLength: averageLength,
                    parameters: parameters)
            }
        }
        matched.sort { left, right in
            scores[left] != scores[right] ? scores[left] > scores[right] : idRank[left] < idRank[right]
        }
        return matched.prefix(limit).map {
            ScoredPassage(ordinal: $0, passageID: passageIDs[$0], score: scores[$0])
        }
    }

    /// How a passage's score is made: one line per query term that it holds.
    public func explain(_ query: [WeightedTerm], ordinal: Int, parameters: BM25Parameters = .standard)
        -> [TermExplanation]
    {
        guard passageIDs.indices.contains(ordinal) else { return [] }
        var lines: [TermExplanation] = []
        for weighted in query {
            guard let termOrdinal = termOrdinals[weighted.term] else { continue }
            let range = postingStarts[termOrdinal]..<postingStarts[termOrdinal + 1]
            guard let position = postingOrdinals[range].firstIndex(of: UInt32(ordinal)) else { continue }
            let idf = BM25.idf(documentFrequency: range.count, passageCount: passageIDs.count)
            let frequency = Double(postingFrequencies[position])
            let score = BM25.termScore(
                weightedIDF: weighted.weight * idf, frequency: frequency,
                length: Double(passageLengths[ordinal]), averageLength: averageLength,
                parameters: parameters)
            lines.append(
                TermExplanation(
                    term: weighted.term, weight: weighted.weight, idf: idf, frequency: frequency,
                    score: score))
        }
        return lines
    }

    /// The postings of `term`: (passage ordinal, frequency) pairs in ordinal order.
    package func postings(of term: String) -> [(ordinal: Int, frequency: Int)] {
        guard let termOrdinal = termOrdinals[term] else { return [] }
        return (postingStarts[termOrdinal]..<postingStarts[termOrdinal + 1]).map {
            (Int(postingOrdinals[$0]), Int(postingFrequencies[$0]))
        }
    }
}

/// One query term's part in a passage's score.
public struct TermExplanation: Sendable, Equatable {
    public let term: String
    public let weight: Double
    public let idf: Double
    public let frequency: Double
    public let score: Double
}
