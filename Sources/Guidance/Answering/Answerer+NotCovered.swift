import SearchCore

/// Judging whether the guidance covers a question: the "not covered" answer, and the tests
/// a question's topic, its asked number, a named service's contact details and its closing
/// question are put to (step 4 of docs/ANSWERS.md).
extension Answerer {
    /// "Not covered", with the local IAS service and the services the guidance names.
    func notCoveredAnswer(_ question: String, suggestions: [String], corrected: String?) -> Answer {
        Answer(
            question: question, kind: .none, summary: Answer.notCoveredSummary, myth: nil, citations: [],
            signposts: [.localIAS] + Signpost.namedServices, suggestions: suggestions, correctedQuestion: corrected)
    }

    /// Whether `best`, a passage that says the not-covered `topics` the question names
    /// ("Families in receipt of Carers Allowance may still be entitled to funded nursery
    /// places"), holds too little of the rest of the question (its `judgedTerms`) to answer it
    /// ("how do I apply for Carer's Allowance for looking after my disabled daughter?"): under
    /// ``ScopeJudge/minimumCoverageBesideATopic`` of the question's other terms. "I get carer's
    /// allowance, can he still have the funded nursery hours?" it answers.
    func mentionsOnlyTheTopic(_ topics: [[String]], _ best: ScoredPassage, judgedTerms: [String], everyday: Set<String>) -> Bool {
        let topicTerms = Set(topics.joined())
        let rest = scope.weigh(judgedTerms.filter { !topicTerms.contains($0) }, everyday: everyday)
        return scope.coverage(rest, passageTerms: passageAndJudgedQuestionTerms[best.ordinal]) < ScopeJudge.minimumCoverageBesideATopic
    }

    /// Whether the question asks for one named service's phone number or address ("the
    /// Cumbria SENDIASS phone number") and the passage quoted first is not that place's or
    /// publisher's own, or gives no number or address: another service's number would send the
    /// asker to the wrong helpline.
    func lacksTheNamedServicesContact(_ reading: QuestionReading, quotedFirst: ScoredPassage?) -> Bool {
        let namedPlaces = Set(reading.termsWithFiller).intersection(placeAndPublisherTerms)
        guard !namedPlaces.isEmpty, Answerer.contactWords.contains(where: { reading.folded.includes($0) }) else { return false }
        guard let first = quotedFirst else { return true }
        return passagePlaceTerms[first.ordinal].isDisjoint(with: namedPlaces)
            || !Answerer.givesContactDetails(library.corpus.passages[first.ordinal].text)
    }

    /// Words asking for a way to contact a service.
    static let contactWords = [
        " phone ", " phone number", " telephone", " helpline number", " contact number", " contact details", " email address",
        " number for ",
    ]

    /// Whether `text` gives a way to get in touch: an email or web address, or a phone number
    /// (six digits or more, spaces aside).
    static func givesContactDetails(_ text: String) -> Bool {
        if text.contains("@") || text.contains("http") { return true }
        var digits = 0
        for character in text {
            if character.isNumber {
                digits += 1
                if digits >= 6 { return true }
            } else if character != " " {
                digits = 0
            }
        }
        return false
    }

    /// Whether the passage at `ordinal` states a number of the kind asked for in a sentence
    /// about something the question asks about: a term of the question other than the units
    /// themselves. "30 hours of education" does not answer "how many hours of 1:1 does an
    /// EHCP give" (measured: docs/ANSWERS.md).
    func statesQuantity(_ quantity: AskedQuantity, ordinal: Int, askedAbout questionTerms: [String]) -> Bool {
        let asked = Set(questionTerms).subtracting(quantityTerms)
        return zip(passageSentences[ordinal], passageSentenceTerms[ordinal]).contains { sentence, terms in
            quantity.isStated(in: sentence) && !terms.isDisjoint(with: asked)
        }
    }

    /// Whether `reading`, the last question of a longer one, asks without leaning on the
    /// sentences before it: three or more terms of its own and no not-covered topic of its
    /// own. A closing question about SEN support after a waiting list, a diagnosis or a
    /// toileting delay was named asks about SEN support; so does one that points back to the
    /// context in words the guidance covers ("could all this be happening because his needs
    /// aren't being met?" after detentions and refusing to go in). One that points back in
    /// few words ("is that legal?") has too few terms of its own (measured: docs/ANSWERS.md).
    func standsApartFromContext(_ reading: QuestionReading) -> Bool {
        Set(reading.terms).count >= 3 && scope.outOfScopeTopic(question: reading.termsWithFiller, passageSequence: [])
            == nil && !Answerer.pointsBackToContext(reading.folded)
    }

    /// True when a closing question points back at what the context told ("… being bullied.
    /// What is the school legally required to do to stop it?"): it asks about the context's
    /// topic without naming it.
    static func pointsBackToContext(_ folded: String) -> Bool {
        backReferences.contains(where: folded.includesWords)
    }
    static let backReferences = [
        " stop it ", " about it ", " deal with it ", " stop this ", " stop that ", " about this ", " about that ",
    ]

    /// The clause after the last comma or dash of a question of one sentence, when it asks a
    /// question of three words or more about SEN after context that tells something: "my 5
    /// year old still isn't toilet trained, can school help with that as part of SEN
    /// support?" asks its closing clause, judged like the last question of a longer one
    /// (measured: docs/ANSWERS.md). Nil otherwise.
    static func closingQuestionClause(of text: String) -> String? {
        guard QuestionReading.sentences(of: text).count == 1, let mark = MythDetector.lastClauseMark(in: text) else { return nil }
        let clause = MythDetector.withoutOpeningConjunction(text: String(text[text.index(after: mark)...]))
        let folded = QuestionReading.foldForCues(clause)
        guard folded.split(separator: " ").count >= 3 else { return nil }
        let asks = MythDetector.isOpenQuestion(folded) || Answerer.questionOpeners.contains { folded.hasPrefix($0) }
        let context = QuestionReading.foldForCues(String(text[..<mark]))
        // The context must tell something: not a condition ("if I home educate, …"), not a
        // question of its own ("how do I apply for free school meals, and …"), not a label
        // ("Wales ALN – …").
        let toldNothing = [" if ", " when ", " once "].contains { context.hasPrefix($0) }
            || MythDetector.isOpenQuestion(context) || Answerer.questionOpeners.contains { context.hasPrefix($0) }
            || context.split(separator: " ").count < 4
        let namesSEN = [" sen ", " send ", " senco ", " special needs ", " special educational "].contains { folded.includes($0) }
        return asks && !toldNothing && namesSEN ? clause : nil
    }
    /// The openings of a yes/no question: the myth check's (``MythDetector/polarOpeners``) and
    /// the modal verbs of asking what will or should happen.
    static let questionOpeners = MythDetector.polarOpeners + [" will ", " would ", " should ", " shall "]

    /// Whether `folded` says the asker means to do something ("I want to", "we're thinking
    /// of", "we've decided to"), other than to know or ask something, or already does it in
    /// place of school ("we home educate"): the closing question is about that.
    static func statesAnIntent(_ folded: String) -> Bool {
        intentWords.contains { folded.includes($0) && !folded.includes($0 + "know ") && !folded.includes($0 + "ask ") }
            || settingWords.contains { folded.includes($0) }
    }
    static let settingWords = [" we home educate ", " we home ed ", " home educating ", " is home educated ", " are home educated "]
    static let intentWords = [
        " want to ", " wanting to ", " thinking of ", " thinking about ", " decided to ", " planning to ", " plan to ", " considering ",
    ]

    /// Whether the guidance covers `reading`, one sentence of a longer question, judged on
    /// its own: at least two terms of its own, and its best passage holds enough of it.
    func isCoveredOnItsOwn(_ reading: QuestionReading) -> Bool {
        guard Set(reading.terms).count >= 2 else { return false }
        let prepared = prepare(reading, history: [])
        let rankings = judgedRankings(prepared.textHits, reading: reading, question: prepared.weighed)
        return !holdsTooLittle(prepared.weighed, [rankings.byCoverage.first, rankings.judged.first])
    }

    /// Whether the guidance holds too little of the question (``ScopeJudge/isNotCovered``):
    /// none of `passages` holds enough of it. For the not-covered judgement they are the
    /// passage first by coverage and the passage judged best: either may be the one that
    /// answers, and the judged passage alone turned away "my son shows signs of dyslexia, can
    /// he get sen support" (measured: docs/ANSWERS.md). The passage quoted first, judged on
    /// its own (`quotedFirst`), is taken to hold the words of more of its questions
    /// (``quotedJudgedQuestionsPerPassage``).
    func holdsTooLittle(_ weighed: ScopeJudge.WeighedQuestion, _ passages: [ScoredPassage?], quotedFirst: Bool = false) -> Bool {
        let held = quotedFirst ? passageAndQuotedJudgedQuestionTerms : passageAndJudgedQuestionTerms
        return passages.allSatisfy { best in
            scope.isNotCovered(weighed, passageTerms: best.map { held[$0.ordinal] }, bestScore: best?.score ?? 0)
        }
    }
}
