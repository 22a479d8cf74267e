import Testing

@testable import Guidance

/// A statement told from a question: a claim stated, typed with a question mark, in shorthand
/// or after a story, and a question word inside a statement.
extension AnswererTests {
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

    /// A "when" clause leading into a statement closed by a tag states it; "when" followed
    /// by a verb asks.
    @Test func aWhenClauseBeforeATaggedStatementStates() throws {
        let answer = try answerer().answer("when my daughter goes to college her sen support ends, doesn't it")
        #expect(answer.kind == .myth)
        #expect(answer.myth?.id == "no-support-at-college")
        #expect(MythDetector.whenClauseEndsWithATag(" when he starts college the help stops doesn't it? "))
        #expect(!MythDetector.whenClauseEndsWithATag(" when does the help stop does it? "))
        #expect(!MythDetector.whenClauseEndsWithATag(" when he starts college what happens to his help? "))
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
            // So does one opening with a question word, which folded reads as a relative clause.
            "He has just started at an FE college and they don't seem to have a SENCo. Who is meant to assess what he needs?",
            "She needs help getting changed for PE. Is helping her with that part of SEN support?",
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

    /// After a verb of telling, "what's" opens what is told ("parents get told what's been
    /// decided"), not a question; "wouldn't count" presumes as "doesn't count" does.
    @Test func whatIsToldAndWhatWouldNotCountAreStated() {
        #expect(MythDetector.isStatement(
            QuestionReading.foldForCues("the school sets the targets and parents only get told what's been decided"), analyzer: .english))
        #expect(!MythDetector.isStatement(QuestionReading.foldForCues("what's been decided about his targets"), analyzer: .english))
        #expect(MythDetector.hasPresumptionCue(" her panic attacks wouldn't count as sen "))
    }

    /// Asking whether two things are the same ("… is it the same as a support plan") asks about
    /// the likeness; saying one is "the same as" the other puts it up.
    @Test func askingWhetherTwoThingsAreTheSamePutsUpNoLikeness() {
        #expect(MythDetector.asksWhetherTheSame(" they keep sayin iep n is it the same as a support plan "))
        #expect(!MythDetector.holds(" same as ", in: " they keep sayin iep n is it the same as a support plan "))
        #expect(MythDetector.holds(" same as ", in: " so school has to do all of it same as an ehcp? "))
    }

    /// A statement typed with a question mark needs a closer match to a card than a cued
    /// statement, but not so close as a yes/no question: "the plan is the council's, so I ring
    /// them?" states its claim as plainly as "right?" would. With "or" in it, it may offer a
    /// choice ("paid for by the LA or out of the school's budget?") and is judged as a yes/no
    /// question.
    @Test func aStatementWithAQuestionMarkStatesItsClaim() throws {
        let answerer = try answerer()
        let stated = answerer.answer("the support plan is the council's not the school's, so I ring them if it needs changing?")
        #expect(stated.myth?.id == "support-plan-owned-by-council")
        #expect(MythDetector.declarativeMatch < MythDetector.polarMatch)
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

    @Test func aNounClauseOpenedByWhatStatesAClaim() throws {
        let answer = try answerer().answer("Choosing what targets my daughter works on is for the staff to decide, parents don't have a say in it")
        #expect(answer.myth?.id == "parents-no-say-in-outcomes")
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
        // "What" before a noun and a clause's subject tells ("choosing what targets my
        // daughter works on is …"); before a verb and a preposition it asks.
        #expect(!MythDetector.asksWithAQuestionWord(words("choosing what targets my daughter works on is for the staff")))
        #expect(MythDetector.asksWithAQuestionWord(words("my son has a plan what happens at the review")))
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

    /// "Who" after a noun opens a relative clause: "it's the SENCo who decides …" states.
    @Test func aRelativeWhoStates() throws {
        let answerer = try answerer()
        #expect(
            answerer.answer("It's the SENCo who decides the targets for SEN support, parents just get told them at the end.").myth?.id
                == "parents-no-say-in-outcomes")
        #expect(answerer.answer("who decides the targets for SEN support").kind == .answer)
    }
}
