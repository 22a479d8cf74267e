import Testing

@testable import Guidance

/// How the way a question is worded decides whether it puts a claim up to be checked: tags,
/// open and yes/no questions, alternatives, reports and requests for a paragraph.
extension AnswererTests {
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
        // The consequence may name who acts; a duty asked of them is still no consequence.
        let named = answerer.answer("if school does a support plan for my son does the local authority give them extra money for him?")
        #expect(named.myth?.id == "sen-support-brings-money")
        #expect(!MythDetector.asksWhatFollowsFromACondition(" if the nursery asks for an assessment does the nursery have to tell me "))
    }

    /// "yeah?" closing a statement is a tag asking to confirm it, not "year" misspelt: the
    /// everyday words added to Corpus/english-words.txt are never corrected.
    @Test func yeahClosingAStatementAsksToConfirmIt() throws {
        let answerer = try answerer()
        let tagged = answerer.answer("if my daughter goes on sen support the LA sends the school extra money for her yeah?")
        #expect(tagged.myth?.id == "sen-support-brings-money")
        #expect(tagged.correctedQuestion == nil)
    }

    /// A question weighing two answers ("… can they help assess, or only once there's an
    /// EHCP?") presumes neither, though "only" is in it; a statement put up with a tag ("SEN
    /// is only for children who can't read or do maths, isn't it?") still does.
    @Test func aQuestionWeighingTwoAnswersPresumesNeither() throws {
        let answerer = try answerer()
        #expect(answerer.answer("EP / physio input at SEN support - can they help assess, or only once there's an EHCP?").kind == .answer)
        #expect(answerer.answer("SEN is only for children who can't read or do maths, isn't it?").kind == .myth)
        #expect(MythDetector.asksBetweenAlternatives(" can colleges apply for it, or is it only schools? "))
        #expect(!MythDetector.asksBetweenAlternatives(" sen is only for kids who can't read or do maths isn't it? "))
        #expect(!MythDetector.asksBetweenAlternatives(" his class goes on a trip or does sports day without him "))
    }

    /// A closing yes/no question pointing back with "that" but offering a choice asks which:
    /// the context's words ("instead") are not put up to be checked.
    @Test func aClosingChoicePointingBackAsksWhich() {
        let sentences = [
            "Years ago my older girl had something called School Action Plus.",
            "Her brother's school only ever mentions SEN Support instead.",
            "Is that a different thing, or was the old one simply renamed?",
        ]
        #expect(MythDetector.finalYesNoQuestion(in: sentences) == sentences[2])
        #expect(MythDetector.finalYesNoQuestion(in: Array(sentences.prefix(2)) + ["Is that the rule now?"]) == nil)
    }

    /// Asking whether two things are the same asks; only a likeness stated is checked.
    @Test func askingWhetherTwoThingsAreTheSameAsks() throws {
        #expect(try answerer().answer("is a support plan the same as an EHCP?").kind == .answer)
        // Likening to an EHCP puts the likeness up; wanting one likens nothing.
        #expect(MythDetector.likensToAnEHCP(" the ssp is statutory like an ehcp so they have to do it "))
        #expect(!MythDetector.likensToAnEHCP(" we would like an ehcp for our daughter, who do we ask? "))
        #expect(!MythDetector.likensToAnEHCP(" i'd like an ehcp for him "))
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
        // After "to" a verb is an infinitive, not a question's opening: the whole is stated.
        let infinitive = " if it's written in her plan the school has to do it just like an ehcp "
        #expect(MythDetector.mainClauseAfterACondition(infinitive) == infinitive)
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

    /// A yes/no question offering a narrower alternative ("… or only …", "… or just …")
    /// asks which holds; it does not put the restriction forward as a claim.
    @Test func aNarrowerAlternativeAsks() throws {
        let answerer = try answerer()
        #expect(answerer.answer("does the best endeavours duty apply to a free school or only to maintained schools?").kind == .answer)
        #expect(answerer.answer("does the best endeavours duty apply to academies or just LA schools?").kind == .answer)
        #expect(answerer.answer("can FE colleges in Herts apply for ENF or just schools?").kind == .answer)
        #expect(answerer.answer("the best endeavours duty only applies to maintained schools, not academies").myth?.id == "academies-exempt")
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
}
