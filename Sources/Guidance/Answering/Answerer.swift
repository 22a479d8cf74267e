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
    /// Each passage's adjacent term pairs, for matching a question's pairs of words.
    let passageTermPairs: [Set<TermPair>]
    /// The terms of each passage's headings, outermost first ("Information for Parents and
    /// Carers › Who decides what SEN support my child has?"), by ordinal.
    let headingTerms: [Set<String>]
    /// The terms of the units and money words a question asking for a number names.
    let quantityTerms: Set<String>
    /// For a passage that is a list under a line of introduction ("The SEN Support Plan can be
    /// used to record:"), that line's terms; empty for other passages.
    let listIntroductionTerms: [Set<String>]
    /// The analysed terms of ``AskedContents/documentWords``.
    let documentTerms: Set<String>
    /// Terms of the documents' areas and publishers' names ("middlesbrough", "bexley", "ipsea"):
    /// a question that shares nothing else with the guidance ("will it rain in Middlesbrough
    /// this weekend") is not covered by it. The kinds of service a publisher is ("IASS",
    /// "Information, Advice and Support Service") are not names: the guidance describes them.
    let placeAndPublisherTerms: Set<String>
    /// Each passage's document's place and publisher terms (of ``placeAndPublisherTerms``):
    /// whose phone number or address a passage gives.
    let passagePlaceTerms: [Set<String>]
    /// What a question must name to be about the guidance's subject at all.
    let subject: GuidanceSubject
    /// The passages about each stage of the assess-plan-do-review cycle, by ordinal.
    let stagePassages: [CycleStage: [Int]]
    /// The terms of the words that pick a stage out of the cycle ("stage", "bit", "cycle").
    let cyclePickingTerms: Set<String>
    /// Passages that are only a list of link titles ("Further resources and support"), by
    /// ordinal: searchable, but never quoted as an answer, since they say nothing.
    let navigationOnly: [Bool]
    /// Passages that only point to a web address (``isLinkOnly(_:)``), by ordinal.
    let linkOnly: [Bool]
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
    /// Each passage's terms with those of its first ``judgedQuestionsPerPassage`` questions:
    /// what the not-covered judgement (and through it the myth check's rule for uncovered
    /// presumptions) takes a passage to hold.
    let passageAndJudgedQuestionTerms: [Set<String>]
    /// Each passage's terms with those of its first ``quotedJudgedQuestionsPerPassage``
    /// questions, a child's age and school year left out: what the passage quoted first is
    /// taken to hold when it is judged on its own (below, in ``answer(_:history:citationCount:)``).
    let passageAndQuotedJudgedQuestionTerms: [Set<String>]
    /// How many of a passage's questions count towards what it holds when judging whether the
    /// guidance covers a question. Every question helps find and rank a passage, but each one
    /// more widens the words a passage is taken to hold: with all of twelve or so a passage,
    /// "who won the football last nite" found "site" in one and was answered. The judgement was
    /// calibrated with four to nine a passage (measured: docs/ANSWERS.md).
    static let judgedQuestionsPerPassage = 6
    /// How much of a question naming only a person (``GuidanceSubject/namesOnlyAPerson(in:)``)
    /// the judged passages must hold. Measured over the read sets: 0.5 +3 abstentions, 0.6 and
    /// 0.75 +4, no answer lost (docs/ANSWERS.md).
    static let personOnlyCoverage = 0.6
    /// How many of a passage's questions count when the passage quoted first is judged on its
    /// own: found as it is by the ways people ask for it, more of them say what it answers.
    /// With all of them, 24 fewer answered questions of the read sets were turned away but 6
    /// off-topic ones were answered and the near-miss probe lost 5; with ten, 15 fewer turned
    /// away and 2 off-topic answered (and one of the off-topic probe). A child's age ("my 8 year old") in a passage question is
    /// left out: it answered "best reading apps for a dyslexic 8 year old" (measured:
    /// docs/ANSWERS.md).
    static let quotedJudgedQuestionsPerPassage = 10

    /// Whether `term` tells a child's age or school year ("8", "year", "old"), which no passage
    /// question's subject rests on.
    static func isAgeTerm(_ term: String) -> Bool {
        term.allSatisfy(\.isNumber) || term == "year" || term == "old"
    }

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
        self.quantityTerms = Set(analyzer.terms(AskedQuantity.timeUnits.union(AskedQuantity.moneyWords).joined(separator: " ")))
        self.passageTermPairs = passageSequences.map { Set(zip($0, $0.dropFirst()).map(TermPair.init)) }
        self.headingTerms = library.corpus.passages.map { Set(analyzer.terms($0.headingPath.joined(separator: " "))) }
        self.listIntroductionTerms = library.corpus.passages.map(Answerer.listIntroduction).map { Set(analyzer.terms($0)) }
        self.documentTerms = Set(AskedContents.documentWords.flatMap(analyzer.terms))
        self.navigationOnly = library.corpus.passages.map(Answerer.isNavigationOnly)
        self.linkOnly = library.corpus.passages.map(Answerer.isLinkOnly)
        self.foldedPassages = library.corpus.passages.map { TextFolding.fold($0.text) }
        self.passageStrengths = library.corpus.passages.map(Citation.strength(of:))
        self.passageSentences = library.corpus.passages.map { SentenceSplitter.sentences($0.text) }
        self.passageSentenceTerms = passageSentences.map { sentences in sentences.map { Set(analyzer.terms($0)) } }
        let serviceWords = analyzer.terms("England SEND SEN Support Information Advice Service IASS SENDIASS")
        let documentPlaceTerms = Dictionary(uniqueKeysWithValues: library.corpus.documents.map { document in
            (document.id, Set(analyzer.terms(document.area + " " + Answerer.publisherName(document.publisher))).subtracting(serviceWords))
        })
        self.placeAndPublisherTerms = documentPlaceTerms.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        self.passagePlaceTerms = library.corpus.passages.map { passage in
            documentPlaceTerms[String(passage.id.prefix { $0 != "#" })] ?? []
        }
        self.cyclePickingTerms = Set(analyzer.terms(CycleStage.pickingParts.joined(separator: " ") + " cycle"))
        self.stagePassages = Dictionary(uniqueKeysWithValues: CycleStage.allCases.map { stage in
            (stage, library.corpus.passages.indices.filter { stage.describes(library.corpus.passages[$0]) })
        })
        self.subject = GuidanceSubject(
            analyzer: analyzer,
            acronyms: library.corpus.passages.reduce(into: []) { $0.formUnion(GuidanceSubject.acronyms(in: $1.text)) },
            places: placeAndPublisherTerms,
            phrases: library.index.synonyms.analysedRules.flatMap { $0.triggers + $0.expansions })
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
        var withJudgedQuestions = passageTerms
        var withQuotedJudgedQuestions = passageTerms
        var questionsSeen = [Int](repeating: 0, count: passageTerms.count)
        // The everyday words of the ways people ask ("afford", "somewhere", "quiet"), for
        // spelling below; each question is cut into words once.
        var everydayQuestionWords: Set<String> = []
        for entry in asked {
            let tokens = analyzer.tokens(entry.question)
            everydayQuestionWords.formUnion(tokens.filter(englishWords.contains))
            let terms = tokens.compactMap(analyzer.term(forToken:))
            withQuestions[entry.ordinal].formUnion(terms)
            questionsSeen[entry.ordinal] += 1
            if questionsSeen[entry.ordinal] <= Answerer.judgedQuestionsPerPassage { withJudgedQuestions[entry.ordinal].formUnion(terms) }
            if questionsSeen[entry.ordinal] <= Answerer.quotedJudgedQuestionsPerPassage {
                withQuotedJudgedQuestions[entry.ordinal].formUnion(terms.filter { !Answerer.isAgeTerm($0) })
            }
        }
        self.passageAndQuestionTerms = withQuestions
        self.passageAndJudgedQuestionTerms = withJudgedQuestions
        self.passageAndQuotedJudgedQuestionTerms = withQuotedJudgedQuestions
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
        // The everyday words of the ways people ask are words a slip is read as ("aford",
        // "somewere"), used no times so that a guidance word wins a tie ("blok" is "block", not
        // "book").
        for word in everydayQuestionWords where known[word] == nil { known[word] = 0 }
        // Filler words ("actually", "really") are words too: "actualy" is the filler with an
        // "l" left out, not the guidance word "actual".
        let corrector = SpellingCorrector(
            knownWords: known, englishWords: englishWords, undoublingWords: QuestionReading.fillerWords)
        self.corrector = corrector
        // A card's phrasings keep their filler words, save those reporting a claim ("I assume",
        // "apparently"): a question's words are matched without them.
        let claimReportTerms = Set(QuestionReading.claimReportWords.compactMap(analyzer.term(forToken:)))
        self.mythDetector = MythDetector(cards: library.myths, index: library.index, analyzer: analyzer) {
            QuestionReading($0, corrector: corrector, analyzer: analyzer).termsWithFiller.filter { !claimReportTerms.contains($0) }
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
        // A question that names no child, school, need or name of the guidance's own is not
        // about its subject, whatever everyday words it shares with a passage. (A follow-up
        // takes its subject from the conversation.)
        // A stage picked out of the assess-plan-do-review cycle names the guidance's subject
        // too ("at the Plan stage of the cycle, what should be recorded?").
        if history.isEmpty, !subject.isNamed(in: reading), CycleStage.singledOut(in: reading.folded) == nil {
            return notCoveredAnswer(question, suggestions: suggestions, corrected: corrected)
        }
        let prepared = prepare(reading, history: history, limit: citationCount)
        let (query, textHits, weighed) = (prepared.query, prepared.textHits, prepared.weighed)
        // The passage that answers best, for judging whether the guidance covers the question
        // and whether a myth card is confirmed, is chosen on the guidance's own words (its
        // questions' words count towards how much of the question it holds): for the myth
        // check the passage first by coverage; for the not-covered judgement that passage and
        // the one first when reordered as the quoted passages are (and, below, the passage
        // quoted first). The passages quoted are ranked with the ways people ask for them too.
        let (byCoverage, hits) = judgedRankings(textHits, reading: reading, question: weighed)
        let (ranked, asked) = quotedRanking(textHits, query: query.terms, reading: reading, question: weighed)

        // A named topic the best passage does not say, or says while holding too little else
        // of the question, turns the question away (unless the rules below answer it).
        let namedTopics = scope.namedTopics(in: query.phrasedTerms)
        let bestSequence = hits.first.map { passageSequences[$0.ordinal] } ?? []
        // A topic named by exact words ("fined") is uncovered unless the best passage says them
        // (the passage is folded only when the question names one).
        let exactTopics = scope.namedExactPhrases(inFolded: reading.folded)
        let bestFolded = exactTopics.isEmpty ? "" : hits.first.map { QuestionReading.foldForCues(library.corpus.passages[$0.ordinal].text) } ?? ""
        // One particular school's own policy, staff or numbers are not in the guidance either.
        var namesUncoveredTopic = namedTopics.contains { !bestSequence.containsSequence($0) }
            || exactTopics.contains { !bestFolded.includes($0) }
            || ParticularSchool.isNamed(in: reading.original, isStopword: analyzer.isStopword)
        if !namesUncoveredTopic, !namedTopics.isEmpty, let best = hits.first {
            namesUncoveredTopic = mentionsOnlyTheTopic(namedTopics, best, judgedTerms: query.judgedTerms, everyday: reading.everydayTerms)
        }
        let judged = query.judgedTerms
        // A word the guidance never uses still names something it covers when the domain
        // vocabulary spells it out in the guidance's words ("SSP" is a SEN support plan).
        let spelledOut = Set(weighed.phrases.flatMap(\.terms))
        let nothingToJudge = judged.isEmpty
            || judged.allSatisfy({
                placeAndPublisherTerms.contains($0) || (!library.index.contains(term: $0) && !spelledOut.contains($0))
            })
        var notCovered = nothingToJudge || holdsTooLittle(weighed, [byCoverage.first, hits.first])
        // A question naming a child or parent and nothing else the guidance is about ("a good
        // board game for a family with teenagers") must be held more fully: the passages'
        // everyday words about families and children hold much of it by chance.
        if !notCovered, history.isEmpty, subject.namesOnlyAPerson(in: reading) {
            let held = [byCoverage.first, hits.first].compactMap { $0 }.map {
                scope.coverage(weighed, passageTerms: passageAndJudgedQuestionTerms[$0.ordinal])
            }.max() ?? 0
            if held < Answerer.personOnlyCoverage { notCovered = true }
        }
        // The passage quoted first is judged too, found as it is by the ways people ask for it
        // ("we've had a term of extra reading help and he hasn't improved. What's supposed to
        // happen now?" is asked almost word for word there): its score is its own words' or
        // ``askedFloorWeight`` × its best question's, whichever is higher.
        if notCovered, !nothingToJudge, let quoted = ranked.first {
            let ownWords = textHits.first { $0.ordinal == quoted.ordinal }?.score ?? 0
            let score = max(ownWords, Answerer.askedFloorWeight * (asked[quoted.ordinal] ?? 0))
            notCovered = holdsTooLittle(
                weighed, [ScoredPassage(ordinal: quoted.ordinal, passageID: quoted.passageID, score: score)], quotedFirst: true)
        }
        // The myth check's rule for presumptions the guidance would not otherwise cover was
        // set when the passage judged was the one first by coverage, and every unknown word
        // weighed in full: it keeps that judgement (measured: docs/ANSWERS.md; discounting a
        // long question's everyday words here cost 9 myths). It holds whenever `notCovered`
        // does.
        var presumptionNotCovered = nothingToJudge
            || holdsTooLittle(scope.withFullWeights(weighed), [byCoverage.first])
        // A question of several sentences whose context the guidance does not speak to ("At
        // home she can't follow more than one instruction at a time …") can still end by
        // asking what it answers ("Will the school listen to me?"): its last question is
        // judged on its own before the whole is turned away. A topic named only in the context
        // ("we're still on the waiting list for an ASD assessment. what will school look at to
        // decide his support?") does not turn away a last question that also stands apart from
        // the context (measured: docs/ANSWERS.md).
        if presumptionNotCovered || namesUncoveredTopic, history.isEmpty,
            let last = QuestionReading.finalQuestion(of: reading.corrected) ?? Answerer.closingQuestionClause(of: reading.corrected)
        {
            let lastReading = QuestionReading(last, corrector: corrector, analyzer: analyzer)
            // A topic the asker says they mean to take up ("I want to home educate my son. Do I
            // need the council's permission?") is what the closing question is about.
            let standsApart =
                namesUncoveredTopic
                && !Answerer.statesAnIntent(QuestionReading.context(of: reading.folded, before: lastReading.folded))
                && standsApartFromContext(lastReading)
            if presumptionNotCovered || standsApart, isCoveredOnItsOwn(lastReading) {
                notCovered = false
                presumptionNotCovered = false
                if standsApart { namesUncoveredTopic = false }
            }
        }
        // A question naming a topic the guidance does not cover ("… so I can take them to
        // tribunal", "we're on the CAMHS waiting list, so school can't help until then?") can
        // still rest on a misconception it does cover: a presumption matching a card at least
        // ``MythDetector/topicOverrideMatch`` is answered with the card.
        if let match = mythDetector.detect(reading, bestPassageID: byCoverage.first?.passageID, otherwiseNotCovered: presumptionNotCovered),
            !namesUncoveredTopic || (match.hasCue && match.strength >= MythDetector.topicOverrideMatch)
        {
            return mythAnswer(reading, match, hits: ranked, count: citationCount, suggestions: suggestions, corrected: corrected)
        }
        // A question asking for a number (a deadline, a sum, an age) is not answered by a
        // passage that does not state one: "how long does the council have to decide" is not
        // answered by "the council must decide" (measured: docs/ANSWERS.md).
        let unstatedQuantity = AskedQuantity.asked(in: reading.corrected).map { quantity in
            ranked.first.map { !statesQuantity(quantity, ordinal: $0.ordinal, askedAbout: query.judgedTerms) } ?? true
        } ?? false
        // Asked for one service's phone number or address, the guidance answers only with that
        // service's own passage giving one (``lacksTheNamedServicesContact(_:quotedFirst:)``).
        let contactOfAnotherPlace = lacksTheNamedServicesContact(reading, quotedFirst: ranked.first)
        if namesUncoveredTopic || notCovered || unstatedQuantity || contactOfAnotherPlace {
            return notCoveredAnswer(question, suggestions: suggestions, corrected: corrected)
        }
        let citations = ranked.prefix(citationCount).map { citation(ordinal: $0.ordinal, score: $0.score) }
        let summary = ranked.first.map { summarize(ordinal: $0.ordinal, for: Set(query.judgedTerms)) } ?? ""
        return Answer(
            question: question, kind: .answer, summary: summary, myth: nil, citations: Array(citations),
            signposts: signposts(for: reading), suggestions: suggestions, correctedQuestion: corrected)
    }

    /// Internals for calibration: the judged passage's coverage of the question, the
    /// out-of-scope topic named (if any), and the best myth match.
    public func diagnose(_ question: String, history: [String] = []) -> (coverage: Double, topic: String?, myth: String?, mythStrength: Double, cue: Bool, top: Double, known: String) {
        let reading = QuestionReading(question, corrector: corrector, analyzer: analyzer)
        let prepared = prepare(reading, history: history)
        let query = prepared.query
        let hits = judgedRankings(prepared.textHits, reading: reading, question: prepared.weighed).judged
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
}

/// Two terms side by side in a text, in order.
struct TermPair: Hashable, Sendable {
    let first: String
    let second: String
}
