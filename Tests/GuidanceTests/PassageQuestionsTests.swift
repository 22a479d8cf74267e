import Testing

@testable import Guidance

@Suite struct PassageQuestionsParsing {
    @Test func readsQuestionsUnderTheirPassage() throws {
        let text = """
            # Ways people ask
            ## bexley-sen-support#do-2
            - will the lunchtime staff know about his needs
            -   does every teacher get told\r

            ## ipsea-sen-support#myths-1
            - is my 3 year old too young for SEN
            """
        let parsed = try PassageQuestions.parse(fileName: "q.txt", text: text)
        #expect(parsed.entries.map(\.passageID) == ["bexley-sen-support#do-2", "bexley-sen-support#do-2", "ipsea-sen-support#myths-1"])
        #expect(parsed.entries.map(\.question) == [
            "will the lunchtime staff know about his needs", "does every teacher get told", "is my 3 year old too young for SEN",
        ])
        #expect(parsed.entries.map(\.line) == [3, 4, 7])
    }

    @Test(arguments: [
        ("- a question first", 1, "a question before any \"## passage-id\" line"),
        ("## no-anchor-here\n- q", 1, "a passage id looks like \"## bexley-sen-support#do-2\""),
        ("## a#b-1\n- q\n## a#b-1\n- r", 3, "the passage \"a#b-1\" has two blocks; join them"),
        ("## a#b-1\n-  ", 2, "an empty question"),
        ("## a#b-1\nfree text", 2, "expected \"## passage-id\" or \"- a question\""),
    ])
    func refusesAMalformedLineSayingWhere(text: String, line: Int, message: String) {
        #expect(throws: LineError(file: "q.txt", line: line, message: message)) {
            try PassageQuestions.parse(fileName: "q.txt", text: text)
        }
    }

    @Test func namesAQuestionForAPassageTheCorpusDoesNotHold() throws {
        let corpus = try CorpusParser.parseCorpus(files: [
            (name: "Corpus/a.md", bytes: Array("---\nid: a\ntitle: A\npublisher: P\narea: England\n---\n# Top {#top}\nOne passage.\n".utf8))
        ])
        let questions = try PassageQuestions.parse(fileName: "q.txt", text: "## a#top-1\n- fine\n## a#top-2\n- gone")
        #expect(questions.problems(against: corpus) == [
            "line 4: no passage \"a#top-2\" in the corpus (see `senguide search --json` for ids)"
        ])
    }

    @Test func everyQuestionInTheRealFileNamesARealPassage() throws {
        let answerer = try #require(RealGuidance.answerer)
        let questions = try PassageQuestions.parse(
            fileName: "passage-questions.txt", text: RealGuidance.text("passage-questions.txt"))
        #expect(questions.entries.count >= 136)
        #expect(questions.problems(against: answerer.library.corpus).isEmpty)
    }
}

@Suite struct AskingInParentsWords {
    /// The passage saying what a specialist found "should be recorded and shared with the
    /// parents" shares no content word with this question but "psychologist"; one of its
    /// questions ("can I see what the psychologist said about my daughter") does.
    @Test func aQuestionInEverydayWordsFindsThePassageThroughTheWaysPeopleAskForIt() throws {
        let question = "can I see what the psychologist wrote about my son"
        let passage = "cumbria-send-support#what-support-11"
        let answerer = try #require(RealGuidance.answerer)
        let answer = answerer.answer(question)
        #expect(answer.kind == .answer)
        #expect(answer.citations.prefix(3).contains { $0.passage.id == passage })
        let withoutQuestions = try RealGuidance.load(withPassageQuestions: false).answer(question)
        #expect(!withoutQuestions.citations.prefix(3).contains { $0.passage.id == passage })
    }

    /// A child's own say in their support is asked in words the passage does not use ("any
    /// say", "decided between me and …"); the ways people ask for Bexley's Assess passage
    /// ("seek your child's views") bring it into the first three.
    @Test func aChildsOwnSayFindsThePassageOnTheirViews() throws {
        let answer = try #require(RealGuidance.answerer).answer(
            "does my boy get any say in his own support or is it all decided between me and his teachers?")
        #expect(answer.citations.prefix(3).contains { $0.passage.id == "bexley-sen-support#assess-1" })
    }

    /// The ways people ask are searched with the question's filler words too ("help",
    /// "actually", "gets"): they are written in those words, and say which passage is meant.
    @Test func theWaysPeopleAskAreMatchedWithTheQuestionsEverydayWords() throws {
        let answerer = try #require(RealGuidance.answerer)
        let checked = answerer.answer("how will I know when anyone is going to check if my daughter's support is actually working")
        #expect(checked.citations.first?.passage.id == "barnardos-sen-support#in-schools-7")
        let help = answerer.answer("how can i find out wat help my son actualy gets in class")
        #expect(help.citations.prefix(3).contains { $0.passage.id == "bexley-sen-support#finding-out-1" })
    }

    /// The passage that answers best is chosen on the guidance's own words, and the words of
    /// its questions count towards how much of the question it holds: a parent's everyday
    /// wording of what a passage answers is not turned away as "not covered", and the
    /// questions never make an off-topic question look covered.
    @Test func theWaysPeopleAskKeepEverydayWordingCoveredAndOffTopicQuestionsOut() throws {
        let answerer = try #require(RealGuidance.answerer)
        let bare = try RealGuidance.load(withPassageQuestions: false)
        let question =
            "his behaviour keeps getting worse and he's unhappy some days, is that because he isnt getting the help he needs"
        let answer = answerer.answer(question)
        #expect(answer.kind == .answer)
        #expect(answer.citations.first?.passage.id == "hpci-sen-support#sen-support-6")
        #expect(bare.answer(question).kind == .none)
        for offTopic in ["how do I renew a passport", "what time do the clocks go back", "can I get free school transport"] {
            #expect(answerer.answer(offTopic).kind == .none)
        }
    }
}
