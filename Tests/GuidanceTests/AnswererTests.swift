import Foundation
import Testing

@testable import Guidance

/// Answers on the real guidance.
struct AnswererTests {
    func answerer() throws -> Answerer { try #require(RealGuidance.answerer) }

    /// Expects each question to be turned away as not covered.
    func expectNotCovered(_ questions: [String], by answerer: Answerer) {
        for question in questions {
            #expect(answerer.answer(question).kind == .none, "\(question)")
        }
    }

    /// Expects each question to be answered with its card.
    func expectCards(_ cases: [(question: String, card: String)], from answerer: Answerer) {
        for (question, card) in cases {
            #expect(answerer.answer(question).myth?.id == card, "\(question)")
        }
    }

    /// The candidates written for fitting the ranking are ordered as the answer quotes them.
    @Test func quotingCandidatesAreRankedAsTheAnswerQuotesThem() throws {
        let question = "who should my daughter's SEN support be reviewed with and how often"
        let answer = try answerer().answer(question, citationCount: 5)
        #expect(answer.kind == .answer)
        let candidates = try answerer().quotingCandidates(for: question)
        #expect(candidates.prefix(5).map(\.passage.id) == answer.citations.map(\.passage.id))
        for candidate in candidates {
            #expect(candidate.features.factor >= 1)
            #expect(candidate.features.words > 0)
        }
    }

    /// A question naming the whole cycle and singling out one stage of it is asked about
    /// that stage: the review passages come into the first three, ahead of a third passage
    /// describing the whole cycle.
    @Test func aSingledOutStageOfTheCycleIsAskedAbout() throws {
        let answerer = try answerer()
        let cited = answerer.answer("APDR review stage, what is looked at").citations.prefix(3).map(\.passage.id)
        #expect(cited.contains { ["bexley-sen-support#review-1", "ipsea-sen-support#what-is-sen-support-8"].contains($0) }, "\(cited)")
        #expect(CycleStage.singledOut(in: QuestionReading.foldForCues("who does the assessing in assess, plan, do, review?")) == .assess)
        #expect(CycleStage.singledOut(in: QuestionReading.foldForCues("what happens at the review bit of assess-plan-do-review")) == .review)
        // The cycle named with no stage picked out, or a stage with no cycle named.
        #expect(CycleStage.singledOut(in: QuestionReading.foldForCues("what is assess plan do review")) == nil)
        #expect(CycleStage.singledOut(in: QuestionReading.foldForCues("when is the review stage of a support plan")) == nil)
        // A stage of SEN support or of the graduated approach is a stage of the cycle, and so
        // is "the 'do' bit", though "do" is a stop word.
        #expect(CycleStage.singledOut(in: QuestionReading.foldForCues("what goes on at the assess stage of SEN support?")) == .assess)
        #expect(CycleStage.singledOut(in: QuestionReading.foldForCues("graduated approach - the 'do' part, who does what?")) == .doing)
        let reviewing = answerer.answer("wat happens at the reveiw part of sen suport").citations.prefix(3).map(\.passage.id)
        #expect(reviewing.contains { ["bexley-sen-support#review-1", "ipsea-sen-support#what-is-sen-support-8"].contains($0) }, "\(reviewing)")
        // A stage picked out of the cycle names the guidance's subject, with no child or
        // school named, and the words picking it out are not judged as the question's.
        let plan = answerer.answer("in the plan stage of the cycle, what gets written down and who with?")
        #expect(plan.citations.first?.passage.id == "ipsea-sen-support#what-is-sen-support-6")
        // "The cycle" and "the cycle of action" name it too.
        #expect(CycleStage.singledOut(in: QuestionReading.foldForCues("what is the plan stage of the cycle of action")) == .plan)
        let step = answerer.answer("who does the review step of the cycle, and do parents go?").citations.prefix(3)
        #expect(step.allSatisfy { CycleStage.review.describes($0.passage) }, "\(step.map(\.passage.id))")
        let doing = answerer.answer("what goes on in the 'do' stage of assess plan do review")
        #expect(doing.kind == .answer)
        #expect(doing.citations.first.map { CycleStage.doing.describes($0.passage) } == true)
    }

    /// The passages about a singled-out stage lead, found by their heading or their opening
    /// ("Plan", "2. Plan: …") though "plan" is said by every passage about support plans.
    @Test func thePassagesAboutASingledOutStageLead() throws {
        let answerer = try answerer()
        let cited = answerer.answer("in assess plan do review what goes on at the plan part").citations.prefix(2).map(\.passage.id)
        #expect(Set(cited) == ["ipsea-sen-support#what-is-sen-support-6", "bexley-sen-support#plan-1"], "\(cited)")
        let planning = try #require(answerer.library.corpus.passages.first { $0.id == "ipsea-sen-support#what-is-sen-support-6" })
        #expect(CycleStage.plan.describes(planning))
        #expect(!CycleStage.review.describes(planning))
    }

    /// A list of link titles is quoted only when it alone says a word of the question: IPSEA's
    /// "Template letter" link answers a request for a template, and no list answers a
    /// question whose words other passages say too. A question in it is no guidance.
    @Test func aLinkListIsQuotedOnlyForAWordNothingElseSays() throws {
        let answerer = try answerer()
        let template = answerer.answer("is there a template letter for asking for an assessment")
        let list = try #require(template.citations.first { $0.passage.id == "ipsea-sen-support#further-resources-1" })
        // Its "How should your nursery, school or college help?" asks: the list says no "should".
        #expect(list.strength == nil)
        let sen = answerer.answer("what are special educational needs?")
        #expect(!sen.citations.contains { $0.passage.id == "ipsea-sen-support#further-resources-1" })
    }

    /// An abbreviation's plural that the stemmer keeps whole ("CCGs", "TAs": no vowel before
    /// the last letter to drop an "s" after) is a vocabulary phrase of its own.
    @Test func pluralAbbreviationsAreVocabulary() throws {
        let answer = try answerer().answer("CCGs role SEN support schools")
        #expect(answer.citations.first?.passage.id == "hpci-sen-support#sen-support-12")
        // "PP" is the pupil premium, which the guidance names as a school resource (the
        // premium's rates and who qualifies are not covered).
        let premium = try answerer().answer("can the school put PP money towards my son's SEN support?")
        #expect(premium.kind == .answer)
        #expect(premium.citations.prefix(3).contains { $0.passage.text.contains("pupil premium") })
    }

    /// "ment" is "meant" with its vowel left out, not the start of "mental"; "meant", like
    /// "supposed", is a filler word; and a word typed in capitals ("SATs") is an abbreviation,
    /// never corrected.
    @Test func aShortWordMissingAVowelIsReadAsThatWord() throws {
        let answerer = try answerer()
        let question = "whats ment to be in a sen suport plan"
        #expect(answerer.answer(question).correctedQuestion == "what's meant to be in a sen support plan")
        #expect(answerer.answer(question).citations.first?.passage.text.contains("Support Plan") == true)
        let reading = QuestionReading("Can my son have a reader for his year 6 SATs?", corrector: answerer.corrector, analyzer: answerer.analyzer)
        #expect(reading.corrected == "Can my son have a reader for his year 6 SATs?")
        let psych = QuestionReading("will they bring in an ed psych", corrector: answerer.corrector, analyzer: answerer.analyzer)
        #expect(psych.corrected.hasSuffix("psychologist"))
    }

    /// A named diagnosis, a word the guidance never uses, asks what it says of diagnoses:
    /// "my daughter has autism, can she get SEN support?" is answered, not turned away as a
    /// question about autism; the NHS's assessment for it is still not covered.
    @Test func aNamedDiagnosisAsksAboutSENSupport() throws {
        let answerer = try answerer()
        for question in ["my daughter has autism, can she get SEN support?", "my kid has adhd can he get sen support"] {
            let answer = answerer.answer(question)
            #expect(answer.kind == .answer, "\(question)")
            #expect(answer.citations.contains { $0.passage.text.contains("diagnosis") }, "\(question)")
        }
        #expect(answerer.answer("How do I get my son assessed for ADHD on the NHS?").kind == .none)
    }

    /// What parents see when support is not right ("off school loads", "outbursts", "never put
    /// in place") is what the guidance calls absences, behaviours that challenge and unmet
    /// needs, so the passage saying so is quoted.
    @Test func whatParentsSeeWhenSupportIsNotRightFindsThePassageOnUnmetNeeds() throws {
        let answer = try answerer().answer(
            "Our son has been off school loads this term and he's had outbursts in class. The school never put his support plan in place. Could that be why?"
        )
        #expect(answer.kind == .answer)
        #expect(answer.citations.prefix(3).contains { $0.passage.text.contains("absences or exclusions may increase") })
    }

    /// Professionals who "never talk to each other", and a school asked to "pull it all
    /// together", are what a support plan is for when a number of professionals are involved.
    @Test func professionalsWhoNeverTalkFindTheSupportPlan() throws {
        let answer = try answerer().answer(
            "My daughter sees a physio, a SALT and someone from CAMHS and they never talk to each other. Can the school pull it all together somehow?"
        )
        #expect(answer.kind == .answer)
        #expect(answer.citations.first?.passage.text.contains("a number of professionals are involved") == true)
    }

    /// A parent's everyday list of what a child can't do for themselves (their bag, getting
    /// changed, finding their way) finds IPSEA's "gaining skills in independence" through the
    /// ways people ask for it; "the school or the council?" finds where the money comes from.
    @Test func parentsWordsFindThePassagesThatAnswer() throws {
        let answer = try answerer().answer(
            "My son keeps up in class but can't sort out his own bag, dress himself after PE or find his way between lessons. Is that something that counts as SEN?")
        #expect(answer.citations.prefix(3).contains { $0.passage.text.contains("gaining skills in independence") })
        // "the school or the council?" is answered by where SEN Support's money usually comes from.
        let paying = try answerer().answer("who pays for my son's SEN support - the council or his school?")
        #expect(paying.citations.prefix(3).contains { $0.passage.text.contains("usually comes from the setting's own budget") })
    }

    /// A long list is ranked first when its line of introduction says what was asked.
    @Test func aListIsFoundByItsIntroduction() throws {
        let answer = try answerer().answer("what goes in a SEN support plan")
        #expect(answer.citations.first?.passage.id == "barnardos-sen-support#support-plan-3")
        #expect(Answerer.listIntroduction(answer.citations[0].passage) == "The SEN Support Plan can be used to record:")
    }

    /// The passages to quote are ranked beyond single words: a passage holding the question's
    /// word pairs side by side, the passage its everyday wording most clearly asks for, and a
    /// passage that says more move up. Both questions had their answer fourth or fifth
    /// before (docs/ANSWERS.md, "The fitted ranking").
    @Test func thePassagesToQuoteAreRankedBeyondSingleWords() throws {
        let answerer = try answerer()
        let staff = answerer.answer(
            "DS has ADHD & is on SEN supp - shouldn't ALL staff incl. lunchtime staff and PE teacher know about his needs?")
        #expect(staff.citations.first?.passage.text.hasPrefix("All those who work with your child should be made aware") == true)
        let budget = answerer.answer("what if the school has used all its sen budget")
        #expect(budget.citations.prefix(3).contains { $0.passage.text.contains("If the school have used all of this budget") })
    }

    @Test func aLocalDocumentSaysWhichAreaItSpeaksFor() throws {
        let answer = try answerer().answer("what is exceptional needs funding")
        let hertfordshire = try #require(answer.citations.first { $0.document.id == "hpci-sen-support" })
        #expect(hertfordshire.localArea == "Hertfordshire")
    }

    @Test func spellingIsCorrectedAndSaid() throws {
        let answer = try answerer().answer("who do i speak to at shcool about my daughter")
        #expect(answer.correctedQuestion == "who do i speak to at school about my daughter")
        #expect(answer.suggestions == ["who do i speak to at school about my daughter"])
        let untouched = try answerer().answer("my daughter needs help at school")
        #expect(untouched.correctedQuestion == nil)
    }

    /// The myth cards write "sch" in some phrasings; that must not make "sch" a known word,
    /// or a question's "sch" would stay uncompleted and match no passage.
    @Test func abbreviationsAreCompletedEvenWhenAMythCardUsesThem() throws {
        let answer = try answerer().answer("can the sch give extra help for dyslexia")
        #expect(answer.correctedQuestion == "can the school give extra help for dyslexia")
    }

    @Test func aFollowUpKeepsTheContextOfTheQuestionBefore() throws {
        let followUp = try answerer().answer("what about at college?", history: ["is there SEN support at school"])
        #expect(followUp.kind != .none)
        #expect(followUp.citations.contains { $0.passage.text.lowercased().contains("college") })
    }

    /// Every sentence a user reads is a quote from a cited passage, a myth card's fact (whose
    /// evidence is checked), the not-covered sentence, a signpost, or the disclaimer.
    @Test func everyAnswerIsGroundedInTheGuidance() throws {
        let answerer = try answerer()
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/eval/dev.jsonl")
        var questions = [
            "can under-5s have SEN", "what is APDR", "my dog keeps barking", "do u need a diagnosis for sen support",
            "what about at college?", "6.45", "£6,000", "s66",
        ]
        if let data = FileManager.default.contents(atPath: url.path) {
            for line in data.split(separator: 0x0A) {
                if let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                    let question = object["question"] as? String
                {
                    questions.append(question)
                }
            }
        }
        for question in questions {
            let answer = answerer.answer(question)
            for citation in answer.citations {
                #expect(answerer.library.corpus.passage(id: citation.passage.id)?.text == citation.passage.text)
            }
            switch answer.kind {
            case .answer:
                let first = try #require(answer.citations.first)
                for sentence in SentenceSplitter.sentences(answer.summary) {
                    #expect(first.passage.text.contains(sentence), "\(question): \(sentence)")
                }
            case .myth:
                let card = try #require(answer.myth)
                #expect(answer.summary == "\(card.verdict). \(card.fact)")
                #expect(card.check(against: answerer.library.corpus).isEmpty)
                #expect(card.evidence.allSatisfy { evidence in answer.citations.contains { $0.passage.id == evidence.passageID } })
            case .none:
                #expect(answer.citations.isEmpty)
                #expect(answer.summary == Answer.notCoveredSummary)
            }
        }
    }

    /// "SSP" is the support plan; "county" alone and "section" alone name no topic beyond the
    /// guidance (an out-of-county placement and section I of an EHC plan do).
    @Test func supportPlanShorthandAndCountyTeamsAreAnswered() throws {
        let answerer = try answerer()
        let plan = answerer.answer("what should an SSP include, Middlesbrough?")
        #expect(plan.kind == .answer)
        #expect(plan.citations.first?.passage.id == "barnardos-sen-support#support-plan-3")
        #expect(answerer.answer("is there a county team the school can ask for advice about sen").kind == .answer)
        #expect(answerer.answer("which section of the guidance talks about review").kind == .answer)
        #expect(answerer.answer("can my son's EHC plan name an out of county placement?").kind == .none)
    }

    /// The passages to quote are weighed by how much of the question their headings hold:
    /// "who decides" is the heading over Bexley's passages on who decides what SEN support a
    /// child has, and no heading over Barnardo's passage saying the same.
    @Test func aPassagesHeadingsCountTowardsItsRank() throws {
        let candidates = try answerer().quotingCandidates(for: "who decides what sen support my daughter gets")
        let bexley = try #require(candidates.first { $0.passage.id == "bexley-sen-support#who-decides-2" })
        let barnardos = try #require(candidates.first { $0.passage.id == "barnardos-sen-support#in-schools-6" })
        #expect(bexley.features.headingShare > 0.5)
        #expect(barnardos.features.headingShare < bexley.features.headingShare)
        #expect(QuotingFeatures(coverage: 0, pairs: 0, askedShare: 0, headingShare: 1, words: 0).factor > 1.5)
    }

    /// A passage that only points to a web address answers where to find something: it is
    /// quoted first for "where can I read the Code?", not among what the Code says.
    @Test func aLinkIsQuotedWhenTheQuestionAsksWhereToFind() throws {
        let answerer = try answerer()
        let meaning = answerer.answer("as a parent how do I take the word 'must' compared with 'should' in the SEND Code of Practice?")
        #expect(meaning.citations.first?.passage.id == "cumbria-send-support#what-support-5")
        #expect(!meaning.citations.contains { $0.passage.text.contains("https://") })
        let place = answerer.answer("where can I read the Code of Practice myself")
        #expect(place.citations.first?.passage.id == "cumbria-send-support#what-support-3")
        // "where it appears" places a word in the Code; it does not ask where to read it.
        let wording = answerer.answer("what does the word 'must' mean where it appears in the SEND Code of Practice?")
        #expect(!wording.citations.prefix(3).contains { $0.passage.text.contains("https://") })
    }

    /// Parents' words for what a passage says, added as passage questions, find it first:
    /// asking whether a school's SEN budget covers every child finds Cumbria's passage saying it
    /// often does not; asking to be told what help a child gets finds the passage on talking
    /// to the teacher or SENCo.
    @Test func passageQuestionsFindTheirPassagesInParentsWords() throws {
        let answerer = try answerer()
        for (question, passage) in [
            ("does the school's SEN budget normally stretch to every child who needs help?", "cumbria-send-support#what-support-14"),
            ("nobody at school ever tells me what is being done for my son, how do I find out what help he gets?", "bexley-sen-support#finding-out-1"),
        ] {
            #expect(answerer.answer(question).citations.first?.passage.id == passage, "\(question)")
        }
        // Asking how the school tells whether help worked finds IPSEA's Review step among the
        // first three.
        let worked = answerer.answer("how can school tell whether his interventions actually worked")
        #expect(worked.citations.prefix(3).contains { $0.passage.id == "ipsea-sen-support#what-is-sen-support-8" })
    }

    @Test func theAnswerJSONFollowsTheContract() throws {
        let answer = try answerer().answer("can under-5s have SEN")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(answer.json.bytes())) as? [String: Any])
        for key in ["question", "kind", "summary", "myth", "citations", "signposts", "suggestions"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        let citation = try #require((object["citations"] as? [[String: Any]])?.first)
        for key in ["passage", "source", "title", "heading", "text", "code_refs", "url", "score"] {
            #expect(citation[key] != nil, "missing citation \(key)")
        }
        let myth = try #require(object["myth"] as? [String: Any])
        #expect(myth["verdict"] as? String == "No")
    }
}
