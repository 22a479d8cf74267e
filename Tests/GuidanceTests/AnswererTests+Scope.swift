import Testing

@testable import Guidance

/// Whether the guidance covers a question: its subject, its named topics, how much of it the
/// best passage holds, and which passage is judged.
extension AnswererTests {
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

    /// An abbreviation the guidance never writes but the domain vocabulary spells out ("SSP",
    /// a SEN support plan) is something to judge, not a question with nothing in it.
    @Test func anAbbreviationTheVocabularySpellsOutIsAnswered() throws {
        let answer = try answerer().answer("whats an SSP?")
        #expect(answer.kind == .answer)
        #expect(answer.citations.prefix(3).contains { $0.passage.id.hasPrefix("barnardos-sen-support#support-plan") })
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

    /// An everyday abbreviation ("UK") or compound ("tax code", "head lice") does not name the
    /// guidance's subject, though "code" and "head" alone would.
    @Test func everydayAbbreviationsAndCompoundsDoNotNameTheSubject() throws {
        let answerer = try answerer()
        expectNotCovered([
            "when is the best time of year to sell a house in the UK",
            "should I check my tax code when I change job",
        ], by: answerer)
        #expect(answerer.answer("what does the Code say about SEN support?").kind == .answer)
    }

    /// Challenging an exclusion and moving to another council are beyond the guidance, however
    /// the exclusion is named ("fixed-term") and whichever places the family moves between.
    @Test func challengingAnExclusionAndMovingCouncilAreNotCovered() throws {
        let answerer = try answerer()
        #expect(answerer.answer(
            "My daughter was given a fixed-term exclusion for behaviour linked to her autism. How do I get the exclusion overturned?"
        ).kind == .none)
        #expect(answerer.scope.namedExactPhrases(inFolded: QuestionReading.foldForCues("What happens to his EHCP if we move from Bexley to Surrey?")) == [" if we move "])
        #expect(answerer.scope.namedExactPhrases(inFolded: QuestionReading.foldForCues("he's moving to a sixth form college")).isEmpty)
    }

    /// A closing question pointing back at a topic the context names ("… being bullied in
    /// the playground. What does the law say the school must do about it?") asks about that
    /// topic, and is not judged apart from it.
    @Test func aClosingQuestionPointingBackKeepsTheContextsTopic() throws {
        #expect(try answerer().answer(
            "My daughter with SEN is being bullied in the playground. What does the law say the school must do about it?"
        ).kind == .none)
        #expect(Answerer.pointsBackToContext(" what must they do to stop it? "))
        #expect(!Answerer.pointsBackToContext(" can he stop itself from worrying "))
        #expect(!Answerer.pointsBackToContext(" what should the school do next? "))
    }

    /// How many hours or sessions of a therapy a child should get is not said by the guidance.
    @Test func hoursOfTherapyAreNotCovered() throws {
        #expect(try answerer().answer("how many sessions of speech therapy a week should my daughter get on sen support").kind == .none)
    }

    /// A topic phrase whose middle word analysis drops ("time off work") is matched as typed:
    /// "at lunch time to work out what she finds hard" names no parent's work.
    @Test func aTopicPhraseWithAStopWordIsMatchedAsTyped() throws {
        let answerer = try answerer()
        #expect(answerer.answer("would watching her at lunch time to work out what she finds hard count as part of her sen support").kind == .answer)
        #expect(answerer.answer("can I get time off work to go to my daughter's SEN review?").kind == .none)
    }

    /// Enforcing an EHC plan is beyond the guidance; enforcing a support plan is not, for the
    /// guidance says a support plan does not bind the school.
    @Test func enforcingAnEHCPlanIsNotCoveredButEnforcingASupportPlanIs() throws {
        let answerer = try answerer()
        #expect(answerer.answer("how do I enforce my daughter's EHCP?").kind == .none)
        #expect(answerer.answer("can I enforce the support plan?").kind == .answer)
        let likened = answerer.answer("is a support plan enforceable like an EHCP? school have dropped most of it")
        #expect(likened.kind == .myth)
        #expect(likened.myth?.id == "support-plan-binding")
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
}
