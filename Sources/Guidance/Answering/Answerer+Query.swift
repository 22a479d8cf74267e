import SearchCore

/// Making a question ready to answer: its reading turned into a query (its terms, a
/// follow-up's context, the vocabulary's expansions, a singled-out stage of the cycle), the
/// passages found for it, and its terms weighed for coverage.
extension Answerer {
    /// A question made ready to judge and rank: its reading turned into a query, the passages
    /// found for it, and its terms weighed for coverage. How every way of answering starts.
    struct PreparedQuestion {
        let query: (terms: [WeightedTerm], judgedTerms: [String], phrasedTerms: [String])
        /// The passages found by their words, at least 20 (enough to rank and judge).
        let textHits: [ScoredPassage]
        let weighed: ScopeJudge.WeighedQuestion
    }

    /// Prepares `reading` for answering (``PreparedQuestion``), with the earlier questions of
    /// the conversation in `history` giving a follow-up its context.
    func prepare(_ reading: QuestionReading, history: [String], limit: Int = 20) -> PreparedQuestion {
        let query = contextualQuery(reading, history: history)
        return PreparedQuestion(
            query: query, textHits: searchPassages(query.terms, limit: max(limit, 20)), weighed: scope.weigh(query.judgedTerms, everyday: reading.everydayTerms))
    }

    /// The query: the question's terms and the vocabulary's expansions; for a follow-up
    /// ("what about at college?"), the previous question's terms too, at half weight.
    func contextualQuery(_ reading: QuestionReading, history: [String])
        -> (terms: [WeightedTerm], judgedTerms: [String], phrasedTerms: [String])
    {
        var weights: [String: Double] = [:]
        for term in reading.terms { weights[term, default: 0] += 1 }
        var judged = reading.terms
        var phrased = reading.termsWithFiller
        if let previous = history.last, isFollowUp(reading) {
            let earlierReading = QuestionReading(previous, corrector: corrector, analyzer: analyzer)
            let earlier = earlierReading.terms
            for term in earlier where weights[term] == nil { weights[term] = 0.5 }
            judged += earlier.filter { !judged.contains($0) }
            phrased += earlierReading.termsWithFiller
        }
        var expanded = phrased
        if let stage = CycleStage.singledOut(in: reading.folded) {
            (weights, expanded) = focusing(on: stage, weights: weights, phrased: phrased)
            // The words that pick the stage out of the cycle ("the plan stage of the cycle")
            // say which passages to quote, not what the guidance must hold.
            judged = judged.filter { weights[$0] != nil && !cyclePickingTerms.contains($0) }
        }
        // "what goes in one?" asks for what the guidance says a document is used to record.
        if AskedContents.isAsked(in: reading.folded), let contents = analyzer.term(forToken: AskedContents.contentsWord) {
            weights[contents, default: 0] += AskedContents.contentsWeight
        }
        var terms = weights.keys.sorted().map { WeightedTerm(term: $0, weight: weights[$0] ?? 0) }
        terms += library.index.synonyms.expansions(of: expanded).filter { weights[$0.term] == nil }
        return (terms, judged, phrased)
    }

    /// The query's weights with `stage` weighing more and the cycle's other stage words left
    /// out, and the question's terms (to expand by the vocabulary) without the cycle's name,
    /// so that "graduated approach" and the like are not added for it (``CycleStage``).
    func focusing(on stage: CycleStage, weights: [String: Double], phrased: [String]) -> ([String: Double], [String]) {
        // "Do" is a stop word: the question keeps its words, and the passages under "Do" lead
        // the ranking (``leadingWithPassages(about:_:)``).
        guard let singled = analyzer.term(forToken: stage.rawValue) else { return (weights, phrased) }
        var weights = weights
        let stageTerms = CycleStage.allCases.compactMap { analyzer.term(forToken: $0.rawValue) }
        for term in stageTerms {
            weights[term] = term == singled ? weights[term].map { $0 * CycleStage.singledWeight } : nil
        }
        let cycleName = Set(stageTerms + [analyzer.term(forToken: "apdr")].compactMap { $0 })
        return (weights, phrased.filter { !cycleName.contains($0) })
    }

    /// A follow-up leans on the question before it: few words of its own, or it opens with
    /// "what about", "and", "how about", "what if".
    func isFollowUp(_ reading: QuestionReading) -> Bool {
        let folded = reading.folded
        let openers = [" what about ", " how about ", " and ", " what if ", " also ", " same for ", " and what about "]
        if openers.contains(where: { folded.hasPrefix($0) }) { return true }
        return Set(reading.terms).count <= 2
    }
}
