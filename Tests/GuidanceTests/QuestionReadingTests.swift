import Testing

@testable import Guidance

/// How a question is read before it is answered: text-speak and filler words, on the real
/// guidance.
@Suite struct QuestionReadingTests {
    func answerer() throws -> Answerer { try #require(RealGuidance.answerer) }

    func reading(_ question: String) throws -> QuestionReading {
        let answerer = try answerer()
        return QuestionReading(question, corrector: answerer.corrector, analyzer: answerer.analyzer)
    }

    /// "Let" is a filler word ("does the school have to let her join in …"), and joining in is
    /// what the guidance calls engaging in the activities of the school: the question is
    /// answered, not turned away for words the guidance never uses.
    @Test func joiningInTripsAndClubsIsAnswered() throws {
        let answer = try answerer().answer("do they have to let her join clubs like the others even tho she has sen")
        #expect(answer.kind == .answer)
        #expect(answer.citations.prefix(3).contains { $0.passage.id == "hpci-sen-support#sen-support-12" })
    }

    /// "Bit" is a filler word ("the review bit", "a bit behind"), and a plan meeting names the
    /// guidance's subject as a vocabulary phrase: both questions are answered.
    @Test func theReviewBitAndThePlanMeetingAreAnswered() throws {
        let answerer = try answerer()
        #expect(answerer.answer("what gets decided at the plan meeting?").kind == .answer)
        let review = answerer.answer("what happens after the review bit of sen support, does it all just stop")
        #expect(review.kind == .answer)
        #expect(review.citations.prefix(3).contains { CycleStage.review.describes($0.passage) })
    }

    /// "dose" is read as "does" where it is a verb, and left where it names an amount of a
    /// medicine.
    @Test func doseIsReadAsDoesOnlyWhereItIsAVerb() throws {
        #expect(try reading("where dose the money for his TA come from").corrected == "where does the money for his TA come from")
        #expect(try reading("what dose that mean for her").corrected == "what does that mean for her")
        #expect(try reading("is a high dose of melatonin ok").corrected == "is a high dose of melatonin ok")
        #expect(try reading("what dose should he take at night?").corrected == "what dose should he take at night?")
        #expect(try reading("and which dose?").corrected == "and which dose?")
    }

    /// A slip in an everyday word that the ways people ask for passages use ("aford",
    /// "somewere") is read as that word, so it counts with those questions rather than
    /// weighing as a word the guidance never uses; a guidance word still wins a tie ("blok" is
    /// "block", not "book").
    @Test func aSlipInAnEverydayWordOfThePassageQuestionsIsCorrected() throws {
        #expect(try reading("wat if sch cant aford all the help he needs").corrected == "what if school can't afford all the help he needs")
        #expect(try reading("is there somewere quiet he can go").corrected == "is there somewhere quiet he can go")
        #expect(try reading("who runs the high needs blok").corrected == "who runs the high needs block")
        #expect(try answerer().answer("wat if sch cant aford all the help he needs").kind == .answer)
    }

    /// Text-speak too short to correct ("gos", "r", "cos") is read as the word meant, so it
    /// does not weigh as a word the guidance never uses and turn the question away.
    @Test func textSpeakIsReadAsTheWordMeant() throws {
        let question = try reading("how often r teachers meant to check, cos nobody tells me")
        #expect(question.corrected == "how often are teachers meant to check, because nobody tells me")
        #expect(!question.terms.contains("r"))
        // A capital R is Reception: "Year R" is not "year are".
        #expect(try reading("my son is in Year R").corrected == "my son is in Year R")
        // Words reporting a claim ("apparently", "reckons") are filler: they tell that a
        // claim is put up, not what it is about.
        #expect(try reading("apparently my mum reckons he's fine").terms == ["fine"])
        // "enuf" is "enough", not the guidance's "ENF" one letter away.
        #expect(try reading("is one meeting enuf").corrected == "is one meeting enough")
        let answer = try answerer().answer("what gos in a sen support plan")
        #expect(answer.kind == .answer)
        #expect(answer.citations.first?.passage.id.hasPrefix("barnardos-sen-support#support-plan") == true)
    }

    /// Forum shorthand is read as meant: "SEN supp" is SEN support (the English word list
    /// holds "supp", so spelling leaves it), "DS" a son; "honestly" and "since last term" are
    /// filler around the question.
    @Test func forumShorthandIsReadAsMeant() throws {
        #expect(try reading("DS's SEN supp review").corrected == "son's SEN support review")
        #expect(try reading("who is meant to asses her needs").corrected == "who is meant to assess her needs")
        #expect(try reading("honestly it has changed since last term").terms == ["chang", "term"])
        let answer = try answerer().answer("DS's SEN supp review - no progress at all since Sept. what happens now?")
        #expect(answer.kind == .answer)
        #expect(answer.citations.prefix(3).contains { $0.passage.text.contains("review") })
    }

    /// "Herts" is Hertfordshire (a group of the vocabulary): the passage naming Hertfordshire's
    /// ISL team holds the question's place as well as its abbreviation.
    @Test func hertsIsHertfordshire() throws {
        let answer = try answerer().answer("Herts SENCo wants to bring in ISL, why?")
        #expect(answer.kind == .answer)
        #expect(answer.citations.first?.passage.text.contains("Integrated Services for Learning") == true)
    }

    /// "stuff" and "nobody" say nothing of what is asked: "school stuff" is the school's
    /// activities, and the question is answered from the passage about them.
    @Test func vagueWordsAreFiller() throws {
        #expect(try reading("nobody tells me about the school stuff").terms == ["tell", "school"])
        let answer = try answerer().answer(
            "do they have to let my son join in with the other kids in school stuff or can they just leave him out")
        #expect(answer.kind == .answer)
        #expect(answer.citations.prefix(3).contains { $0.passage.text.contains("engage in the activities of the school") })
    }
}

/// Questions asking what a document holds (``AskedContents``).
@Suite struct AskedContentsTests {
    func asks(_ question: String) -> Bool { AskedContents.isAsked(in: QuestionReading.foldForCues(question)) }

    @Test func questionsAskingWhatGoesInADocument() {
        #expect(asks("What sort of things actually go in one?"))
        #expect(asks("what gets written in a SEN supp plan?"))
        #expect(asks("whats recorded on an SEN supp plan"))
        #expect(asks("what should be in it"))
        #expect(asks("what's in a support plan"))
        // A verb that asks for contents on its own, and "in" after "what's" and a filler word.
        #expect(asks("what kind of things would it include?"))
        #expect(asks("what does one contain"))
        #expect(asks("nobody says what's actually in it"))
        // What ought to go in: "supposed to", "meant to" between the opener and the verb.
        #expect(asks("what sort of things are supposed to be written in it?"))
        #expect(asks("what are they meant to put in one"))
        #expect(!asks("what are they supposed to do in class"))
        #expect(!asks("what is in place for him at the moment?"))
        #expect(!asks("what goes on at a review meeting?"))
        #expect(!asks("what happens if he doesn't go in to school?"))
    }

    /// What ought to be in another document is not answered by what a support plan records:
    /// the list leads only when it is of the document the question names.
    @Test func theContentsListLeadsOnlyForItsOwnDocument() throws {
        let answer = try #require(RealGuidance.answerer).answer(
            "where can I find the school's SEN information report and what is meant to be in it")
        #expect(answer.citations.first?.passage.text.contains("SEN information report") == true)
        #expect(!answer.citations.prefix(1).contains { $0.passage.text.contains("The SEN Support Plan can be used to record:") })
    }

    /// "what goes in one?" is answered by the list of what a support plan records, though its
    /// own words ("goes", "one") say nothing a passage can match.
    @Test func theContentsOfASupportPlanAreQuoted() throws {
        let answer = try #require(RealGuidance.answerer).answer(
            "The SENCo mentioned writing a support plan for my son. What sort of things actually go in one?")
        #expect(answer.kind == .answer)
        #expect(answer.citations.prefix(3).contains { $0.passage.text.contains("The SEN Support Plan can be used to record:") })
        // The list of what a plan records leads, above passages that say "written records".
        let written = try #require(RealGuidance.answerer).answer(
            "school want to start a support plan for my son, what sort of things will go in it?")
        #expect(written.citations.first?.passage.text.hasPrefix("The SEN Support Plan can be used to record:") == true)
    }
}
