import SearchCore

/// Ranking the passages for a question: BM25 over the guidance, the ways people ask for each
/// passage, and reranking by how much of the question a passage holds.
extension Answerer {
    /// The passages BM25 finds for `terms` over the guidance's own words, best first; lists of
    /// link titles left out, unless one holds a word of the question that no other passage
    /// says: "is there a template letter for asking for an EHC needs assessment?" is answered
    /// by IPSEA's link "Template letter: asking for an EHC needs assessment" and by nothing
    /// else.
    func searchPassages(_ terms: [WeightedTerm], limit: Int) -> [ScoredPassage] {
        let onlyOnce = Set(terms.map(\.term).filter { library.index.documentFrequency(of: $0) == 1 })
        return library.index.search(terms, limit: limit, parameters: parameters) { ordinal in
            !navigationOnly[ordinal] || !passageTerms[ordinal].isDisjoint(with: onlyOnce)
        }
    }

    /// `textHits` ranked on the guidance's own words, twice:
    /// - `byCoverage`: definitions first for "what is X", then by coverage of the question.
    ///   Its first passage confirms a myth card
    ///   (``MythDetector/detect(_:bestPassageID:otherwiseNotCovered:)``), whose threshold was
    ///   calibrated on this ranking.
    /// - `judged`: that ranking reordered as the passages to quote are
    ///   (``quotingFeatures(_:asked:coverage:reading:)``) but on the guidance's own words
    ///   alone (no passage questions), for judging whether the guidance covers the question. The
    ///   scores are kept, since the scope judge's floor is a score on the guidance's own words:
    ///   only which passage is judged changes (measured: docs/ANSWERS.md).
    func judgedRankings(_ textHits: [ScoredPassage], reading: QuestionReading, question weighed: ScopeJudge.WeighedQuestion)
        -> (byCoverage: [ScoredPassage], judged: [ScoredPassage])
    {
        let coverage = coverages(of: textHits, question: weighed, includingAsked: false)
        let byCoverage = rerankByCoverage(
            rerankDefinitions(textHits, for: reading), coverage: coverage, mix: Answerer.coverageMix, question: weighed)
        let judged = quotingFeatures(byCoverage, asked: [:], coverage: coverage, reading: reading)
            .map { (hit: $0.hit, key: $0.hit.score * $0.features.factor) }
            .sorted { $0.key != $1.key ? $0.key > $1.key : $0.hit.passageID < $1.hit.passageID }
            .map(\.hit)
        return (byCoverage, judged)
    }

    /// How much a passage's coverage of the question (the share of its information the
    /// passage holds, 0...1) raises its score: score × (1 + coverageMix × coverage). BM25
    /// rewards a word said often; this rewards saying all of what was asked (calibrated on both
    /// question sets: docs/ANSWERS.md).
    static let coverageMix = 0.5
    /// The same for ranking the passages to quote, where a passage's questions count towards
    /// its coverage: with the questions' everyday words a passage's coverage says more about
    /// whether it answers (measured on all six question sets: 0.8–1.5 raise hit@1 and MRR on
    /// nearly every set and change no kind; docs/ANSWERS.md). The not-covered judgement keeps
    /// ``coverageMix``.
    static let quotedCoverageMix = 1.0

    /// A list whose line of introduction says at least half of what the question asks ("what
    /// goes in a support plan" and "The SEN Support Plan can be used to record:") gains
    /// listIntroductionMix × that share: BM25 marks long lists down for their length, though
    /// the introduction names exactly what the list answers (measured on all four question
    /// sets: docs/ANSWERS.md).
    static let listIntroductionMix = 1.0
    static let listIntroductionMinimum = 0.5

    /// The first line of a passage that is that line and then only list items ("- …"), at
    /// least two, when it ends with a colon; "" otherwise.
    static func listIntroduction(_ passage: Passage) -> String {
        let lines = passage.text.split(separator: "\n")
        guard lines.count >= 3, let first = lines.first, first.hasSuffix(":"),
            lines.dropFirst().allSatisfy({ $0.hasPrefix("- ") })
        else { return "" }
        return String(first)
    }

    /// Passage ids for the question indexes: ordinals as fixed-width digits, so ties break in
    /// ordinal order.
    static func sortableID(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 7 - digits.count)) + digits
    }

    /// The passages to quote for a question, best first: `textHits` with the ways people ask
    /// for each passage added (``addingAskedScores(_:asked:)``), definitions first for "what
    /// is X", reordered by coverage of the question with the passages' questions counted
    /// (``rerankByCoverage(_:coverage:mix:question:)``), and then by how a passage matches
    /// the question beyond single words (``rerankForQuoting(_:asked:coverage:reading:)``).
    /// Also returns each passage's best passage-question score (``askedScores(_:)``).
    func quotedRanking(
        _ textHits: [ScoredPassage], query: [WeightedTerm], reading: QuestionReading, question weighed: ScopeJudge.WeighedQuestion
    ) -> (ranked: [ScoredPassage], asked: [Int: Double]) {
        let (ranked, asked, coverage) = rankedBeforeReorder(textHits, query: query, reading: reading, question: weighed)
        var reordered = rerankForQuoting(ranked, asked: asked, coverage: coverage, reading: reading)
        // "What sort of things will be written in it?" asks for a list of what a plan records:
        // a list introduced as recording something leads (``AskedContents``).
        // The list must be of the document the question names, if it names one: "what's meant
        // to be in the SEN information report" is not answered by what a support plan records.
        if AskedContents.isAsked(in: reading.folded), let contents = analyzer.term(forToken: AskedContents.contentsWord) {
            let named = Set(reading.terms).intersection(documentTerms)
            reordered = leading(
                with: reordered.filter {
                    listIntroductionTerms[$0.ordinal].contains(contents) && named.isSubset(of: listIntroductionTerms[$0.ordinal])
                }.map(\.ordinal), reordered)
        }
        guard let stage = CycleStage.singledOut(in: reading.folded) else { return (reordered, asked) }
        return (leadingWithPassages(about: stage, reordered), asked)
    }

    /// `ranked` with the passages about `stage` (``CycleStage/describes(_:)``) first, in the
    /// order the question ranks them, then any not found by its words, in the guidance's order:
    /// "what happens at the plan bit of assess plan do review" is answered by the passages on
    /// planning, though "plan" is said by every passage about support plans.
    func leadingWithPassages(about stage: CycleStage, _ ranked: [ScoredPassage]) -> [ScoredPassage] {
        leading(with: stagePassages[stage] ?? [], ranked)
    }

    /// `ranked` with the passages at `ordinals` first: those it holds in the order it ranks
    /// them, then the others in the order given. Their scores are raised to the ranking's top
    /// so that scores still fall down the list.
    func leading(with ordinals: [Int], _ ranked: [ScoredPassage]) -> [ScoredPassage] {
        guard !ordinals.isEmpty else { return ranked }
        let found = ranked.filter { ordinals.contains($0.ordinal) }
        let missing = ordinals.filter { ordinal in !found.contains { $0.ordinal == ordinal } }.map { ordinal in
            ScoredPassage(ordinal: ordinal, passageID: library.corpus.passages[ordinal].id, score: 0)
        }
        let top = ranked.first?.score ?? 0
        var floor = Double.infinity
        return (found + missing + ranked.filter { !ordinals.contains($0.ordinal) }).enumerated().map { place, hit in
            let score = place < found.count + missing.count ? top + hit.score : hit.score
            floor = min(floor, score)
            return ScoredPassage(ordinal: hit.ordinal, passageID: hit.passageID, score: floor)
        }
    }

    /// The passages to quote ranked on words, their questions, definitions and coverage, with
    /// the passage-question scores and coverages the reorder weighs next.
    func rankedBeforeReorder(
        _ textHits: [ScoredPassage], query: [WeightedTerm], reading: QuestionReading, question weighed: ScopeJudge.WeighedQuestion
    ) -> (ranked: [ScoredPassage], asked: [Int: Double], coverage: [Int: Double]) {
        // The ways people ask are written in their words, filler words too: "what help is my
        // son actually getting" is asked there almost word for word, and its filler words
        // ("help", "actually", "getting") say which (measured: docs/ANSWERS.md).
        let fillerTerms = Set(reading.termsWithFiller).subtracting(query.map(\.term)).sorted()
        let asked = askedScores(query + fillerTerms.map { WeightedTerm(term: $0, weight: 1) })
        let candidates = rerankDefinitions(addingAskedScores(textHits, asked: asked), for: reading)
        let coverage = coverages(of: candidates, question: weighed, includingAsked: true)
        let ranked = rerankByCoverage(candidates, coverage: coverage, mix: Answerer.quotedCoverageMix, question: weighed)
        return (ranked, asked, coverage)
    }

    /// One candidate passage to quote for a question, before the reorder: its score so far and
    /// the features the reorder weighs (``QuotingFeatures``).
    public struct QuotingCandidate: Sendable {
        public let passage: Passage
        public let score: Double
        public let features: QuotingFeatures
    }

    /// The candidates the passages to quote are chosen from for `question` (asked on its own),
    /// with their scores before the reorder and its features, best first by the reordered
    /// score: what `senguide eval --ranking-features` writes for fitting the reorder's weights.
    public func quotingCandidates(for question: String) -> [QuotingCandidate] {
        let reading = QuestionReading(question, corrector: corrector, analyzer: analyzer)
        let prepared = prepare(reading, history: [])
        let (ranked, asked, coverage) = rankedBeforeReorder(
            prepared.textHits, query: prepared.query.terms, reading: reading, question: prepared.weighed)
        return quotingFeatures(ranked, asked: asked, coverage: coverage, reading: reading)
            .sorted { left, right in
                let (l, r) = (left.hit.score * left.features.factor, right.hit.score * right.features.factor)
                return l != r ? l > r : left.hit.passageID < right.hit.passageID
            }
            .map { QuotingCandidate(passage: library.corpus.passages[$0.hit.ordinal], score: $0.hit.score, features: $0.features) }
    }

    /// For each passage one of whose questions (``PassageQuestions``) the query finds, the
    /// BM25 score of its best-matching question: the best single question, not all of a
    /// passage's questions together, so a passage is not favoured for having many. Lists of
    /// link titles left out.
    func askedScores(_ query: [WeightedTerm]) -> [Int: Double] {
        guard let questionIndex else { return [:] }
        var asked: [Int: Double] = [:]
        for hit in questionIndex.search(query, limit: 30) {
            let ordinal = questionPassage[hit.ordinal]
            guard !navigationOnly[ordinal] else { continue }
            asked[ordinal] = max(asked[ordinal] ?? 0, hit.score)
        }
        return asked
    }

    /// `hits` with each passage's score raised by ``askedWeight`` × its ``askedScores(_:)``
    /// score, and passages found only that way added.
    func addingAskedScores(_ hits: [ScoredPassage], asked: [Int: Double]) -> [ScoredPassage] {
        var scores: [Int: Double] = [:]
        for hit in hits { scores[hit.ordinal] = hit.score }
        for (ordinal, score) in asked {
            scores[ordinal, default: 0] += Answerer.askedWeight * score
        }
        return scores.map { ScoredPassage(ordinal: $0.key, passageID: library.corpus.passages[$0.key].id, score: $0.value) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.passageID < $1.passageID }
    }

    /// Reorders the passages to quote by what the sum of word scores misses: each passage's
    /// score is multiplied by its ``QuotingFeatures/factor`` (coverage, word pairs, the
    /// passage-question share and length). The weights were fitted by a listwise logistic
    /// regression on the answer and myth questions of the question sets, each set scored by
    /// weights fitted on the others (docs/ANSWERS.md; `scripts/fit_ranking.py`).
    func rerankForQuoting(
        _ hits: [ScoredPassage], asked: [Int: Double], coverage: [Int: Double], reading: QuestionReading
    ) -> [ScoredPassage] {
        // A passage that only points to a web address ("Link for code of practise - https://…")
        // answers where to find something, not what it says: it weighs ``linkOnlyWeight`` of
        // its score unless the question asks where to find or read something.
        let asksWhere = Answerer.whereToFindWords.contains { reading.folded.includes($0) }
        return quotingFeatures(hits, asked: asked, coverage: coverage, reading: reading)
            .map { item -> ScoredPassage in
                let factor = linkOnly[item.hit.ordinal] && !asksWhere ? Answerer.linkOnlyWeight : 1
                return ScoredPassage(ordinal: item.hit.ordinal, passageID: item.hit.passageID, score: item.hit.score * item.features.factor * factor)
            }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.passageID < $1.passageID }
    }

    /// Each hit with what ``rerankForQuoting(_:asked:coverage:reading:)`` weighs it by.
    func quotingFeatures(_ hits: [ScoredPassage], asked: [Int: Double], coverage: [Int: Double], reading: QuestionReading)
        -> [(hit: ScoredPassage, features: QuotingFeatures)]
    {
        let questionPairs = reading.termPairs
        let bestAsked = asked.values.max() ?? 0
        let question = Set(reading.terms).map { ($0, scope.weight($0)) }
        let questionMass = question.reduce(0) { $0 + $1.1 }
        return hits.map { hit in
            let inHeadings = question.reduce(0) { $0 + (headingTerms[hit.ordinal].contains($1.0) ? $1.1 : 0) }
            let features = QuotingFeatures(
                coverage: coverage[hit.ordinal] ?? 0, pairs: pairShare(ordinal: hit.ordinal, questionPairs: questionPairs),
                askedShare: bestAsked > 0 ? (asked[hit.ordinal] ?? 0) / bestAsked : 0,
                headingShare: questionMass > 0 ? inHeadings / questionMass : 0,
                words: passageSequences[hit.ordinal].count)
            return (hit, features)
        }
    }

    /// The share of `questionPairs` side by side in the passage.
    func pairShare(ordinal: Int, questionPairs: Set<TermPair>) -> Double {
        questionPairs.isEmpty
            ? 0 : Double(questionPairs.intersection(passageTermPairs[ordinal]).count) / Double(questionPairs.count)
    }

    /// How much the ways people ask for a passage count beside its own words (measured on all
    /// six question sets: docs/ANSWERS.md).
    static let askedWeight = 0.7
    /// How much the best passage question's score counts towards the score floor when the
    /// passage quoted first is judged (``ScopeJudge/minimumTopScore``; measured over the read
    /// question sets at 0, 0.3, 0.5 and 1: docs/ANSWERS.md).
    static let askedFloorWeight = 0.5

    /// Each hit's coverage of the question: the share of the question's information the
    /// passage holds (with its questions' words too, when `includingAsked`).
    func coverages(of hits: [ScoredPassage], question weighed: ScopeJudge.WeighedQuestion, includingAsked: Bool) -> [Int: Double] {
        var coverage: [Int: Double] = [:]
        for hit in hits {
            coverage[hit.ordinal] = scope.coverage(
                weighed, passageTerms: includingAsked ? passageAndQuestionTerms[hit.ordinal] : passageTerms[hit.ordinal])
        }
        return coverage
    }

    /// Reorders the hits by score × (1 + `mix` × coverage + a list introduction's boost).
    func rerankByCoverage(
        _ hits: [ScoredPassage], coverage: [Int: Double], mix: Double, question weighed: ScopeJudge.WeighedQuestion
    ) -> [ScoredPassage] {
        let rescored = hits.map { hit in
            let held = coverage[hit.ordinal] ?? 0
            let introduction = listIntroductionTerms[hit.ordinal]
            let introduced = introduction.isEmpty ? 0 : scope.coverage(weighed, passageTerms: introduction)
            let listBoost = introduced >= Answerer.listIntroductionMinimum ? Answerer.listIntroductionMix * introduced : 0
            return ScoredPassage(ordinal: hit.ordinal, passageID: hit.passageID, score: hit.score * (1 + mix * held + listBoost))
        }
        return rescored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.passageID < $1.passageID }
    }

    /// For a question asking what something is or means ("what is ENF", "what does SEN
    /// Support mean"), passages that define it — spelling out an abbreviation as
    /// "exceptional needs funding (ENF)", or saying "This means …" — move up: their score is
    /// multiplied by ``definitionBoost``.
    func rerankDefinitions(_ hits: [ScoredPassage], for reading: QuestionReading) -> [ScoredPassage] {
        let folded = reading.folded
        let asksWhatIs = [" what is ", " what's ", " whats ", " what are ", " meaning of ", " stand for ", " stands for "]
            .contains { folded.includes($0) }
        let asksWhatMeans = folded.includes(" what does ") && (folded.includes(" mean ") || folded.includes(" mean? "))
        let asksForDefinition = (asksWhatIs || asksWhatMeans) && !folded.includes(" how ")
        guard asksForDefinition else { return hits }
        let abbreviations = reading.original.split { !$0.isLetter }.filter { word in
            word.count >= 2 && word.filter(\.isUppercase).count >= 2
        }.map { "(" + $0.lowercased() + ")" }
        let rescored = hits.map { hit -> ScoredPassage in
            let text = foldedPassages[hit.ordinal]
            let defines = abbreviations.contains { text.includes($0) } || text.includes(" means ") || text.includes("this means")
                || text.includes("is a term used")
            return defines
                ? ScoredPassage(ordinal: hit.ordinal, passageID: hit.passageID, score: hit.score * Answerer.definitionBoost) : hit
        }
        return rescored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.passageID < $1.passageID }
    }

    /// Calibrated on the development questions (docs/ANSWERS.md).
    static let definitionBoost = 1.5

    /// How much of its score a passage that only points to a web address keeps for a question
    /// not asking where to find something (0.5 and 0.2 measured: docs/ANSWERS.md).
    static let linkOnlyWeight = 0.2
    /// Words asking where to find or read something: "where can I read the Code?", "link to
    /// the Local Offer", "is it online?". "Where" asks only as a question's opening ("where
    /// can", "where is"), not in "the word 'must', where it appears in the Code".
    static let whereToFindWords = [
        " where can ", " where do ", " where does ", " where is ", " where are ", " where would ", " where should ",
        " where could ", " where will ", " where to ", " where's ", " wheres ", " where i ", " where we ", " link",
        " website", " web site", " online", " pdf", " download", " url", " copy of",
    ]

    /// Whether `passage` only points to a web address: it holds one, and fifteen words or
    /// fewer besides ("You can find the SEN and Disability Code of Practice here: https://…").
    static func isLinkOnly(_ passage: Passage) -> Bool {
        passage.text.contains("http") && passage.text.split(separator: " ").filter { !$0.hasPrefix("http") }.count <= 15
    }

    /// True for a passage whose every line is a short list item with no sentence in it:
    /// a list of link titles such as "- IPSEA helplines and services".
    static func isNavigationOnly(_ passage: Passage) -> Bool {
        let lines = passage.text.split(separator: "\n")
        let items = lines.filter { $0.hasPrefix("- ") }
        guard items.count >= 2 else { return false }
        let intro = lines.filter { !$0.hasPrefix("- ") }
        guard intro.allSatisfy({ $0.hasSuffix(":") && $0.split(separator: " ").count <= 8 }) else { return false }
        return items.allSatisfy { item in
            item.split(separator: " ").count <= 9 && !item.dropLast().contains(". ") && !item.hasSuffix(".")
        }
    }
}
