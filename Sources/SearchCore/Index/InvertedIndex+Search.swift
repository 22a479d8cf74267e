/// Ranking.
extension InvertedIndex {
    /// Returns the passages that best match `query`, highest BM25 score first, ties broken by
    /// passage id; passages with no query term are never returned.
    ///
    /// With the standard parameters the search prunes (``BlockMaxScore``): it skips postings
    /// that provably cannot reach the top `limit`, and returns exactly what
    /// ``searchExhaustively(_:limit:parameters:allowed:)`` returns, scores included. With
    /// other parameters it scores every posting of the query's terms.
    ///
    /// - Parameters:
    ///   - query: weighted analysed terms, e.g. from ``query(_:expand:)``.
    ///   - limit: the most passages to return.
    ///   - parameters: k1 and b.
    ///   - allowed: when given, only passages whose ordinal it accepts are ranked.
    /// - Complexity: O(*p* log *k*) at worst, *p* = postings of the query's terms,
    ///   *k* = `limit`; usually far fewer postings are decoded.
    public func search(
        _ query: [WeightedTerm], limit: Int, parameters: BM25Parameters = .standard,
        allowed: ((Int) -> Bool)? = nil
    ) -> [ScoredPassage] {
        guard limit > 0, passageCount > 0 else { return [] }
        let terms = resolve(query)
        let prune = parameters == IndexFormat.impactParameters
        let hits = BlockMaxScore.search(
            self, terms: terms, limit: limit, parameters: parameters, allowed: allowed, prune: prune)
        return hits.map { ScoredPassage(ordinal: Int($0.ordinal), passageID: passageID(at: Int($0.ordinal)), score: $0.score) }
    }

    /// The same ranking as ``search(_:limit:parameters:allowed:)``, computed by scoring every
    /// posting of every query term into one accumulator per passage: the reference the
    /// pruning is checked against (`senguide search --exhaustive`, the pruning tests).
    ///
    /// - Complexity: O(*p* + *n* + *m* log *k*), *n* = passages, *m* = passages matched.
    public func searchExhaustively(
        _ query: [WeightedTerm], limit: Int, parameters: BM25Parameters = .standard,
        allowed: ((Int) -> Bool)? = nil
    ) -> [ScoredPassage] {
        guard limit > 0, passageCount > 0 else { return [] }
        var scores = [Double](repeating: 0, count: passageCount)
        var matched: [Int] = []
        for term in resolve(query) {
            for (ordinal, frequency) in postings(ofTermAt: term.termOrdinal) {
                if let allowed, !allowed(ordinal) { continue }
                if scores[ordinal] == 0 { matched.append(ordinal) }
                scores[ordinal] += BM25.termScore(
                    weightedIDF: term.weightedIDF, frequency: Double(frequency),
                    length: Double(passageLength(at: ordinal)), averageLength: averageLength, parameters: parameters)
            }
        }
        var top = TopHits(capacity: limit)
        for ordinal in matched { top.offer(score: scores[ordinal], rank: idRank(ordinal), ordinal: UInt32(ordinal)) }
        return top.sorted().map {
            ScoredPassage(ordinal: Int($0.ordinal), passageID: passageID(at: Int($0.ordinal)), score: $0.score)
        }
    }

    /// The query's terms that the index holds with a positive weight, in query order, with
    /// their weighted idf.
    private func resolve(_ query: [WeightedTerm]) -> [BlockMaxScore.Term] {
        query.compactMap { weighted in
            guard weighted.weight > 0, let termOrdinal = termOrdinal(of: weighted.term) else { return nil }
            let idf = BM25.idf(documentFrequency: documentFrequency(ofTermAt: termOrdinal), passageCount: passageCount)
            return BlockMaxScore.Term(termOrdinal: termOrdinal, weightedIDF: weighted.weight * idf)
        }
    }

    /// How a passage's score is made: one line per query term that it holds.
    public func explain(_ query: [WeightedTerm], ordinal: Int, parameters: BM25Parameters = .standard)
        -> [TermExplanation]
    {
        guard ordinal >= 0, ordinal < passageCount else { return [] }
        var lines: [TermExplanation] = []
        for weighted in query {
            guard let termOrdinal = termOrdinal(of: weighted.term),
                let posting = postings(ofTermAt: termOrdinal).first(where: { $0.ordinal == ordinal })
            else { continue }
            let idf = BM25.idf(documentFrequency: documentFrequency(ofTermAt: termOrdinal), passageCount: passageCount)
            let frequency = Double(posting.frequency)
            let score = BM25.termScore(
                weightedIDF: weighted.weight * idf, frequency: frequency,
                length: Double(passageLength(at: ordinal)), averageLength: averageLength, parameters: parameters)
            lines.append(
                TermExplanation(term: weighted.term, weight: weighted.weight, idf: idf, frequency: frequency, score: score))
        }
        return lines
    }

    /// The postings of `term`: (passage ordinal, frequency) pairs in ordinal order.
    package func postings(of term: String) -> [(ordinal: Int, frequency: Int)] {
        guard let termOrdinal = termOrdinal(of: term) else { return [] }
        return postings(ofTermAt: termOrdinal)
    }

    /// Every posting of the term at `termOrdinal`, decoded.
    func postings(ofTermAt termOrdinal: Int) -> [(ordinal: Int, frequency: Int)] {
        let buffer = UnsafeMutablePointer<UInt32>.allocate(capacity: 2 * IndexFormat.blockSize)
        defer { buffer.deallocate() }
        var cursor = PostingCursor(index: self, termOrdinal: termOrdinal, buffer: buffer)
        var result: [(ordinal: Int, frequency: Int)] = []
        result.reserveCapacity(cursor.documentFrequency)
        while cursor.next() != PostingCursor.exhausted {
            result.append((cursor.ordinal, Int(cursor.frequency)))
        }
        return result
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
