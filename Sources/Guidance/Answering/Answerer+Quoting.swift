import SearchCore

/// Making the answer from ranked passages: citations, the myth answer, the summary quoted
/// from the best passage, and signposts.
extension Answerer {
    func citation(ordinal: Int, score: Double) -> Citation {
        Citation(
            passage: library.passage(at: ordinal), document: library.document(ofPassageAt: ordinal), score: score,
            strength: passageStrengths[ordinal])
    }

    /// How many times a proof's score the best passage must score to be quoted among a myth
    /// answer's first three when it is not a proof (1.1 to 5 measured: 2 gains most, docs/ANSWERS.md).
    static let bestPassageLead = 2.0

    /// How strongly, as a share of the card answering, the card matching next best must match
    /// for its proof to be quoted third (0.5 to 0.9 measured: 0.6 to 0.8 gain most).
    static let runnerUpShare = 0.7

    /// How strongly, as a share of the best card, the card matching next best must match to
    /// answer instead when the question's own words rank its proofs first (0.75 to 0.95
    /// measured: 0.95 gains most hit@3, lower shares gain hit@1 and lose hit@3; docs/ANSWERS.md).
    static let cardSwapShare = 0.95

    /// The card answering a myth question, how strongly it matches, and the card matching
    /// next best: the next best answers instead when it matches nearly as strongly
    /// (``cardSwapShare``) and the question ranks one of its proofs above every proof of the
    /// best card.
    static func cardAnswering(_ match: MythDetector.Match, rank: [String: Int])
        -> (card: MythCard, strength: Double, runnerUp: (card: MythCard, strength: Double)?)
    {
        let kept = (match.card, match.strength, match.runnerUp)
        guard let runnerUp = match.runnerUp, runnerUp.strength >= cardSwapShare * match.strength else { return kept }
        func firstProof(_ card: MythCard) -> Int { card.evidence.compactMap { rank[$0.passageID] }.min() ?? Int.max }
        guard firstProof(runnerUp.card) < firstProof(match.card) else { return kept }
        return (runnerUp.card, runnerUp.strength, (match.card, match.strength))
    }

    func mythAnswer(
        _ reading: QuestionReading, _ match: MythDetector.Match, hits: [ScoredPassage], count: Int, suggestions: [String],
        corrected: String?
    ) -> Answer {
        let rank = Dictionary(hits.enumerated().map { ($1.passageID, $0) }, uniquingKeysWith: { first, _ in first })
        let (card, strength, runnerUp) = Answerer.cardAnswering(match, rank: rank)
        var citations: [Citation] = []
        for evidence in card.evidence {
            guard let ordinal = library.corpus.ordinal(ofPassage: evidence.passageID),
                !citations.contains(where: { $0.passage.id == evidence.passageID })
            else { continue }
            let score = rank[evidence.passageID].map { hits[$0].score } ?? 0
            citations.append(citation(ordinal: ordinal, score: score))
        }
        // The card's proofs are quoted in the order the question's own words rank them, the
        // card's order breaking ties: "schools get SEN money by how many pupils are on the
        // register" is answered first by the proof about the budget formula, not the one
        // about support plans (measured: docs/ANSWERS.md).
        citations = citations.enumerated().sorted {
            (rank[$0.element.passage.id] ?? Int.max, $0.offset) < (rank[$1.element.passage.id] ?? Int.max, $1.offset)
        }.map(\.element)
        // Passages quoted among the first three beside the card's proofs: all the proofs are quoted too.
        var added = 0
        // The card matching next best may be the one the question means ("the school only
        // wants him on SEN support because they get paid for every child on it" matches the
        // per-pupil funding card and the SEN-support-brings-money card nearly as well): its
        // proof that the question ranks highest is quoted third when that card matches at
        // least ``runnerUpShare`` as strongly and the proof ranks above the card's own third
        // (measured: docs/ANSWERS.md).
        if let runnerUp, runnerUp.strength >= Answerer.runnerUpShare * strength {
            let firstTwo = Set(citations.prefix(2).map(\.passage.id))
            let third = citations.count > 2 ? rank[citations[2].passage.id] ?? Int.max : Int.max
            let proof = runnerUp.card.evidence.map(\.passageID).filter { !firstTwo.contains($0) }
                .min { rank[$0] ?? Int.max < rank[$1] ?? Int.max }
            if let proof, let proofRank = rank[proof], proofRank < third, let ordinal = library.corpus.ordinal(ofPassage: proof) {
                citations.removeAll { $0.passage.id == proof }
                citations.insert(citation(ordinal: ordinal, score: hits[proofRank].score), at: min(2, citations.count))
                added += 1
            }
        }
        // The passage that answers the question best is quoted within the first three even
        // when the card has three proofs or more: the question may ask about one side of the
        // misconception that another passage speaks to (measured: docs/ANSWERS.md). Only when
        // it answers clearly better than every proof (``bestPassageLead``): otherwise the
        // proofs answer the question as well, and a third proof is worth more than it.
        let bestProofScore = citations.compactMap { proof in rank[proof.passage.id].map { hits[$0].score } }.max() ?? 0
        if let best = hits.first, !citations.contains(where: { $0.passage.id == best.passageID }),
            best.score >= Answerer.bestPassageLead * bestProofScore
        {
            let third = min(Answerer.defaultCitationCount - 1, citations.count)
            citations.insert(citation(ordinal: best.ordinal, score: best.score), at: third)
            added += 1
        }
        for hit in hits where citations.count < count && !citations.contains(where: { $0.passage.id == hit.passageID }) {
            citations.append(citation(ordinal: hit.ordinal, score: hit.score))
        }
        return Answer(
            question: reading.original, kind: .myth, summary: "\(card.verdict). \(card.fact)", myth: card,
            citations: Array(citations.prefix(max(count, card.evidence.count + added))), signposts: signposts(for: reading),
            suggestions: suggestions, correctedQuestion: corrected)
    }

    /// The sentences of `passage` that say most of what the question asks, quoted exactly:
    /// the best sentence, and the next one when it scores nearly as well.
    func summarize(ordinal: Int, for questionTerms: Set<String>) -> String {
        let passage = library.passage(at: ordinal)
        let sentences = passageSentences[ordinal]
        guard sentences.count > 1 else { return sentences.first ?? passage.text }
        let scored = passageSentenceTerms[ordinal].enumerated().map { position, terms -> (Int, Double) in
            let score = questionTerms.intersection(terms).reduce(0) { $0 + scope.weight($1) }
            return (position, score)
        }
        let ranked = scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        guard let best = ranked.first else { return passage.text }
        var chosen = [best.0]
        if ranked.count > 1, ranked[1].1 > 0, ranked[1].1 >= best.1 * 0.8 { chosen.append(ranked[1].0) }
        // Sentences from one line are joined with a space, from different lines (list items,
        // table cells) with a line break, so the summary reads as the passage does.
        let ordered = chosen.sorted()
        var summary = sentences[ordered[0]]
        for (previous, next) in zip(ordered, ordered.dropFirst()) {
            let sameLine = passage.text.includes(sentences[previous] + " " + sentences[next])
            summary += (sameLine ? " " : "\n") + sentences[next]
        }
        return summary
    }

    func signposts(for reading: QuestionReading) -> [Signpost] {
        var result: [Signpost] = [.localIAS]
        let assessmentTerms = Set(analyzer.terms("EHC needs assessment EHCP"))
        if !assessmentTerms.isDisjoint(with: reading.terms) { result.append(.ipseaNeedsAssessments) }
        return result
    }
}
