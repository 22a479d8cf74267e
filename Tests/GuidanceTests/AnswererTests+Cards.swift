import Testing

@testable import Guidance

/// Myth cards: which card a claim reaches, when a card may answer, and which of its proofs
/// (and the next best card's) are quoted first.
extension AnswererTests {
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
            // Visits that "come out of their own budget", an EP that "would cost them".
            "School says the ed psych visits come out of their own budget - is that right? I assumed the council paid for those",
            "the head says an EP would cost them so there's a waiting list. doesn't the council send one for free?",
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
        // Everything coming out of the school's budget is a claim about funding, not a report.
        #expect(!MythDetector.reportsTheSchoolPaying(" sch can't get any extra from the la everything has to come out of their own budget "))
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
        // Every child getting "6 grand"; whether a parent must go to the council to get SEN
        // Support puts the council's part to the test.
        ("every child with SEN gets 6 grand spent on them, that's the rule", "every-child-six-thousand"),
        ("do i have to apply to the council to get my daughter put on sen support in her school", "council-runs-sen-support"),
    ])
    func reportedClaimsReachTheirOwnCard(question: String, card: String) throws {
        #expect(try answerer().answer(question).myth?.id == card)
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

    /// The SENCo-must-be-a-teacher card quotes Bexley's duty to designate a teacher as well as
    /// the qualification.
    @Test func theSENCoCardQuotesTheDutyToDesignateATeacher() throws {
        let answer = try answerer().answer("our SENCo is the school's office manager and has never taught, I'm told any member of staff can be SENCo")
        #expect(answer.myth?.id == "senco-need-not-be-teacher")
        #expect(answer.citations.prefix(3).contains { $0.passage.id == "bexley-sen-support#finding-out-2" })
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
}
