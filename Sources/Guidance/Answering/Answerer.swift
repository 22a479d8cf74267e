import SearchCore

/// Answers a parent's question from the guidance: corrects spelling, checks the myth cards,
/// searches, judges whether the guidance covers the question, and quotes the best passages.
///
/// Pure: everything it needs is in the ``GuidanceLibrary``; the same question always gets the
/// same answer.
public struct Answerer: Sendable {
    public let library: GuidanceLibrary
    let corrector: SpellingCorrector
    let mythDetector: MythDetector
    let scope: ScopeJudge
    let analyzer: Analyzer
    /// Analysed terms of every passage, by ordinal, in order and as a set.
    let passageSequences: [[String]]
    let passageTerms: [Set<String>]
    /// For a passage that is a list under a line of introduction ("The SEN Support Plan can be
    /// used to record:"), that line's terms; empty for other passages.
    let listIntroductionTerms: [Set<String>]
    /// Terms of the documents' areas and publishers' names ("middlesbrough", "bexley", "ipsea"):
    /// a question that shares nothing else with the guidance ("will it rain in Middlesbrough
    /// this weekend") is not covered by it. The kinds of service a publisher is ("IASS",
    /// "Information, Advice and Support Service") are not names: the guidance describes them.
    let placeAndPublisherTerms: Set<String>
    /// Passages that are only a list of link titles ("Further resources and support"), by
    /// ordinal: searchable, but never quoted as an answer, since they say nothing.
    let navigationOnly: [Bool]
    /// Every passage's text folded (``TextFolding/fold(_:)``) and whether it states a duty or
    /// guidance, by ordinal: worked out once here, not on every question.
    let foldedPassages: [String]
    let passageStrengths: [Citation.Strength?]
    /// Every passage's sentences (``SentenceSplitter``) and each sentence's terms, by ordinal,
    /// for the summary: split and analysed once here, not on every question.
    let passageSentences: [[String]]
    let passageSentenceTerms: [[Set<String>]]
    /// The ways people ask for what each passage says (``PassageQuestions``), searchable
    /// one question an entry, with each question's passage ordinal; and each passage's
    /// terms together with its questions' terms, which count towards its coverage of a
    /// question when ranking the passages to quote.
    let questionIndex: InvertedIndex?
    let questionPassage: [Int]
    let passageAndQuestionTerms: [Set<String>]

    /// BM25 parameters for answering (calibrated on the development set: docs/ANSWERS.md).
    public var parameters = BM25Parameters.standard

    /// A publisher's name without the spelling-out of its initials in brackets: "HPCI", not
    /// "HPCI (Hertfordshire Parent Carer Involvement)", whose words ("parent", "involvement")
    /// are what the guidance talks about, not names.
    static func publisherName(_ publisher: String) -> String {
        guard let open = publisher.firstIndex(of: "(") else { return publisher }
        return String(publisher[..<open])
    }

    /// Citations given by default.
    public static let defaultCitationCount = 3

    public init(
        library: GuidanceLibrary, notCoveredTopics: [[String]] = [], englishWords: Set<String> = [],
        passageQuestions: PassageQuestions = .none, analyzer: Analyzer = .english
    ) {
        self.library = library
        self.analyzer = analyzer
        self.passageSequences = library.corpus.passages.map { analyzer.terms($0.text) }
        self.passageTerms = passageSequences.map { Set($0) }
        self.listIntroductionTerms = library.corpus.passages.map(Answerer.listIntroduction).map { Set(analyzer.terms($0)) }
        self.navigationOnly = library.corpus.passages.map(Answerer.isNavigationOnly)
        self.foldedPassages = library.corpus.passages.map { TextFolding.fold($0.text) }
        self.passageStrengths = library.corpus.passages.map(Citation.strength(of:))
        self.passageSentences = library.corpus.passages.map { SentenceSplitter.sentences($0.text) }
        self.passageSentenceTerms = passageSentences.map { sentences in sentences.map { Set(analyzer.terms($0)) } }
        self.placeAndPublisherTerms = Set(
            library.corpus.documents.flatMap { analyzer.terms($0.area + " " + Answerer.publisherName($0.publisher)) }
        ).subtracting(analyzer.terms("England SEND SEN Support Information Advice Service IASS SENDIASS"))
        let asked = passageQuestions.entries.compactMap { entry in
            library.corpus.ordinal(ofPassage: entry.passageID).map { (ordinal: $0, question: entry.question) }
        }
        if asked.isEmpty {
            self.questionIndex = nil
        } else {
            var builder = IndexBuilder(analyzer: analyzer)
            for (number, entry) in asked.enumerated() {
                builder.add(passageID: Answerer.sortableID(number), text: entry.question)
            }
            self.questionIndex = builder.build()
        }
        self.questionPassage = asked.map(\.ordinal)
        var withQuestions = passageTerms
        for entry in asked { withQuestions[entry.ordinal].formUnion(analyzer.terms(entry.question)) }
        self.passageAndQuestionTerms = withQuestions
        self.scope = ScopeJudge(topics: notCoveredTopics, index: library.index, analyzer: analyzer)
        var known: [String: Int] = [:]
        for passage in library.corpus.passages {
            for token in analyzer.tokens(passage.text) { known[token, default: 0] += 1 }
        }
        for rule in library.index.synonyms.rules {
            for phrase in rule.triggers + rule.expansions {
                for token in analyzer.tokens(phrase) where known[token] == nil { known[token] = 1 }
            }
        }
        for word in Analyzer.englishStopwords where known[word] == nil { known[word] = 1 }
        let corrector = SpellingCorrector(knownWords: known, englishWords: englishWords)
        self.corrector = corrector
        self.mythDetector = MythDetector(cards: library.myths, index: library.index, analyzer: analyzer) {
            QuestionReading($0, corrector: corrector, analyzer: analyzer).termsWithFiller
        }
    }

    /// `text` with misspelt words corrected against the guidance's words, or nil when nothing
    /// needed correcting: a "did you mean" for search, which never swaps words silently.
    public func spellingSuggestion(for text: String) -> String? {
        let reading = QuestionReading(text, corrector: corrector, analyzer: analyzer)
        return reading.corrections.isEmpty ? nil : reading.corrected
    }

    /// Answers `question`, with the earlier questions of the conversation in `history`
    /// (oldest first) giving a follow-up its context.
    public func answer(_ question: String, history: [String] = [], citationCount: Int = defaultCitationCount)
        -> Answer
    {
        let reading = QuestionReading(question, corrector: corrector, analyzer: analyzer)
        let suggestions = reading.corrections.isEmpty ? [] : [reading.corrected]
        let corrected = reading.corrections.isEmpty ? nil : reading.corrected
        let query = contextualQuery(reading, history: history)
        let textHits = library.index.search(query.terms, limit: max(citationCount, 20), parameters: parameters) {
            !navigationOnly[$0]
        }
        // The passage that answers best, for judging whether the guidance covers the question
        // and whether a myth card is confirmed, is chosen on the guidance's own words (its
        // questions' words count towards how much of the question it holds); the passages
        // quoted are ranked with the ways people ask for them too.
        let weighed = scope.weigh(query.judgedTerms)
        let hits = rerankByCoverage(rerankDefinitions(textHits, for: reading), question: weighed)
        let ranked = rerankByCoverage(
            rerankDefinitions(addingAskedScores(textHits, query: query.terms), for: reading), question: weighed,
            includingAsked: true)

        var namesUncoveredTopic =
            scope.outOfScopeTopic(question: query.phrasedTerms, passageSequence: hits.first.map { passageSequences[$0.ordinal] } ?? []) != nil
        // A topic named only in the context of a longer question ("we're still on the waiting
        // list for an ASD assessment. what will school look at to decide his support?") does
        // not turn away a last question that stands on its own: three or more terms, no word
        // pointing back to the context ("is that legal?"), no topic of its own, and covered.
        if namesUncoveredTopic, history.isEmpty, let last = QuestionReading.finalQuestion(of: reading.corrected),
            standsOnItsOwn(last)
        {
            namesUncoveredTopic = false
        }
        let judged = query.judgedTerms
        var notCovered = judged.isEmpty
            || judged.allSatisfy({ placeAndPublisherTerms.contains($0) || !library.index.contains(term: $0) })
            || scope.isNotCovered(
                weighed, passageTerms: hits.first.map { passageAndQuestionTerms[$0.ordinal] },
                bestScore: hits.first?.score ?? 0)
        // A question of several sentences whose context the guidance does not speak to ("At
        // home she can't follow more than one instruction at a time …") can still end by
        // asking what it answers ("Will the school listen to me?"): its last question is
        // judged on its own before the whole is turned away (measured: docs/ANSWERS.md).
        if notCovered, history.isEmpty, let last = QuestionReading.finalQuestion(of: reading.corrected), isCoveredOnItsOwn(last) {
            notCovered = false
        }
        // A question naming a topic the guidance does not cover ("… so I can take them to
        // tribunal") can still rest on a misconception it does cover: a presumption matching
        // a card as strongly as any cued myth is answered with the card.
        if let match = mythDetector.detect(reading, bestPassageID: hits.first?.passageID, otherwiseNotCovered: notCovered),
            !namesUncoveredTopic || (match.hasCue && match.strength >= MythDetector.cuedMatch)
        {
            return mythAnswer(reading, match.card, hits: ranked, count: citationCount, suggestions: suggestions, corrected: corrected)
        }
        // A question asking for a number (a deadline, a sum, an age) is not answered by a
        // passage that does not state one: "how long does the council have to decide" is not
        // answered by "the council must decide" (measured: docs/ANSWERS.md).
        let unstatedQuantity = AskedQuantity.asked(in: reading.corrected).map { quantity in
            ranked.first.map { !quantity.isStated(in: library.corpus.passages[$0.ordinal].text) } ?? true
        } ?? false
        if namesUncoveredTopic || notCovered || unstatedQuantity {
            return Answer(
                question: question, kind: .none, summary: Answer.notCoveredSummary, myth: nil, citations: [],
                signposts: [.localIAS] + Signpost.namedServices, suggestions: suggestions, correctedQuestion: corrected)
        }
        let citations = ranked.prefix(citationCount).map { citation(ordinal: $0.ordinal, score: $0.score) }
        let summary = ranked.first.map { summarize(ordinal: $0.ordinal, for: Set(query.judgedTerms)) } ?? ""
        return Answer(
            question: question, kind: .answer, summary: summary, myth: nil, citations: Array(citations),
            signposts: signposts(for: reading), suggestions: suggestions, correctedQuestion: corrected)
    }

    /// Whether `question`, the last question of a longer one, asks something the guidance
    /// covers without leaning on the sentences before it.
    func standsOnItsOwn(_ question: String) -> Bool {
        let reading = QuestionReading(question, corrector: corrector, analyzer: analyzer)
        guard Set(reading.terms).count >= 3, !Answerer.pointingBack.contains(where: { reading.folded.includes($0) }),
            scope.outOfScopeTopic(question: reading.termsWithFiller, passageSequence: []) == nil
        else { return false }
        return isCoveredOnItsOwn(question)
    }

    /// Words by which a question points back to what came before ("is that legal?").
    static let pointingBack = [" that ", " this ", " it ", " these ", " those ", " they ", " them "]

    /// Whether the guidance covers `question`, one sentence of a longer question, judged on
    /// its own: at least two terms of its own, and its best passage holds enough of it.
    func isCoveredOnItsOwn(_ question: String) -> Bool {
        let reading = QuestionReading(question, corrector: corrector, analyzer: analyzer)
        let query = contextualQuery(reading, history: [])
        guard Set(query.judgedTerms).count >= 2 else { return false }
        let weighed = scope.weigh(query.judgedTerms)
        let textHits = library.index.search(query.terms, limit: 20, parameters: parameters) { !navigationOnly[$0] }
        let best = rerankByCoverage(rerankDefinitions(textHits, for: reading), question: weighed).first
        return !scope.isNotCovered(
            weighed, passageTerms: best.map { passageAndQuestionTerms[$0.ordinal] }, bestScore: best?.score ?? 0)
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
        var terms = weights.keys.sorted().map { WeightedTerm(term: $0, weight: weights[$0] ?? 0) }
        terms += library.index.synonyms.expansions(of: phrased).filter { weights[$0.term] == nil }
        return (terms, judged, phrased)
    }

    /// A follow-up leans on the question before it: few words of its own, or it opens with
    /// "what about", "and", "how about", "what if".
    func isFollowUp(_ reading: QuestionReading) -> Bool {
        let folded = reading.folded
        let openers = [" what about ", " how about ", " and ", " what if ", " also ", " same for ", " and what about "]
        if openers.contains(where: { folded.hasPrefix($0) }) { return true }
        return Set(reading.terms).count <= 2
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

    /// `hits` with each passage's score raised by ``askedWeight`` × the BM25 score of the
    /// passage's question (``PassageQuestions``) that best matches the query, and passages
    /// found only that way added. The best single question, not all of a passage's questions
    /// together, so a passage is not favoured for having many.
    func addingAskedScores(_ hits: [ScoredPassage], query: [WeightedTerm]) -> [ScoredPassage] {
        guard let questionIndex else { return hits }
        var asked: [Int: Double] = [:]
        for hit in questionIndex.search(query, limit: 30) {
            let ordinal = questionPassage[hit.ordinal]
            asked[ordinal] = max(asked[ordinal] ?? 0, hit.score)
        }
        var scores: [Int: Double] = [:]
        for hit in hits { scores[hit.ordinal] = hit.score }
        for (ordinal, score) in asked where !navigationOnly[ordinal] {
            scores[ordinal, default: 0] += Answerer.askedWeight * score
        }
        return scores.map { ScoredPassage(ordinal: $0.key, passageID: library.corpus.passages[$0.key].id, score: $0.value) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.passageID < $1.passageID }
    }

    /// How much the ways people ask for a passage count beside its own words (measured on all
    /// six question sets: docs/ANSWERS.md).
    static let askedWeight = 0.7

    /// Reorders the hits by BM25 score weighted by coverage of the question.
    func rerankByCoverage(_ hits: [ScoredPassage], question weighed: ScopeJudge.WeighedQuestion, includingAsked: Bool = false)
        -> [ScoredPassage]
    {
        let rescored = hits.map { hit in
            let held = scope.coverage(
                weighed, passageTerms: includingAsked ? passageAndQuestionTerms[hit.ordinal] : passageTerms[hit.ordinal])
            let introduction = listIntroductionTerms[hit.ordinal]
            let introduced = introduction.isEmpty ? 0 : scope.coverage(weighed, passageTerms: introduction)
            let listBoost = introduced >= Answerer.listIntroductionMinimum ? Answerer.listIntroductionMix * introduced : 0
            return ScoredPassage(
                ordinal: hit.ordinal, passageID: hit.passageID, score: hit.score * (1 + (includingAsked ? Answerer.quotedCoverageMix : Answerer.coverageMix) * held + listBoost))
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

    func citation(ordinal: Int, score: Double) -> Citation {
        Citation(
            passage: library.passage(at: ordinal), document: library.document(ofPassageAt: ordinal), score: score,
            strength: passageStrengths[ordinal])
    }

    func mythAnswer(
        _ reading: QuestionReading, _ card: MythCard, hits: [ScoredPassage], count: Int, suggestions: [String],
        corrected: String?
    ) -> Answer {
        var citations: [Citation] = []
        for evidence in card.evidence {
            guard let ordinal = library.corpus.ordinal(ofPassage: evidence.passageID),
                !citations.contains(where: { $0.passage.id == evidence.passageID })
            else { continue }
            let score = hits.first(where: { $0.ordinal == ordinal })?.score ?? 0
            citations.append(citation(ordinal: ordinal, score: score))
        }
        for hit in hits where citations.count < count && !citations.contains(where: { $0.passage.id == hit.passageID }) {
            citations.append(citation(ordinal: hit.ordinal, score: hit.score))
        }
        return Answer(
            question: reading.original, kind: .myth, summary: "\(card.verdict). \(card.fact)", myth: card,
            citations: Array(citations.prefix(max(count, card.evidence.count))), signposts: signposts(for: reading),
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

    /// Internals for calibration: the best passage's coverage of the question, the
    /// out-of-scope topic named (if any), and the best myth match.
    public func diagnose(_ question: String, history: [String] = []) -> (coverage: Double, topic: String?, myth: String?, mythStrength: Double, cue: Bool, top: Double, known: String) {
        let reading = QuestionReading(question, corrector: corrector, analyzer: analyzer)
        let query = contextualQuery(reading, history: history)
        let hits = library.index.search(query.terms, limit: 1, parameters: parameters) { !navigationOnly[$0] }
        let terms = hits.first.map { passageTerms[$0.ordinal] } ?? []
        let match = mythDetector.bestMatch(for: reading)
        return (
            scope.coverage(question: query.judgedTerms, passageTerms: terms),
            scope.outOfScopeTopic(question: query.phrasedTerms, passageSequence: hits.first.map { passageSequences[$0.ordinal] } ?? [])?.joined(separator: " "),
            match?.card.id, match?.strength ?? 0, match?.hasCue ?? false, hits.first?.score ?? 0,
            Set(query.judgedTerms).sorted().map { t in
                (library.index.contains(term: t) ? "" : "?") + t + (terms.contains(t) ? "*" : "")
            }.joined(separator: ",")
        )
    }

    func signposts(for reading: QuestionReading) -> [Signpost] {
        var result: [Signpost] = [.localIAS]
        let assessmentTerms = Set(analyzer.terms("EHC needs assessment EHCP"))
        if !assessmentTerms.isDisjoint(with: reading.terms) { result.append(.ipseaNeedsAssessments) }
        return result
    }
}

