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

    @Test func underFivesIsAMythAnsweredFromIPSEA() throws {
        let answer = try answerer().answer("can under-5s have SEN")
        #expect(answer.kind == .myth)
        #expect(answer.myth?.id == "under-fives")
        #expect(answer.summary.hasPrefix("No. "))
        let first = try #require(answer.citations.first)
        #expect(first.passage.id == "ipsea-sen-support#myths-1")
        #expect(first.passage.text.contains("Some young children will have SEN and these must be supported"))
        #expect(first.strength == .duty)
        #expect(first.localArea == nil)
    }

    /// A myth answer quotes the passage that answers best among its first three only when it
    /// answers clearly better than the card's proofs: a weak match on "entitled" (the budget
    /// per pupil) does not push the third proof about meeting three times a year out.
    @Test func aMythAnswerKeepsItsProofsAheadOfAWeakBestPassage() throws {
        let answer = try answerer().answer("all we're entitled to is 1 meeting a yr with the senco isnt it")
        let card = try #require(answer.myth)
        #expect(card.id == "one-meeting-a-year")
        let proofs = Set(card.evidence.map(\.passageID))
        #expect(answer.citations.prefix(3).allSatisfy { proofs.contains($0.passage.id) })
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

    /// A card that names what it is about is not taken for a question that never names it:
    /// the Carer's Allowance card matches "nursery" and "30 hours" closely, but a nursery
    /// turning down 30 hours because of a child's needs is another matter.
    @Test func aCardIsOnlyMatchedWhenTheQuestionNamesWhatItIsAbout() throws {
        let carers = try answerer().answer("Because I get Carer's Allowance, I assume my son can't have the funded nursery hours?")
        #expect(carers.myth?.id == "carers-allowance-nursery")
        let nursery = try answerer().answer("nursery says they cant do all 30 hours for my son becuase of his needs, is that allowed")
        #expect(nursery.myth?.id != "carers-allowance-nursery")
        // The claim that specialist services come free names who pays or that it is free: a
        // parent repeating that the school pays for them agrees with the guidance.
        let free = try answerer().answer("the ed psych is free from the council, isn't it?")
        #expect(free.myth?.id == "ep-always-free")
        let paying = try answerer().answer("The SENCo says an ed psych visit has to come out of the school's own budget. Is that how it works?")
        #expect(paying.myth?.id != "ep-always-free")
    }

    /// A question reporting that the school has to pay for a specialist agrees with the
    /// guidance (schools often buy such services in from their own budgets): it is answered
    /// from the passage that says so, whichever money card its words match.
    @Test func aReportThatTheSchoolPaysIsAnswered() throws {
        let answerer = try answerer()
        for question in [
            "the SENCo told me they'd have to pay for an ed psych out of their own budget. I thought the LA sent one for free?",
            "school keep saying the specialist teacher costs them money, surely that comes from the council?",
        ] {
            let answer = answerer.answer(question)
            #expect(answer.kind == .answer, "\(question)")
            #expect(answer.citations.prefix(3).contains { $0.passage.id == "cumbria-send-support#what-support-10" }, "\(question)")
        }
        let rationed = answerer.answer("our SENCo says an EP assessment costs them money so they ration them - surely the council covers that?")
        #expect(rationed.kind == .answer)
        // Nor a service the school says is "traded".
        #expect(MythDetector.reportsTheSchoolPaying(" the senco says our ep service is 'traded' so they can't get one in "))
        // A claim that the school will not have to pay is not such a report.
        #expect(!MythDetector.reportsTheSchoolPaying(" once he has an ehcp the school won't have to pay anything "))
    }

    /// A yes/no question about what follows from a condition puts the consequence up to be
    /// confirmed: "if the school writes a support plan, does that bring extra money?" rests
    /// on the claim that support plans bring money.
    @Test func aConsequenceAskedAfterAConditionIsPutToTheTest() throws {
        let answerer = try answerer()
        let consequence = answerer.answer("if the school writes my son a support plan, does that bring them extra money from the council?")
        #expect(consequence.myth?.id == "sen-support-brings-money")
        #expect(answerer.answer("if my son has a support plan, does that mean his teachers will all know about it?").kind == .answer)
        #expect(MythDetector.asksWhatFollowsFromACondition(" if he goes on sen support will that mean extra money "))
        #expect(!MythDetector.asksWhatFollowsFromACondition(" does that mean extra money if he goes on sen support "))
        // A question word just before the consequence makes it an open question.
        #expect(!MythDetector.asksWhatFollowsFromACondition(" if the school applies for an assessment what paperwork do they send "))
        // "Do they have to …?" asks about a duty, not what follows.
        #expect(!MythDetector.asksWhatFollowsFromACondition(" if the school asks for an assessment do they have to tell me first "))
    }

    /// Claims worded the way parents pass them on reach their own card, not a neighbouring
    /// one: no more money beyond the school's budget, no educational psychologist without an
    /// EHCP, a young person or child kept out of their own support (not how often meetings
    /// happen), help withheld until CAMHS diagnose, and the two cards about asking for an EHC
    /// needs assessment: parents cannot ask themselves (even worded with "yourself", a stop
    /// word matched as a word), or the school need not tell them (which needs words about
    /// telling).
    @Test(arguments: [
        ("the head told me there's no way the school can get any more money from the council once its SEN budget is spent", "no-further-funding"),
        ("my sister says you can't get an educational psychologist to see your child unless they already have an EHCP", "specialists-only-after-ehcna"),
        ("my 16 year old wants to go to his SEN review but school says they only deal with parents, is that right", "young-person-not-involved"),
        ("my daughter is 9 and wants to say what she finds hard herself, but school only talks about her SEN with us parents", "child-views-ignored"),
        ("school told us they can't give my son any extra help until CAMHS diagnose him", "diagnosis-needed"),
        ("I've heard you can't go to the council for an ehc assesment yourself, the school has to do it", "only-school-can-request"),
        ("a mum at the school gate said parents aren't allowed to ask the council for an EHC assessment, the school has to", "only-school-can-request"),
        // Told that a request must come from the school, that one from a parent is ignored, or
        // that the school must agree first.
        ("my neighbour reckons the LA bins any assessment request that doesn't come from the head, so there's no point me writing", "only-school-can-request"),
        ("I'm not able to ask for an EHC needs assessment unless school agrees first, am I?", "only-school-can-request"),
        // "It's up to the teachers how …" tells whose choice it is: a statement.
        ("it's up to the teachers how his support is run, parents don't really get any say over the targets", "parents-no-say-in-outcomes"),
        ("school put in an EHC needs assessment request to the council and never informed us, they say they needn't", "school-requests-without-telling-parents"),
        ("SSP belongs to the council so I have to go via the LA to get it changed?", "support-plan-owned-by-council"),
        ("I take it school just sets his SEN targets and I sign them off?", "parents-no-say-in-outcomes"),
        // Likening a thing to another ("same as an EHCP?") puts the likeness up to be checked.
        ("we finally got a support plan for him, so if school doesn't deliver I can hold them to it legally, same as an EHCP?", "support-plan-binding"),
        ("he only has trouble with speech, and they say you need difficulties across the board for SEN support", "all-four-areas"),
        ("they leave my son behind in class with a TA when the rest go on trips, and the school says that's ok because he's on SEN support", "sen-kept-out-of-activities"),
    ])
    func reportedClaimsReachTheirOwnCard(question: String, card: String) throws {
        #expect(try answerer().answer(question).myth?.id == card)
    }

    /// Asking whether two things are the same asks; only a likeness stated is checked.
    @Test func askingWhetherTwoThingsAreTheSameAsks() throws {
        #expect(try answerer().answer("is a support plan the same as an EHCP?").kind == .answer)
    }

    /// Of two cards matching nearly as strongly, the one whose proof the question's own words
    /// rank first answers; a clearly weaker runner-up does not, however its proofs rank.
    @Test func aNearlyTiedCardWhoseProofRanksFirstAnswers() {
        func card(_ id: String, proof: String) -> MythCard {
            MythCard(
                id: id, claim: "c", verdict: "No", fact: "f", evidence: [MythEvidence(passageID: proof, quote: "q")],
                phrasings: [], line: 1)
        }
        let best = card("best", proof: "a#1"), next = card("next", proof: "b#1")
        func match(runnerUpStrength: Double) -> MythDetector.Match {
            MythDetector.Match(
                card: best, strength: 0.6, hasCue: true, checksAClaim: false, sharedTerms: 3, presumedInContext: false,
                asksWhatOughtToHappen: false, asksYesOrNoAfterACondition: false, runnerUp: (next, runnerUpStrength))
        }
        let rank = ["b#1": 0, "a#1": 4]
        #expect(Answerer.cardAnswering(match(runnerUpStrength: 0.59), rank: rank).card.id == "next")
        #expect(Answerer.cardAnswering(match(runnerUpStrength: 0.59), rank: rank).runnerUp?.card.id == "best")
        #expect(Answerer.cardAnswering(match(runnerUpStrength: 0.40), rank: rank).card.id == "best")
        #expect(Answerer.cardAnswering(match(runnerUpStrength: 0.59), rank: ["a#1": 0, "b#1": 4]).card.id == "best")
    }

    /// The no-further-funding card quotes Bexley's Element 3 passage among its first three.
    @Test func noFurtherFundingQuotesElementThree() throws {
        let budget = try answerer().answer("the head told me there's no way the school can get any more money from the council once its SEN budget is spent")
        #expect(budget.citations.prefix(3).contains { $0.passage.id == "bexley-sen-support#element-3-1" })
    }

    /// A claim in shorthand, "A = B", is put up for confirmation like a statement; "A = ?"
    /// asks.
    @Test func anEquationIsAClaim() throws {
        let answer = try answerer().answer("no diagnosis = no support for adhd")
        #expect(answer.kind == .myth)
        #expect(answer.myth?.id == "diagnosis-needed")
        #expect(MythDetector.equatesTwoThings("more SEN pupils = bigger notional SEN budget?"))
        #expect(!MythDetector.equatesTwoThings("SMART targets on SEN supp plan = ?"))
        #expect(!MythDetector.equatesTwoThings("no diagnosis, no support for adhd"))
    }

    /// A yes/no question putting a misconception to the test is a myth; the same question
    /// offering an alternative asks which, and is answered.
    @Test func anAlternativeQuestionIsAnsweredNotTreatedAsAMyth() throws {
        let polar = try answerer().answer("Is SEN Support just for children who struggle with learning?")
        #expect(polar.kind == .myth)
        #expect(polar.myth?.id == "only-learning-difficulties")
        let alternative = try answerer().answer(
            "Is SEN Support just for children who struggle with learning, or is it for physical needs too?")
        #expect(alternative.kind == .answer)
        #expect(MythDetector.offersAlternative("Is it the council's plan, or the school's?"))
        #expect(MythDetector.offersAlternative("Does the school decide or does the council?"))
        #expect(!MythDetector.offersAlternative("Can the school or the council ask for an assessment?"))
    }

    /// A question sharing only place or publisher names with the guidance is not covered;
    /// the words of a publisher's spelt-out initials ("Hertfordshire Parent Carer
    /// Involvement") and the kind of service it is ("IASS") are what the guidance is about.
    @Test func onlyNamesOfPlacesAndPublishersAreNotEnoughToAnswer() throws {
        #expect(try answerer().answer("will it rain in Middlesbrough").kind == .none)
        #expect(try answerer().answer("how are parents involved").kind == .answer)
        let service = try answerer().answer("what can Bexley IASS help me with")
        #expect(service.kind == .answer)
        #expect(service.citations.first?.passage.id == "bexley-sen-support#further-information-3")
        #expect(Answerer.publisherName("HPCI (Hertfordshire Parent Carer Involvement)") == "HPCI ")
        #expect(Answerer.publisherName("IPSEA") == "IPSEA")
    }

    /// A statement typed with a question mark puts it up to be confirmed, like a yes/no
    /// question; keywords, inverted questions and open questions with a question mark do not.
    @Test func aStatementWithAQuestionMarkIsReadAsAYesNoQuestion() {
        let declarative = [
            "SEN funding - the school gets money per pupil on the SEN register, so the more on it the more they get?",
            "the council pays for all of it once there's an EHCP?",
            // "is the" inside a clause states, and after "to" a verb is an infinitive.
            "so 5k is the most the school will ever put in for one pupil?",
            "the support plan is a legal document so school has to do all of it??",
            // A verb straight after "can": the school is its subject, said before it.
            "a support plan is legal like an EHCP so the school can be made to do all of it?",
        ]
        let not = [
            "support plan - owned by school or LA?",
            "SEN support plan - is it legally binding?",
            "SEN support plan - is the school bound by it?",
            "what is SEN support in the early years?",
            "the school can say no to an assessment, can they?",
            "the council pays for all of it once there's an EHCP.",
            // A sentence opening with "is" asks, after a sentence that tells.
            "My daughter still needs help with toileting at school. Is that something SEN support covers?",
        ]
        // Clauses end at commas and dashes, not at a hyphen inside a word.
        #expect(MythDetector.clauses(of: "assess-plan-do-review - is it done, or not") == ["assess-plan-do-review ", " is it done", " or not"])
        for text in declarative {
            #expect(MythDetector.isDeclarativeQuestion(QuestionReading.foldForCues(text), text: text, analyzer: .english), "\(text)")
        }
        for text in not {
            #expect(!MythDetector.isDeclarativeQuestion(QuestionReading.foldForCues(text), text: text, analyzer: .english), "\(text)")
        }
    }

    @Test(arguments: [
        "how do I renew a passport",
        "How long does the tribunal take to decide an appeal?",
        "Can I get free school transport for my autistic son?",
        "what benefits can I claim for my disabled child",
        // "how many weeks" names a timescale only with its filler word "many" kept.
        "How many weeks does the council get to decide on my request for an EHC needs assessment?",
        "is there a rule about restraining pupils with SEN",
        "I'm a foster carer - how much Pupil Premium Plus does the school get for a looked-after child?",
        "we are moving to a different county, what happens to my sons EHCP",
        "which vaccinations does my daughter need before she starts school",
        // Exclusions law: the guidance says only that exclusions may increase.
        "my son keeps being sent home at lunchtime because of his behaviour, is that an unofficial exclusion?",
        // A request for advice is not a claim about the under-fives, however many small words.
        "best way to get a 2 year old to sleep through the night",
        // A sum asked for a fund the guidance names but puts no figure on.
        "How much is the Disability Access Fund per child per year for early years settings?",
        "is it ok to record my son's SEN review meeting on my phone so I don't forget what was said",
        "how does a child get into a resource base at a mainstream secondary",
        "can the head exclude a pupil whose behaviour comes from his autism",
        "tips for getting my 4 year old to stay in her own bed",
    ])
    func notCoveredQuestionsGetNoCitationsAndASignpost(question: String) throws {
        let answer = try answerer().answer(question)
        #expect(answer.kind == .none)
        #expect(answer.citations.isEmpty)
        #expect(answer.summary == Answer.notCoveredSummary)
        #expect(answer.signposts.first == .localIAS)
    }

    @Test(arguments: [
        // Starting reception is context here; deferring it is not covered.
        "My son has just started reception and hardly talks to anyone. Should I raise it with his teacher now?",
        "how often should school meet me about SEN support",
        "what does the SENCo do",
        "how often is a support plan reviewed",
        "what is ENF in Hertfordshire",
        // Worded like a card's claim, but asking: a question word before a tag ("what are
        // they?"), or keywords rather than a sentence.
        "broad areas of need in the Code - what are they?",
        "SEN support plan legally binding like EHCP",
        // "week" or "day" alone is not a timescale; "excluded" alone is not the exclusion process.
        "what does the SENCo do day to day?",
        "my son keeps being excluded from class, could his needs be unmet?",
    ])
    func answerableQuestionsAreAnswered(question: String) throws {
        let answer = try answerer().answer(question)
        #expect(answer.kind == .answer)
        #expect(!answer.citations.isEmpty)
    }

    /// Myths put as a plain statement, confirmed by the card's own evidence ranking first, or
    /// spelt out ("special educational needs" for "SEN").
    @Test(arguments: [
        ("My daughter has an SEN support plan now, so the school is legally bound to provide all of it like an EHCP.", "support-plan-binding"),
        ("Outside specialists only get involved after a child has an EHC plan, do they?", "specialists-only-after-ehcna"),
        ("can under 5s have special educational needs?", "under-fives"),
    ])
    func mythsWordedAsStatementsAreSpotted(question: String, card: String) throws {
        let answer = try answerer().answer(question)
        #expect(answer.kind == .myth)
        #expect(answer.myth?.id == card)
    }

    /// An open question asks, even with words that elsewhere mark a presumption ("supposed
    /// to", "nothing"); a claim it reports ("the school says …") is still put to the cards.
    @Test func anOpenQuestionAsksUnlessItReportsAClaim() throws {
        let answerer = try answerer()
        #expect(answerer.answer("What's supposed to happen at a review if nothing has changed?").kind == .answer)
        // A short phrase saying where in the cycle leads into the question word.
        #expect(answerer.answer("in the assess part who is the senco supposed to work with").kind == .answer)
        #expect(MythDetector.withoutLeadingPhrase(" at the review stage what should happen ") == " what should happen ")
        #expect(MythDetector.withoutLeadingPhrase(" at school they said he can't ") == " at school they said he can't ")
        // "Why would …?" asks for a reason; "why can't …?" still takes its premise as given.
        #expect(answerer.answer("why would school bother writing a support plan instead of just doing normal sen support").kind == .answer)
        #expect(MythDetector.isOpenQuestion(" why would they do that instead "))
        #expect(!MythDetector.isOpenQuestion(" why can't she have sen support "))
        // "CoP ref?" asks for the Code's paragraph.
        #expect(answerer.answer("nursery setting - can they get specialists like an EP or SALT in to assess? CoP ref?").kind == .answer)
        let reported = answerer.answer("what do I do now the school says she can't have SEN support without a diagnosis?")
        #expect(reported.kind == .myth)
        #expect(reported.myth?.id == "diagnosis-needed")
        #expect(
            MythDetector.finalOpenQuestion("If a diagnosis doesn't decide her support, what is the school supposed to look at?")
                == " what is the school supposed to look at?")
        #expect(MythDetector.finalOpenQuestion("The school says he can't, right?") == nil)
        // After a dash, or a conjunction, the closing clause asks; a hyphen inside a word is no dash.
        #expect(
            MythDetector.finalOpenQuestion("He starts college at 16. There's no SENCo there – who will assess his needs?")
                == " who will assess his needs?")
        #expect(MythDetector.finalOpenQuestion("There's no SENCo at college, so who is meant to assess her?") == " who is meant to assess her?")
        #expect(MythDetector.finalOpenQuestion("the assess-plan-do-review cycle - how long is it?") == " how long is it?")
        #expect(MythDetector.finalOpenQuestion("the assess-plan-do-review cycle how long is it?") == nil)
        let college = answerer.answer(
            "My daughter has moved to a sixth form college. Apparently there's no SENCo there - who is meant to look at what help she needs?")
        #expect(college.kind == .answer)
    }

    /// How a claim is told: asked to be checked ("is it right that …"), stated with a
    /// question mark around a plain "is", given a reason ("that's why"), or carried on in a
    /// relative or embedded clause ("which means", "what help she gets is …").
    @Test(arguments: [
        ("Is it right that schools don't have to publish anything about their SEN provision on their website?", "schools-need-not-publish"),
        ("so the SEN support plan is legally binding just like an EHCP?", "support-plan-binding"),
        ("the SEN support plan is binding like an EHCP so school has to deliver all of it?", "support-plan-binding"),
        ("the school sets the targets and just tells us about them, we don't really get a say in the outcomes do we", "parents-no-say-in-outcomes"),
        ("schools get extra money for each child on the SEN register, that's why they add so many", "sen-support-brings-money"),
        ("school are writing a support plan for my son, which means they will get extra funding for him", "sen-support-brings-money"),
        (
            "The school's line is that setting targets and what help she gets is for teachers to decide and parents don't get a say.",
            "parents-no-say-in-outcomes"
        ),
    ])
    func aClaimToldInItsOwnWordsIsSpotted(question: String, card: String) throws {
        let answer = try answerer().answer(question)
        #expect(answer.kind == .myth)
        #expect(answer.myth?.id == card)
    }

    @Test func aQuestionWordInsideAStatementTellsRatherThanAsks() {
        func words(_ text: String) -> [Substring] { QuestionReading.foldForCues(text).split(separator: " ") }
        #expect(!MythDetector.asksWithAQuestionWord(words("the school decides what help she gets")))
        #expect(!MythDetector.asksWithAQuestionWord(words("a support plan, which means extra money")))
        #expect(MythDetector.asksWithAQuestionWord(words("my son has adhd what help can he get")))
        #expect(MythDetector.asksWithAQuestionWord(words("my son has adhd which school is best for him")))
        #expect(!MythDetector.asksWithAQuestionWord(words("parents get no say in what the targets are")))
        #expect(MythDetector.asksWithAQuestionWord(words("my son has a plan what are the targets")))
        #expect(!MythDetector.asksWithAQuestionWord(words("schools get money according to how many children are on the register")))
        // Whose choice it is, told: "it's up to the school what …".
        #expect(!MythDetector.asksWithAQuestionWord(words("it's up to the teachers how his support is run")))
        #expect(MythDetector.opensAQuestionInside(" sen support plan is it legally binding "))
        #expect(!MythDetector.opensAQuestionInside(" the sen support plan is legally binding "))
        #expect(MythDetector.opensAQuestionInside(" herts enf can fe colleges apply "))
        #expect(!MythDetector.opensAQuestionInside(" so school has to deliver all of it "))
        #expect(MythDetector.endsWithATag(" we don't really get a say in the outcomes do we "))
        #expect(!MythDetector.endsWithATag(" will they tell me before they do it "))
        #expect(!MythDetector.endsWithATag(" herts enf wat is it "))
        // "am I?" and "couldn't they?" close a statement as "do we?" does.
        #expect(MythDetector.endsWithATag(" i'm not able to ask for one unless school agrees first am i "))
        #expect(MythDetector.endsWithATag(" the school could refuse couldn't they "))
    }

    /// A closing yes/no question asks on its own: the context's "can't" describes the child.
    /// One about the context itself ("Is that the rule?") puts the context up to be checked.
    @Test func aClosingYesNoQuestionAsksOnItsOwn() throws {
        let answerer = try answerer()
        let described = answerer.answer(
            "My daughter is 6 and can't manage buttons when they change for PE, and she still has accidents. Can SEN support include help with dressing and toileting?")
        #expect(described.kind == .answer)
        let context = answerer.answer(
            "He can't sit still and can't follow instructions. Does the school have to tell me if they put him on SEN support?")
        #expect(context.kind == .answer)
        let checked = answerer.answer("The nursery told us he can't have SEN support until he starts school. Is that the rule?")
        #expect(checked.myth?.id == "under-fives")
        #expect(MythDetector.finalYesNoQuestion("He is 6. Does that mean he gets a TA?") == nil)
        // A condition supposes: the question after it asks.
        let condition = answerer.answer(
            "if the school can't pay for all the support my daughter needs can they ask the council for more money")
        #expect(condition.kind == .answer)
        #expect(MythDetector.mainClauseAfterACondition(" if he can't read by 7 can they get a specialist in ") == " can they get a specialist in ")
        #expect(MythDetector.mainClauseAfterACondition(" he can't read ") == " he can't read ")
        // "Then" opens the question after the condition; a closing tag is not it.
        #expect(MythDetector.mainClauseAfterACondition(" if she hasn't got a ta then she isn't on sen support is she ") == " she isn't on sen support is she ")
        #expect(MythDetector.mainClauseAfterACondition(" if she hasn't got a ta she isn't on sen support is she ") != " is she ")
        expectCards([("if she doesnt get her own 1:1 TA then she isnt really on SEN support at all is she", "support-means-one-to-one")], from: answerer)
        #expect(MythDetector.finalYesNoQuestion("He is 6. Can he get a TA?")?.hasSuffix("Can he get a TA?") == true)
    }

    /// "Nobody has told me" reports nothing anyone said; "school told me" does.
    @Test func aNegatedReportIsNotAClaim() throws {
        let answerer = try answerer()
        let nothingSaid = answerer.answer(
            "My son has been on SEN support for a term and nobody has told me what his targets are or when they will check how he is doing.")
        #expect(nothingSaid.kind == .answer)
        let reported = answerer.answer("school told me the speech therapist's findings are only for staff")
        #expect(reported.myth?.id == "specialist-findings-secret")
        #expect(!MythDetector.reportsSpeech(" nobody has told me anything "))
        #expect(!MythDetector.reportsSpeech(" they haven't said what she found "))
        #expect(MythDetector.reportsSpeech(" nobody listens and the senco said he is too young "))
        // Nor does asking what someone said.
        let askedWhatWasSaid = answerer.answer(
            "A speech therapist saw my daughter at school but nobody has told me what she said. Should the school have shared that with me?")
        #expect(askedWhatWasSaid.kind == .answer)
        #expect(!MythDetector.reportsSpeech(" i don't know what she said "))
        // Who ought to hear is not what someone said.
        #expect(!MythDetector.reportsSpeech(" which staff need to be told about a pupil's needs "))
        #expect(MythDetector.reportsSpeech(" i've been told he's too young "))
        // A question mark closes a cue's word as a space does.
        #expect(MythDetector.holds(" surely ", in: " the school has to give her one to one now surely? "))
    }

    /// A yes/no question tests a card's claim only when the claim is a common one.
    @Test func aYesNoQuestionTestsOnlyACommonClaim() throws {
        let answerer = try answerer()
        let common = answerer.answer("can under-5s have SEN")
        #expect(common.kind == .myth)
        #expect(common.myth?.id == "under-fives")
        let asks = answerer.answer("can a sixth form college in Herts apply for exceptional needs funding?")
        #expect(asks.kind == .answer)
        #expect(asks.citations.first?.passage.id.hasPrefix("hpci-sen-support#") == true)
        let presumes = answerer.answer("a sixth form college in Herts can apply for exceptional needs funding, right?")
        #expect(presumes.myth?.id == "herts-colleges-enf")
    }

    /// Waiting a set time before asking for an EHC needs assessment, and the council owning
    /// a support plan, are claims common enough that a yes/no question puts them to the test;
    /// a yes/no question offering two things to choose between asks which.
    @Test func aYesNoQuestionOfferingTwoThingsAsksWhich() throws {
        let answerer = try answerer()
        expectCards([
            ("do we need to wait until school has been through 3 rounds of assess plan do review before we can ask for an ehcp assessment?", "wait-before-ehcna"),
            ("does the council own her SEN support plan, so I ring them to get it changed?", "support-plan-owned-by-council"),
        ], from: answerer)
        #expect(answerer.answer("is it the SENCo or the class teacher who is responsible for his support day to day?").kind == .answer)
        #expect(MythDetector.asksWhichOfTwo(" is the plan owned by the school or the la? "))
        #expect(!MythDetector.asksWhichOfTwo(" do we have to wait for 2 or 3 apdr cycles? "))
        #expect(!MythDetector.asksWhichOfTwo(" the plan is owned by the school or the la "))
        #expect(MythDetector.asksWhichOfTwo(" is her support plan the council's or the school's? who owns it "))
        #expect(!MythDetector.asksWhichOfTwo(" can the school or the council ask for an assessment? "))
    }

    /// "Am I allowed to …?" is a yes/no question like "can I …?": it asks, unless it puts a
    /// common claim to the test. The claim that only the school can ask for an assessment is
    /// about who asks (``MythCard/about``): whether the support plan goes with the request
    /// is another matter.
    @Test func askingWhetherIAmAllowedAsks() throws {
        let answerer = try answerer()
        #expect(answerer.answer("am I allowed to ask the school what the SEN budget is being spent on for my daughter?").kind == .answer)
        #expect(answerer.answer("is the SEN support plan sent off to the council with an EHC needs assessment request?").kind == .answer)
        expectCards([("a parent can't go to the council for an EHC needs assessment, it has to be the school", "only-school-can-request")], from: answerer)
    }

    /// The claim that no money means nothing more can be done is about the end of help
    /// (``MythCard/about``: "nothing", "end", "stop" …): a school saying it cannot afford
    /// what a child needs reports the situation the guidance answers.
    @Test func runningOutOfMoneyIsAMythOnlyWhenItEndsTheHelp() throws {
        let answerer = try answerer()
        #expect(answerer.answer("our school says it simply can't afford what my daughter needs").myth?.id != "no-money-nothing-more")
        expectCards([("the SEN money has run out so there's nothing more school can do for him, is there", "no-money-nothing-more")], from: answerer)
    }

    /// The claim that a child without a formal plan is not really on SEN Support is about
    /// what counts (``MythCard/about``): a school using IEPs, as the guidance says most do,
    /// is not that claim.
    @Test func usingAnIEPIsNotTheFormalPlanClaim() throws {
        let answerer = try answerer()
        let ieps = answerer.answer("SENCo says most children on SEN support just have an IEP rather than a support plan, is that normal?")
        #expect(ieps.myth?.id != "formal-plan-needed")
        expectCards([("he's got no formal support plan so he's not really on SEN support, is he?", "formal-plan-needed")], from: answerer)
    }

    /// Having no say in what goes into a plan is the claim about outcomes, not the one about
    /// copies of records: that card is about seeing and sharing them (``MythCard/about``).
    @Test func noSayInThePlanIsTheOutcomesClaim() throws {
        expectCards([("the SENCo said parents don't get a say in the support plan, the staff write it", "parents-no-say-in-outcomes")], from: try answerer())
    }

    /// The under-fives claim is about young children and their settings (``MythCard/about``):
    /// a 9 year old's age does not make a question about it.
    @Test func theUnderFivesClaimIsAboutYoungChildren() throws {
        let answerer = try answerer()
        #expect(answerer.answer("My 9 year old doesn't get any say in his SEN support surely, that's for school and us parents?").myth?.id != "under-fives")
        expectCards([("Our pre-school say SEN support is only for schools", "under-fives")], from: answerer)
    }

    /// A question opening with a Code paragraph is a helpline worker asking what the Code says
    /// there, whatever its words ("assume", "not only").
    @Test func aQuestionCitingAParagraphAsks() throws {
        let answerer = try answerer()
        #expect(answerer.answer("Code 6.23 - what must a school not assume when a pupil's attainment is in line with their age?").kind == .answer)
        #expect(MythDetector.opensWithAParagraph("Para 6.2: listening to concerns raised by pupils, not only parents"))
        #expect(MythDetector.opensWithAParagraph("CoP 6.49 - which staff need to know"))
        #expect(!MythDetector.opensWithAParagraph("the school says 6.45 doesn't apply to them"))
        // "Under", "according to", "as per" lead into the paragraph as "para" does.
        #expect(answerer.answer("According to CoP 6.2 does the SENCo have to be a qualified teacher?").kind == .answer)
        #expect(MythDetector.opensWithAParagraph("Under para 6.2, must a school name a SENCo?"))
    }

    /// An abbreviation the guidance never writes but the domain vocabulary spells out ("SSP",
    /// a SEN support plan) is something to judge, not a question with nothing in it.
    @Test func anAbbreviationTheVocabularySpellsOutIsAnswered() throws {
        let answer = try answerer().answer("whats an SSP?")
        #expect(answer.kind == .answer)
        #expect(answer.citations.prefix(3).contains { $0.passage.id.hasPrefix("barnardos-sen-support#support-plan") })
    }

    /// The SENCo-must-be-a-teacher card quotes Bexley's duty to designate a teacher as well as
    /// the qualification.
    @Test func theSENCoCardQuotesTheDutyToDesignateATeacher() throws {
        let answer = try answerer().answer("our SENCo is the school's office manager and has never taught, I'm told any member of staff can be SENCo")
        #expect(answer.myth?.id == "senco-need-not-be-teacher")
        #expect(answer.citations.prefix(3).contains { $0.passage.id == "bexley-sen-support#finding-out-2" })
    }

    /// A last sentence asking what ought to happen asks about a duty: the context's reported
    /// claim makes it a myth only when it matches a card as closely as a cued myth must.
    @Test func aQuestionAboutWhatOughtToHappenAsks() throws {
        let answerer = try answerer()
        let duty = answerer.answer(
            "The school says it's easier for him to stay behind in class during trips. Shouldn't he be joining in with the others?")
        #expect(duty.kind == .answer)
        let myth = answerer.answer("the school says he can't have SEN support without a diagnosis. should I just accept that?")
        #expect(myth.kind == .myth)
        // What the school does ("won't tell me") is no claim: the asker asks what ought to
        // happen instead.
        let withheld = answerer.answer(
            "A speech therapist assessed my son in school but the school won't tell me what she said. Shouldn't they share that with me?")
        #expect(withheld.kind == .answer)
        #expect(myth.myth?.id == "diagnosis-needed")
        #expect(MythDetector.asksWhatOughtToHappen(" is the school supposed to tell me what the therapist found? "))
        #expect(MythDetector.asksWhatOughtToHappen(" shouldn't everyone who teaches her be told? "))
        #expect(!MythDetector.asksWhatOughtToHappen(" is the school allowed to leave him out? "))
        #expect(!MythDetector.asksWhatOughtToHappen(" the school is supposed to do it, isn't it? "))
        // The question's own "supposed to" is no presumption of its context.
        let own = answerer.answer("The class teacher and SENCo are assessing my son's needs – are parents supposed to be part of that?")
        #expect(own.kind == .answer)
    }

    /// A question typed without a question mark is not a statement when it has a question's
    /// word order; a statement's "is the" or "do the" is not that.
    @Test func aRunOnQuestionIsNotAStatement() throws {
        let runOn = [
            "he has no friends at break time can the school help with that",
            "the sen money has run out should we ask for an ehc assessment now",
            "my sons school is private do they have to do sen support",
        ]
        let statements = [
            "The school is the one that pays for SEN Support.",
            "They have to do the assessment before anything else.",
            "The nursery said that children under 5 can't have SEN at all.",
            "now he has his diagnosis the school will have to give him one to one help",
            // A question word after "from", "on" or "by" is part of the statement.
            "A school's SEN budget is worked out from how many pupils it has on the SEN register.",
        ]
        for text in runOn {
            #expect(!MythDetector.isStatement(QuestionReading.foldForCues(text), analyzer: .english), "\(text)")
        }
        for text in statements {
            #expect(MythDetector.isStatement(QuestionReading.foldForCues(text), analyzer: .english), "\(text)")
        }
        #expect(!MythDetector.isStatement(QuestionReading.foldForCues("I want to know how the school decides who gets SEN support."), analyzer: .english))
        #expect(!MythDetector.reportsAClaim(" will i be told what they said ? "))
        #expect(!MythDetector.reportsAClaim(" will the school let me know what the occupational therapist said after the visit "))
        #expect(try answerer().answer("will the school let me know what the occupational therapist said after the visit").kind == .answer)
        #expect(MythDetector.reportsAClaim(" what now the senco said he is too young ? "))
    }

    /// A claim the asker puts up to be checked ("I thought …", "the school says …") is a
    /// myth at a looser match than other presumptions.
    @Test func aClaimPutUpToBeCheckedNeedsALooserMatch() throws {
        let answerer = try answerer()
        let question = "I thought SEN Support only begins when a child starts primary school"
        let reading = QuestionReading(question, corrector: answerer.corrector, analyzer: answerer.analyzer)
        let match = try #require(answerer.mythDetector.bestMatch(for: reading))
        #expect(match.card.id == "under-fives")
        #expect(match.checksAClaim)
        #expect(match.strength >= MythDetector.checkedClaimMatch && match.strength < MythDetector.cuedMatch)
        #expect(answerer.answer(question).kind == .myth)
        // An open question reporting no claim puts nothing up to be checked.
        let open = QuestionReading("what is SEN support in the early years?", corrector: answerer.corrector, analyzer: answerer.analyzer)
        #expect(answerer.mythDetector.bestMatch(for: open)?.checksAClaim == false)
    }

    /// A long question whose context the guidance does not speak to is answered when its
    /// last question, judged on its own, is covered; the same words without a question are
    /// not, and an off-topic last question is still turned away.
    @Test func theLastQuestionOfALongQuestionIsJudgedOnItsOwn() throws {
        let answerer = try answerer()
        let context = "My son is 9 and mad about football, minecraft and lego, and his grandad takes him fishing most weekends. "
        #expect(answerer.answer(context + "Will the school tell me if they think he needs SEN support?").kind == .answer)
        #expect(answerer.answer(context + "Will the school tell me if they think he needs SEN support.").kind == .none)
        #expect(answerer.answer("My son has autism. How do I renew his passport?").kind == .none)
        #expect(QuestionReading.finalQuestion(of: "She is 6. Will they listen? I hope so.") == " Will they listen?")
        #expect(QuestionReading.finalQuestion(of: "Will they listen?") == nil)
    }

    /// Question words typed short are read as question words, not corrected to guidance
    /// words ("wich" → "with") or weighed as words the guidance never uses.
    @Test func shortQuestionWordsAreReadAsQuestionWords() throws {
        let answerer = try answerer()
        for question in ["wat is sen support", "hw do i ask for help", "wen does the review happen"] {
            let answer = answerer.answer(question)
            #expect(answer.kind == .answer, "\(question)")
            #expect(answer.correctedQuestion == nil, "\(question)")
        }
        let reading = QuestionReading("wich chapter covers college", corrector: answerer.corrector, analyzer: answerer.analyzer)
        #expect(reading.corrected == "which chapter covers college")
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

    /// An off-topic statement is "not covered", not matched to a card on one word by chance.
    @Test func anOffTopicStatementIsNotAMyth() throws {
        let answerer = try answerer()
        expectNotCovered(["write me a python function to sort a list", "best mortgage rates right now"], by: answerer)
    }

    /// A short statement with a word that makes a claim is put up for confirmation; a
    /// description of the child, or a staff search opening with a Code paragraph, is not.
    @Test func aShortClaimIsAStatement() throws {
        for text in [
            "code of practice is just advice schools can ignore it", "sen support plan is legally binding like an ehcp",
            "the speech therapist's report goes to the teachers and not to the family",
        ] {
            #expect(MythDetector.isStatement(QuestionReading.foldForCues(text), analyzer: .english), "\(text)")
        }
        for text in [
            "she has a support plan", "9.3 significant difficulties setting should consider EHC needs assessment", "SEN support plan legally binding",
            "meaning of 'must' in the SEND Code of Practice", "duties of the LA and the school to pupils at SEN Support",
            // A modal named rather than used is no verb.
            "must vs should in the SEND code", "difference between must and should in the code of practice",
        ] {
            #expect(!MythDetector.isStatement(QuestionReading.foldForCues(text), analyzer: .english), "\(text)")
        }
        let answer = try answerer().answer("the sen support plan is legally binding like an ehcp")
        #expect(answer.myth?.id == "support-plan-binding")
    }

    /// What a parent says of their own child is context, not a claim to put to a card,
    /// unless a word makes it one.
    @Test func aStatementAboutTheChildDescribes() throws {
        let answerer = try answerer()
        for text in ["my son is on the sen register", "he is 4 and at nursery", "my son is 16 and at college"] {
            #expect(!MythDetector.isStatement(QuestionReading.foldForCues(text), analyzer: .english), "\(text)")
            #expect(answerer.answer(text).kind != .myth, "\(text)")
        }
        #expect(MythDetector.isStatement(QuestionReading.foldForCues("he is 4 so he is too young for SEN support"), analyzer: .english))
    }

    /// A yes/no question asks: a word such as "only" in it does not presume, while a negation
    /// it takes for granted does.
    @Test func aYesNoQuestionAsksUnlessItPresumesANegation() throws {
        let answerer = try answerer()
        #expect(answerer.answer("does the school have to use the SEN money only on my son?").kind == .answer)
        #expect(answerer.answer("is there no SEN support in sixth form?").kind == .myth)
    }

    /// A closing yes/no clause after context that only describes asks on its own: the
    /// context's words are not a claim put up to be checked.
    @Test func aClosingYesNoClauseAfterADescriptionAsks() throws {
        let answerer = try answerer()
        let asks = answerer.answer("my son is at college in Herts now, can they apply for exceptional needs funding like his school did")
        #expect(asks.kind == .answer)
        #expect(MythDetector.finalYesNoClause(in: ["he sits alone at lunch, is that something the school should sort out"]) == nil)
        #expect(MythDetector.finalYesNoClause(in: ["where can I read about EHCNAs - does IPSEA have a guide"]) == nil)
        #expect(MythDetector.finalYesNoClause(in: ["they say there's nothing more they can do, so do I just wait for an EHCP"]) == nil)
        #expect(MythDetector.finalYesNoClause(in: ["he has no friends at break, can SEN support help with friendships"]) != nil)
        // What the child or other children won't or can't do describes; the school's "won't" presumes.
        let friends = "my daughter is on sen support but the other children won't sit with her at lunch, can the school do anything about that"
        #expect(MythDetector.finalYesNoClause(in: [friends]) != nil)
        #expect(answerer.answer(friends).kind == .answer)
        #expect(MythDetector.finalYesNoClause(in: ["the school won't give her a TA without an EHCP, can they refuse like that"]) == nil)
    }

    /// A not-covered topic named only in the context does not turn away a last question that
    /// stands on its own; one that points back to it in few words of its own ("is that normal
    /// and how long will it take?") is still turned away.
    @Test func aTopicInTheContextDoesNotTurnAwayTheQuestion() throws {
        let answerer = try answerer()
        let context = "We are on the waiting list for an autism assessment on the NHS. "
        #expect(answerer.answer(context + "What should the school look at when deciding his SEN support?").kind == .answer)
        #expect(answerer.answer(context + "Is that normal and how long will it take?").kind == .none)
        // A pointer after the opening refers to what the question itself asks about.
        #expect(answerer.answer(context + "Can the school help with that as part of his SEN support?").kind == .answer)
        // So can a pointer at the opening, when the question says enough of its own.
        let story = answerer.answer(
            "My daughter is 9 and I don't think school ever put the right help in. Now she gets detentions most weeks and won't go in some mornings. Could all this be happening because her needs aren't being met?")
        #expect(story.kind == .answer)
        #expect(story.citations.first?.passage.text.contains("not implemented") == true)
        // The closing clause of one sentence is judged so too, after context that tells
        // something; not after a condition or a question of its own.
        #expect(answerer.answer("she is 5 and still in nappies, can the school help with that as part of her SEN support?").kind == .answer)
        #expect(Answerer.closingQuestionClause(of: "if I home educate him, does the council still have to give him SEN support?") == nil)
        #expect(Answerer.closingQuestionClause(of: "how do I get free school meals, and does SEN support make him eligible?") == nil)
        // A topic the asker means to take up is what the closing question is about.
        #expect(answerer.answer("We are thinking of home educating our daughter. Would the council still give her any SEN help?").kind == .none)
        #expect(Answerer.statesAnIntent(" i want to home educate him "))
        #expect(!Answerer.statesAnIntent(" i want to know what sen support is "))
        // Home educating already is the setting the closing question asks about.
        #expect(answerer.answer("We home educate our daughter. Does the council still have to give her SEN support?").kind == .none)
        // A misconception told alongside the topic is still answered with its card.
        let presumed = answerer.answer(
            "the waiting list for an ADHD assessment is 18 months and school keep saying they can't do anything extra until he's diagnosed")
        #expect(presumed.myth?.id == "diagnosis-needed")
    }

    /// A question mostly of words the guidance never uses, matched on a word or two, is not
    /// covered; one in the guidance's own words still is.
    @Test func aQuestionMostlyOfUnknownWordsNeedsAStrongerMatch() throws {
        let answerer = try answerer()
        #expect(answerer.answer("cheapest tablet for primary school homework").kind == .none)
        #expect(answerer.answer("what does SEN support in a primary school look like").kind == .answer)
    }

    /// A question that names no child, school, need or name of the guidance's own is not about
    /// its subject, however many everyday words it shares with a passage; a short question in
    /// the guidance's names or phrases, a Code paragraph, a school year, an abbreviation or a
    /// misspelt child is.
    @Test func aQuestionMustNameTheGuidancesSubject() throws {
        let answerer = try answerer()
        expectNotCovered([
            "my dishwasher keeps leaving a white film on the glasses, what should I check",
            "how do I make bread without yeast",
            "how do I change the time on my car clock",
            // "time … year" are words of the guidance's "times a year", but name nothing of it.
            "best time of year to plant tulip bulbs",
        ], by: answerer)
        for question in [
            "what is ENF in Herts?", "what does 6.45 say", "what replaced SA and SA+ then?",
            "will they ask my doughter what she thinks about it", "what's the graduated approach",
            "is there a quiet room my yr 9 could use when it gets too much", "will the skool listen to my concerns",
        ] {
            #expect(answerer.answer(question).kind != .none, "\(question)")
        }
        // A follow-up takes its subject from the conversation.
        let followUp = answerer.answer("and what happens after that?", history: ["what happens at an SEN support review"])
        #expect(followUp.kind == .answer)
    }

    /// A long question told as a story is judged on what it asks: the everyday words around it
    /// that the guidance never uses ("weeks", "nobody") weigh less than unknown words in a
    /// short question, where they are most of what is asked ("board games").
    @Test func aStoryAroundAQuestionWeighsLessThanItsQuestion() throws {
        let answerer = try answerer()
        let story = answerer.answer(
            "An occupational therapist came into school to see my son a few weeks ago but nobody has told me a thing about what she said. Shouldn't I have been told?"
        )
        #expect(story.kind == .answer)
        #expect(story.citations.first?.passage.text.contains("recorded and shared with the parents") == true)
        #expect(answerer.answer("good board games for a 9 year old and her little brother").kind == .none)
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

    /// The passage quoted first is judged too, with the ways people ask for it counting
    /// towards its score: a parent's words for what a passage says ("nobody has told me what
    /// he said", "walks round on his own every playtime") are found there, not in the
    /// guidance's own words.
    @Test func thePassageQuotedFirstIsJudgedWithItsQuestions() throws {
        let answerer = try answerer()
        let findings = answerer.answer("An OT came in to see my daughter last term but nobody has told me what he said. Shouldn't I have been told?")
        #expect(findings.kind == .answer)
        #expect(findings.citations.first?.passage.text.contains("recorded and shared with the parents") == true)
        let playtime = answerer.answer("my son has no friends and walks round on his own every playtime, can school do anything")
        #expect(playtime.kind == .answer)
        #expect(playtime.citations.first?.passage.text.contains("play with them at break time") == true)
        #expect(answerer.answer("can I give Calpol to my 4 year old before nursery?").kind == .none)
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

    /// Waiting to see whether a young child catches up before looking at SEN is a
    /// misconception the Code contradicts: early identification is critical. Asking what the
    /// Code says about it is answered.
    @Test func waitingToSeeIsAMyth() throws {
        let answerer = try answerer()
        let waiting = answerer.answer("the school want to leave it till year 2 and see if he catches up before anyone looks at SEN, is that right?")
        #expect(waiting.myth?.id == "wait-and-see")
        #expect(waiting.citations.first?.passage.text.contains("early identification of SEN is critical") == true)
        #expect(answerer.answer("what does the Code say about identifying SEN early?").kind == .answer)
    }

    /// Schools get SEN money without any EHCP, and can ask the council for more: two claims
    /// about money the guidance contradicts, each with its own card.
    @Test func schoolsGetSENMoneyAndCanAskForMore() throws {
        let answerer = try answerer()
        let noMoney = answerer.answer("our head says the school gets no funding for special needs unless the child has an EHCP")
        #expect(noMoney.myth?.id == "no-sen-money-without-ehcp")
        #expect(noMoney.citations.first?.passage.text.contains("All mainstream schools receive money") == true)
        let noMore = answerer.answer("academies can't ask the council for any further SEN funding beyond their own budget, can they?")
        #expect(noMore.myth?.id == "no-further-funding")
        // A pot of money for each child is a misconception; asking how the money is spent
        // is not.
        let pot = answerer.answer("isn't each SEN child's money their own ring-fenced pot that school must spend on them alone?")
        #expect(pot.myth?.id == "money-ring-fenced-per-child")
        #expect(answerer.answer("Am I allowed to ask how the school spends its SEN money?").kind == .answer)
    }

    /// That the advice service takes the council's side is a misconception: Cumbria's service
    /// says it offers impartial information, advice and support. Asking what it does is not.
    @Test func theAdviceServiceTakingTheCouncilsSideIsAMyth() throws {
        let answerer = try answerer()
        let side = answerer.answer("the IAS service gets its money from the council so it'll just side with them")
        #expect(side.myth?.id == "ias-takes-councils-side")
        #expect(side.citations.first?.passage.text.contains("Offering impartial information, advice and support") == true)
        #expect(answerer.answer("what does SENDIASS do and is it free?").kind == .answer)
    }

    /// Claims holdout95-102 worded anew find their cards: a school not telling parents about
    /// SEN help it gives.
    @Test func claimsOfTheNinetyFifthSetsFindTheirCards() throws {
        expectCards([("nobody told me he'd been getting SEN help all year, apparently the school doesn't have to say", "no-need-to-tell-parents")], from: try answerer())
    }

    /// "Best endeavours" read as a weak duty, and a support plan without outcomes or a review
    /// date, are misconceptions the guidance contradicts: each has its card. Asking what
    /// best endeavours means is answered.
    @Test func bestEndeavoursAndReviewDatesHaveTheirCards() throws {
        let answerer = try answerer()
        expectCards([
            ("the school told me best endeavours only means trying a bit within their budget, it isn't a proper duty", "best-endeavours-minimal"),
            ("the SENCo says the support plan doesn't need a review date, they'll just see how it goes", "plan-needs-no-outcomes-or-dates"),
        ], from: answerer)
        #expect(answerer.answer("what does best endeavours mean for my son's school?").kind == .answer)
    }

    /// A card with words it is about (``MythCard/about``) is matched only by a question that
    /// says one: "School Action Plus is a separate level" rests on the misconception; "my
    /// kids had School Action Plus – have they gone?" asks what became of it.
    @Test func schoolActionPlusIsAMythOnlyWhenCalledSeparate() throws {
        let answerer = try answerer()
        #expect(answerer.answer("School Action Plus is still a separate level above SEN Support, isn't it?").myth?.id == "school-action-plus-separate")
        let history = answerer.answer("I'm a nan and my kids had School Action and School Action Plus. My grandson's school never says either - have they gone?")
        #expect(history.kind == .answer)
        // "SEN Support instead" tells what the new school calls it, not that both are levels.
        let renamed = answerer.answer("her old school reports say School Action Plus but the new school keeps talking about SEN Support instead")
        #expect(renamed.kind == .answer)
        #expect(history.citations.prefix(3).contains { $0.passage.text.contains("School Action Plus") })
    }

    /// Everyday questions that mention a child still name topics the guidance never speaks
    /// to: a games console's parental controls, a car's MOT, a mortgage.
    @Test func everydayTopicsAroundAChildAreNotCovered() throws {
        let answerer = try answerer()
        expectNotCovered([
            "how do I turn on parental controls on my 8 year old daughter's PlayStation?",
            "my son's school run car needs its MOT, what gets checked?",
            "should we fix our mortgage before our daughter starts school?",
            // A car's engine light, and a childcare code, beside a child.
            "the engine light on my car keeps flashing, is it ok to take my son to school in it?",
            "how do I get the 30 hours childcare code for my 3 year old",
        ], by: answerer)
        // Nor does it speak of the council arranging education while a child cannot attend.
        #expect(answerer.answer("my son is off school with anxiety, will the council arrange education for him at home?").kind == .none)
    }

    /// A passage that names a not-covered topic answers a question about it only when it also
    /// holds the rest of the question: the funded-hours passage names Carer's Allowance, and
    /// answers a question about nursery hours, not one about claiming the benefit.
    @Test func aPassageNamingATopicMustHoldTheRestOfTheQuestion() throws {
        let answerer = try answerer()
        #expect(answerer.answer("we get carer's allowance, can I still claim it if I work 16 hours a week?").kind == .none)
        #expect(answerer.answer("how do I apply for carer's allowance for my disabled son?").kind == .none)
        let nursery = answerer.answer("I get carer's allowance for my son - can he still have the funded nursery hours?")
        #expect(nursery.kind == .answer)
    }

    /// Topics of the EHC process and of school places that the guidance never speaks to are
    /// named, so that a question about them is not answered from a passage sharing its
    /// other words.
    @Test func namedTopicsBeyondTheGuidanceAreNotCovered() throws {
        let answerer = try answerer()
        expectNotCovered([
            "can the council cease my son's EHC plan when he leaves school at 18?",
            "does being on SEN support give my son priority for a place at the secondary we want?",
            "is occupational therapy health provision or educational provision in an EHCP?",
            "will my son's EHC plan end when he turns 19?",
        ], by: answerer)
    }

    /// The guidance speaks of the SENCo's qualification, never of a teaching assistant's, and of needs,
    /// not of how conditions differ:
    /// asked what a TA must be qualified in, it is not covered; asked about the SENCo, it is.
    @Test func assistantsQualificationsAndHowConditionsDifferAreNotCovered() throws {
        let answerer = try answerer()
        #expect(answerer.answer("which qualifications should a teaching assistant have to help autistic pupils?").kind == .none)
        #expect(answerer.answer("TA qualifications for working with SEN children - what's required?").kind == .none)
        #expect(answerer.answer("does the SENCo have to hold a qualification?").kind != .none)
        // Nor does it say how one condition differs from another.
        #expect(answerer.answer("whats the difference between dyspraxia and dyslexia then").kind == .none)
    }

    /// The guidance names no school: what one school has or does is not covered, while a kind
    /// of school, or a capital after a full stop, names none.
    @Test func oneParticularSchoolIsNotCovered() throws {
        let answerer = try answerer()
        #expect(answerer.answer("How many pupils are on the SEN register at Greenfields Primary in Middlesbrough?").kind == .none)
        let isStopword = answerer.analyzer.isStopword
        #expect(ParticularSchool.isNamed(in: "what does Hillside Academy's SEN policy say", isStopword: isStopword))
        #expect(ParticularSchool.isNamed(in: "is the SENCo at St Anne's Church of England Infants any good?", isStopword: isStopword))
        #expect(!ParticularSchool.isNamed(in: "does SEN support work the same in a Church of England Primary School?", isStopword: isStopword))
        #expect(!ParticularSchool.isNamed(in: "he needs help getting changed for PE. School say it isn't their job", isStopword: isStopword))
        #expect(!ParticularSchool.isNamed(in: "What is SEN Support at Secondary School like?", isStopword: isStopword))
    }

    /// A topic's name that is also an everyday word does not turn a question away: "SATs" is
    /// "sat" ("he's sat at the back"), "housing" is "house" ("than we have in house").
    @Test func aTopicIsNotNamedByAnEverydayWord() throws {
        let answerer = try answerer()
        #expect(answerer.answer("he's sat at the back of the class on his own every day. how can sen support help him").kind == .answer)
        #expect(
            answerer.answer("SENCo here: our interventions are not working and we need more specialist input than we have in house. Who can we go to?")
                .kind == .answer)
        #expect(answerer.answer("can my daughter get extra time in her year 6 SATs").kind == .none)
    }

    /// Misconceptions the guidance contradicts that had no card until the read sets showed
    /// them recurring: each is answered with the card whose passages prove it wrong. A card
    /// that names what it is about needs those words: recording a meeting is no request for
    /// the school's records, and a school paying for a therapist is no claim about the council.
    @Test func recurringMisconceptionsHaveCards() throws {
        let answerer = try answerer()
        let cases = [
            ("the school won't let me have a copy of my son's SEN support plan, they say it's for staff", "records-kept-from-parents"),
            ("the head says parents' concerns aren't enough, school only acts when teachers spot a problem", "parents-concerns-ignored"),
            ("apparently the governors play no part in SEN at our school, the SENCo handles everything", "governors-no-role"),
            ("our Herts primary says it can't ask for ENF because my daughter doesn't have an EHCP yet", "enf-only-with-ehcp"),
            ("the council is the one that decides if my son gets SEN support, not his school, isn't it?", "council-runs-sen-support"),
            ("the academy says it will sort out reasonable adjustments for my disabled son when he starts, not before", "adjustments-only-when-asked"),
            ("a child with SEN can't really be supported in a mainstream school, they need a special school", "special-school-needed"),
        ]
        expectCards(cases, from: answerer)
        #expect(answerer.answer("can I record the SEN support review meeting on my phone?").kind != .myth)
        #expect(answerer.answer("why does school say the speech therapist comes out of their own budget?").kind != .myth)
    }

    /// Two misconceptions the read sets repeat with no card until now: SEN Support as a
    /// one-to-one assistant, and a medical condition as none of the school's business. The
    /// waiting-time card is about asking for an EHC needs assessment: going round the cycle
    /// again is not a wait for one.
    @Test func oneToOneAndMedicalConditionsHaveCards() throws {
        let answerer = try answerer()
        let cases = [
            ("she doesn't have her own TA so she can't really be on SEN support", "support-means-one-to-one"),
            ("the school says my son's epilepsy is for the NHS to deal with, it's nothing to do with them", "medical-conditions-not-school"),
        ]
        expectCards(cases, from: answerer)
        #expect(answerer.answer("Why does the school keep going round the assess, plan, do, review cycle again and again? Isn't once enough?").kind == .answer)
    }

    /// Wordings the read sets repeat for existing cards, added as phrasings, find their card
    /// (before, the first two were answered plainly, the third with a funding card and the
    /// fourth turned away).
    @Test func recurringWordingsFindTheirCards() throws {
        let answerer = try answerer()
        let cases = [
            ("my son is 16 now and school says they only discuss his SEN support with me, not with him", "young-person-not-involved"),
            ("the school says we can't have the EP or SALT in until there is an EHCP", "specialists-only-after-ehcna"),
            ("school says she can't go on the residential because she's on the SEN register", "sen-kept-out-of-activities"),
            ("the school says her deafness is a medical issue rather than SEN, so no SEN support", "only-learning-difficulties"),
        ]
        expectCards(cases, from: answerer)
    }

    /// What the law or the Code "says" is asked about, not a claim put up to be checked; a
    /// father-in-law's "says" still reports one.
    @Test func whatTheLawSaysIsAsked() throws {
        let answerer = try answerer()
        #expect(answerer.answer("which part of the law says a school has to provide SEN support").kind == .answer)
        #expect(answerer.answer("when the Code says schools must do something, does that make it the law").kind == .answer)
        #expect(
            answerer.answer("my father in law says you have to wait two years on SEN support before asking for an EHC needs assessment")
                .myth?.id == "wait-before-ehcna")
    }

    /// "Does that count as SEN?" after a description of the child asks whether what it
    /// describes is SEN; it does not put the description up as a claim. After "the school said …" it
    /// still checks the claim reported.
    @Test func askingWhetherADescriptionIsSENAsks() throws {
        let answerer = try answerer()
        #expect(
            answerer.answer(
                "My son is 13 and does well academically, but he can't manage anything on his own, getting organised or getting around. Does that count as a special educational need?"
            ).kind == .answer)
        #expect(
            answerer.answer("school said she can't have SEN support because she's doing fine in lessons. Is this how SEN support works?")
                .kind == .myth)
    }

    /// A request for tips or the best way to do something seeks advice: "won't" and
    /// "nothing works" in it describe. A claim it reports is still checked.
    @Test func aRequestForTipsSeeksAdvice() throws {
        let answerer = try answerer()
        #expect(answerer.answer("my 2 year old won't stay in her cot at night, any tips?").kind == .none)
        #expect(answerer.answer("best way to get my 4 year old to eat vegetables, nothing works").kind != .myth)
        #expect(answerer.answer("the nursery says my 3 year old is too young for SEN support, any advice?").myth?.id == "under-fives")
    }

    /// "Who" after a noun opens a relative clause: "it's the SENCo who decides …" states.
    @Test func aRelativeWhoStates() throws {
        let answerer = try answerer()
        #expect(
            answerer.answer("It's the SENCo who decides the targets for SEN support, parents just get told them at the end.").myth?.id
                == "parents-no-say-in-outcomes")
        #expect(answerer.answer("who decides the targets for SEN support").kind == .answer)
    }

    /// A yes/no question offering a narrower alternative ("… or only …", "… or just …")
    /// asks which holds; it does not put the restriction forward as a claim.
    @Test func aNarrowerAlternativeAsks() throws {
        let answerer = try answerer()
        #expect(answerer.answer("does the best endeavours duty apply to a free school or only to maintained schools?").kind == .answer)
        #expect(answerer.answer("does the best endeavours duty apply to academies or just LA schools?").kind == .answer)
        #expect(answerer.answer("can FE colleges in Herts apply for ENF or just schools?").kind == .answer)
        #expect(answerer.answer("the best endeavours duty only applies to maintained schools, not academies").myth?.id == "academies-exempt")
    }

    /// Misconceptions that sit next to one another have cards of their own, so that each is
    /// answered with the passage that proves it wrong, not a neighbour's.
    @Test func neighbouringMisconceptionsHaveTheirOwnCards() throws {
        let answerer = try answerer()
        let cases = [
            ("the council refused to do an EHC needs assessment, so now the school has closed her support plan", "support-plan-stops-after-refusal"),
            ("school asked the LA for an EHC needs assessment without telling me and says it doesn't have to", "school-requests-without-telling-parents"),
            ("the school let an educational psychologist assess my son without asking me first, they say it's their decision", "specialists-without-parents"),
            ("my son's class teacher says his SEN is the SENCo's department, not hers", "only-senco-responsible"),
            ("the SENCo says no specialist can be asked in until my daughter has had a whole year on SEN support", "specialists-after-set-time"),
        ]
        expectCards(cases, from: answerer)
        // A card that names what it is about needs those words: using the support plan to ask
        // for an assessment is no refusal.
        #expect(
            answerer.answer("my daughter starts college in September - can they use her SEN support plan to ask the LA for a statutory assessment?")
                .kind == .answer)
    }

    /// A card's proofs are quoted in the order the question's words rank them.
    @Test func aCardsProofsAreQuotedInTheOrderTheQuestionAsksAboutThem() throws {
        let answer = try answerer().answer("a support plan automatically gets the school more funding, right?")
        #expect(answer.myth?.id == "sen-support-brings-money")
        #expect(answer.citations.first?.passage.id == "barnardos-sen-support#support-plan-5")
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

    /// The passage judged for "not covered" is chosen as the quoted ones are, on the
    /// guidance's own words: these were turned away when the passage judged was the one
    /// holding their words most often rather than the one answering them.
    @Test func theJudgedPassageIsChosenAsTheQuotedOnesAre() throws {
        let answerer = try answerer()
        #expect(answerer.answer("how do i know whos in charge of my sons support at school").kind == .answer)
        #expect(answerer.answer("SEN supp plan - does school or LA own it?").kind == .answer)
        #expect(answerer.answer("how do I renew my passport").kind == .none)
        // The passage first by coverage still counts: the judged one alone turned this away.
        #expect(answerer.answer("my son shows signs of dyslexia, can he get sen support").kind == .answer)
    }

    /// A presumption the passage first by coverage holds too little of is a myth at the
    /// looser strength set for it, though the judged passage would cover the question: the
    /// rule was set on that passage's judgement.
    @Test func aPresumptionIsJudgedOnThePassageFirstByCoverage() throws {
        let answerer = try answerer()
        let payment = answerer.answer(
            "The school has hinted we should chip in towards our son's extra help, as families are expected to pay for SEN support.")
        #expect(payment.kind == .myth)
        let nursery = answerer.answer(
            "My mum keeps saying nurseries don't do any of this SEN support stuff and it only kicks in once he starts proper school.")
        #expect(nursery.kind == .myth)
        #expect(nursery.myth?.id == "under-fives")
    }

    /// The guidance names no signs or symptoms of any condition: a question asking for the
    /// first signs is not covered, while one that only mentions signs is answered.
    @Test func theFirstSignsOfAConditionAreNotCovered() throws {
        let answerer = try answerer()
        #expect(answerer.answer("what are the early signs of autism in a toddler").kind == .none)
        #expect(answerer.answer("first signs of dyslexia in year 1").kind == .none)
        #expect(answerer.answer("he shows signs of dyslexia, will the school give him SEN support?").kind == .answer)
    }

    /// A myth answer quotes every proof of its card, and the passage that answers the question
    /// best within the first three even when the card has more proofs than that (before the
    /// proof of the card matching next best).
    @Test func aMythAnswerQuotesTheBestPassageWithinTheFirstThree() throws {
        let answer = try answerer().answer(
            "I asked how the school spends its SEN money on my daughter and was told that's an internal matter parents can't ask about.")
        let card = try #require(answer.myth)
        #expect(card.id == "no-need-to-tell-parents")
        #expect(card.evidence.count == 4)
        let quoted = answer.citations.map(\.passage.id)
        #expect(card.evidence.allSatisfy { quoted.contains($0.passageID) })
        // Four proofs, the best passage third, and the proof of the card matching next best.
        #expect(quoted.count == 6)
        #expect(quoted[2] == "bexley-sen-support#element-2-4")
        #expect(answer.citations[2].passage.text.hasPrefix("You can ask your school how it uses its SEN budget"))
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

    /// "Reviewed once a year, like an EHCP's annual review" says how often, so it is the
    /// three-meetings-a-year card, not the card about a plan fixed until its review; and a
    /// diagnosis typed "dx" is a diagnosis.
    @Test func howOftenAndDiagnosisAreReadAsSaid() throws {
        let answerer = try answerer()
        let yearly = answerer.answer("apparently SEN support is only looked at once a year in an annual review, just like an EHCP")
        #expect(yearly.myth?.id == "one-meeting-a-year")
        let dx = answerer.answer("the SENCo says no SEN register for my son until CAMHS give us an ADHD dx")
        #expect(["diagnosis-needed", "diagnosis-sets-support"].contains(dx.myth?.id ?? ""), "\(String(describing: dx.myth?.id))")
    }

    /// Claims the new read sets worded in ways no card listed: waiting for a diagnosis before
    /// asking for help, needing the school's backing to ask for an assessment, and SEN being
    /// only the SENCo's business.
    @Test func claimsWordedAnewFindTheirCards() throws {
        let answerer = try answerer()
        for (question, card) in [
            ("there's no sense asking for any SEN help before the ADHD diagnosis comes through, is there", "diagnosis-needed"),
            ("the SENCo isn't keen on an EHC needs assessment so I can't apply for one myself without the school behind me", "only-school-can-request"),
            ("his tutor says SEN is nothing to do with her, the SENCo deals with all of it", "only-senco-responsible"),
        ] {
            #expect(answerer.answer(question).myth?.id == card, "\(question)")
        }
    }

    /// Claims of the hundred-and-third to hundred-and-tenth sets: asking whether the one
    /// reporting a claim is right ("Is she right …?", "I'm assuming …") puts it up to be
    /// checked; a support plan started without the parents' consent has its card; claims
    /// worded anew find theirs.
    @Test func claimsOfTheHundredAndThirdSetsFindTheirCards() throws {
        expectCards([
            ("my sister keeps saying nothing can be done for a 4 year old until reception starts. Is she right that we have to wait?", "under-fives"),
            ("I've been emailing the council about SEN support for my daughter as I'm assuming they are the ones who decide who gets it?", "council-runs-sen-support"),
            ("the school put a support plan in place for my son last week without asking us, they don't need our agreement do they", "support-plan-without-consent"),
            ("my nephew only struggles with talking to other children and is fine with everything else, so he can't be on SEN support", "all-four-areas"),
            ("only the SENCo handles the SEN children, the ordinary teachers don't need to", "only-senco-responsible"),
            ("the school has to let her fall behind for ages before it can ask an outside specialist in", "specialists-after-set-time"),
            ("we've been told there's no point going to school for help until he's diagnosed with dyslexia, right", "diagnosis-needed"),
            ("SEN support only covers children behind in reading and maths, so my partially sighted son won't qualify", "only-learning-difficulties"),
            ("isn't SEN Support just something special schools do? my son goes to an ordinary mainstream primary", "special-school-needed"),
            // A "what" clause opening a statement is no open question, and "doesn't count" presumes.
            ("what we notice at home doesn't count, the school only goes by what staff see in class", "parents-concerns-ignored"),
        ], from: try answerer())
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

    /// A card matching nearly as well as the one answering may be the one the question means:
    /// its proof is quoted third when it ranks above the card's own third proof. "A pot of
    /// money from the council for each child on the register" is answered by the per-pupil
    /// funding card, with the council-runs-SEN-support card's proof that the school decides.
    @Test func theNextBestCardsProofIsQuotedThird() throws {
        let answer = try answerer().answer(
            "my neighbour reckons the school gets a pot of money from the council for each child they put on the SEN register")
        #expect(answer.myth?.id == "funding-per-sen-pupil")
        #expect(answer.citations.map(\.passage.id).prefix(3) == [
            "bexley-sen-support#element-2-2", "bexley-sen-support#funding-2", "bexley-sen-support#who-decides-2",
        ])
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

    /// A helpline worker asking for the Code paragraph on a claim ("is there a Code para on
    /// this?", "… too? (7.13)") asks for the reference: the passages answer, not a card.
    @Test func askingForACodeParagraphPutsUpNoCard() throws {
        let answerer = try answerer()
        for question in [
            "FE student tells us the college only listens to her parents, not to her, about her support - they have to listen to her too? (7.13)",
            "Caller says the college told her 17 year old they only talk to parents about support - is there a Code para on this?",
        ] {
            let answer = answerer.answer(question)
            #expect(answer.kind == .answer, "\(question)")
        }
        #expect(MythDetector.asksForAParagraph("they must listen? (Bexley leaflet, 6.2)", folded: " they must listen? (bexley leaflet, 6.2) "))
        #expect(MythDetector.opensWithAWhatClause(" what parents think doesn't count "))
        #expect(!MythDetector.opensWithAWhatClause(" what i notice at home does that count? "))
        #expect(!MythDetector.opensWithAWhatClause(" what is sen support "))
        // Paying "out of their own pot" is a report of the school paying, as "they'd have to pay" is.
        #expect(MythDetector.reportsTheSchoolPaying(QuestionReading.foldForCues("they'd 'have to pay for it out of their own pot'")))
        #expect(!MythDetector.asksForAParagraph("my son (7) can't read", folded: " my son (7) can't read "))
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

    /// The passage quoted first is judged with more of its questions' words (ten, not six),
    /// a child's age and school year left out: "could her school refer us for early help?"
    /// is asked in those words of the passage on early help, and no question's "8 year old"
    /// makes a passage hold an age.
    @Test func thePassageQuotedFirstIsJudgedWithMoreOfItsQuestions() throws {
        let answerer = try answerer()
        let help = answerer.answer("things are really hard at home with my daughter's ADHD, could her school refer us for early help?")
        #expect(help.kind == .answer)
        #expect(help.citations.first?.passage.id == "hpci-sen-support#sen-support-12")
        for ordinal in answerer.library.corpus.passages.indices {
            let fromQuestions = answerer.passageAndQuotedJudgedQuestionTerms[ordinal].subtracting(answerer.passageTerms[ordinal])
            #expect(!fromQuestions.contains(where: Answerer.isAgeTerm))
            #expect(answerer.passageAndQuotedJudgedQuestionTerms[ordinal].isSuperset(of: answerer.passageAndJudgedQuestionTerms[ordinal].subtracting(["year", "old"]).filter { !$0.allSatisfy(\.isNumber) }))
        }
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

struct SentenceSplitterTests {
    @Test func splitsOnSentenceEndsButNotInsideNumbers() {
        #expect(
            SentenceSplitter.sentences("Schools should take seriously any concerns (paragraph 6.45). At college too.")
                == ["Schools should take seriously any concerns (paragraph 6.45).", "At college too."])
        #expect(SentenceSplitter.sentences("e.g. the SENCo. Next") == ["e.g. the SENCo.", "Next"])
        #expect(SentenceSplitter.sentences("- one\n- two") == ["- one", "- two"])
    }
}

struct SpellingCorrectorTests {
    @Test func correctsWithinOneOrTwoEditsAndLeavesRealWordsAlone() {
        let corrector = SpellingCorrector(knownWords: ["school": 9, "support": 9, "assessment": 3], englishWords: ["daughter"])
        #expect(corrector.correction(for: "shcool") == "school")
        #expect(corrector.correction(for: "suport") == "support")
        #expect(corrector.correction(for: "assesment") == "assessment")
        #expect(corrector.correction(for: "daughter") == nil)
        #expect(corrector.correction(for: "school") == nil)
        #expect(corrector.correction(for: "xyzzy") == nil)
        #expect(corrector.correction(for: "sch") == "school")
        #expect(corrector.correction(for: "supp") == "support")
        #expect(corrector.correction(for: "ab") == nil)
    }

    @Test func readsAMissedDoubleLetterBeforeANearerCommonWord() {
        let corrector = SpellingCorrector(
            knownWords: ["actual": 5, "later": 9, "letter": 2, "assessing": 2, "setting": 9, "governors": 3],
            englishWords: ["asses", "spot", "fine", "care", "provide", "govern"], undoublingWords: ["actually", "wife"])
        #expect(corrector.correction(for: "actualy") == "actually")
        #expect(corrector.correction(for: "leter") == "letter")
        #expect(corrector.correction(for: "assesing") == "assessing")
        // A filler word is reached only by a missed double, never by any other edit.
        #expect(SpellingCorrector(knownWords: ["school": 1], undoublingWords: ["wife"]).correction(for: "wifi") == nil)
    }

    /// A word spelt as it sounds ("definishun", three edits from "definition") is read as the
    /// word its sound is written as.
    @Test func readsAnEndingSpeltAsItSounds() {
        let corrector = SpellingCorrector(knownWords: ["education": 4, "school": 9], englishWords: ["definition"])
        #expect(corrector.correction(for: "definishun") == "definition")
        #expect(corrector.correction(for: "educashon") == "education")
        #expect(corrector.correction(for: "cushun") == nil)
    }

    @Test func neverChangesTheFirstLetterButMaySwapTheFirstTwo() {
        let corrector = SpellingCorrector(knownWords: ["site": 9, "autism": 3, "school": 9, "which": 9])
        #expect(corrector.correction(for: "nite") == nil)
        #expect(corrector.correction(for: "mutism") == nil)
        #expect(corrector.correction(for: "shcool") == "school")
        #expect(corrector.correction(for: "hwich") == "which")
    }

    @Test func leavesInflectionsOfRealWordsAlone() {
        let corrector = SpellingCorrector(
            knownWords: ["setting": 9, "find": 9, "care": 9, "provides": 3, "governors": 3],
            englishWords: ["spot", "fine", "provide", "govern"])
        #expect(corrector.correction(for: "spotting") == nil)
        #expect(corrector.correction(for: "fined") == nil)
        #expect(corrector.correction(for: "carer") == nil)
        #expect(corrector.correction(for: "providers") == nil)
        // "-ers" on a base that is a word only by itself is still a slip: "govern" + "ers".
        #expect(corrector.correction(for: "governers") == "governors")
    }

    @Test func restoresAMissingVowelBeforeCompletingAnAbbreviation() {
        let corrector = SpellingCorrector(
            knownWords: ["mental": 9, "psychologist": 5, "support": 9], englishWords: ["meant", "psyche"])
        #expect(corrector.correction(for: "ment") == "meant")
        // Only inside the word: a vowel added at the end is a completion's business.
        #expect(corrector.correction(for: "psych") == "psychologist")
        #expect(corrector.correction(for: "supp") == "support")
    }

    @Test func editDistanceCountsASwapAsOne() {
        #expect(SpellingCorrector.editDistance(Array("daugther"), Array("daughter"), limit: 2) == 1)
        #expect(SpellingCorrector.editDistance(Array("kitten"), Array("sitting"), limit: 5) == 3)
    }
}
