import Testing

@testable import Guidance

/// What a question reports as said, and whether it puts a claim up: a claim reported before a
/// closing question, what a document or the law says, what ought to have been said, and
/// reports of a budget run dry or of the school paying.
extension AnswererTests {
    /// What ought to have been said ("shouldn't someone have told me?") reports nothing.
    @Test func whatShouldHaveBeenSaidReportsNothing() throws {
        let answerer = try answerer()
        #expect(answerer.answer(
            "A TA and the class teacher both work with my son and I don't know who's in charge of his help. Who should it be, and shouldn't someone have told me?"
        ).kind == .answer)
        #expect(!MythDetector.reportsSpeech(" surely they should have told me "))
        #expect(MythDetector.reportsSpeech(" they have told me he is too young "))
    }

    /// Having heard nothing back reports no claim and presumes nothing: "I've heard nothing"
    /// tells of a wait.
    @Test func hearingNothingBackReportsNoClaim() {
        let waiting = " i sent the request a month ago and i've heard nothing since "
        #expect(!MythDetector.holds(" nothing ", in: waiting))
        #expect(!MythDetector.holds(" i've heard", in: waiting))
        #expect(MythDetector.holds(" i've heard", in: " i've heard schools can refuse "))
        #expect(MythDetector.holds(" nothing ", in: " there's nothing the school can do "))
    }

    /// "Surely" before what ought to happen ("Surely I should have been told?") asks about a
    /// duty; before a claim ("surely the school has to spend £6k first") it puts the claim up.
    @Test func surelyBeforeWhatOughtToHappenAsks() {
        #expect(MythDetector.surelyAsksWhatOught(" nobody has said a word about her visit surely i should have been told "))
        #expect(!MythDetector.holds(" surely ", in: " surely we should have been asked first "))
        #expect(MythDetector.holds(" surely ", in: " surely the school has to spend 6k first "))
    }

    /// Asking to be told what was said ("do I get told wat they said?") reports nothing, however
    /// "what" is typed.
    @Test func askingToBeToldWhatWasSaidReportsNothing() {
        #expect(!MythDetector.reportsSpeech(" when the speech therapist comes in do i get told wot she said "))
        #expect(!MythDetector.reportsSpeech(" will we get told what the ep said "))
        #expect(MythDetector.reportsSpeech(" the ep said he is too young "))
        // Nobody having told, apostrophe or none, reports nothing either.
        #expect(!MythDetector.reportsSpeech(" nobodys told me when they review it "))
        #expect(!MythDetector.reportsSpeech(" nobody's told us anything "))
    }

    /// Nobody having said anything ("before anybody at school said a word") reports nothing;
    /// a yes/no question offering two people ("is the SENCo or the class teacher in charge
    /// of …") asks which, however long its close.
    @Test func nothingSaidAndTwoPeopleOfferedPutUpNoClaim() throws {
        let answerer = try answerer()
        #expect(answerer.answer(
            "I spotted she was struggling with maths well before anybody at school said a word. Do I have to wait for them to bring it up, or can I raise it myself?"
        ).kind == .answer)
        #expect(answerer.answer("is the senco or the class teacher in charge of my sons sen work").kind == .answer)
        #expect(MythDetector.asksWhichOfTwo(" is the senco or the class teacher in charge of planning his support and checking it works "))
        #expect(!MythDetector.asksWhichOfTwo(" can the school or the council ask for an assessment for my daughter in year 3 "))
    }

    /// The law "saying" something is what the guidance says, not a claim someone made, with
    /// an adverb between ("which act really says …") or not.
    @Test func whatTheLawSaysIsNoReportedClaim() throws {
        #expect(try answerer().answer("which act really says schools have to provide SEN support").kind == .answer)
        #expect(MythDetector.citesTheLaw(["the", "law", "actually", "says"], at: 3))
        #expect(!MythDetector.citesTheLaw(["my", "friend", "actually", "says"], at: 3))
    }

    /// Told that the school cannot afford a child's help and asking where more money can be
    /// found, the asker presumes nothing: the guidance answers where further funding comes from.
    @Test func askingForMoneyBeyondTheBudgetPresumesNothing() throws {
        let answerer = try answerer()
        #expect(answerer.answer(
            "The head says they can't afford the one-to-one my daughter needs. Can the school get more money from the council for her?"
        ).kind == .answer)
        #expect(answerer.answer("nursery says they would help him more but they cant afford it, is there any extra money they can apply for").kind == .answer)
        #expect(!MythDetector.asksForMoneyBeyondTheBudget(" the sen money has run out so he can't have any more help until april "))
        // A budget used up, and what comes next.
        #expect(answerer.answer(
            "The school have said they've used up their whole SEN budget and can't give my daughter the extra adult help she needs. Does that mean we should think about an EHCP?"
        ).kind == .answer)
        // A sum to be "used up" first is the £6,000 misconception.
        #expect(!MythDetector.asksForMoneyBeyondTheBudget(" the school has to have used up 6 000 before i can ask for an ehcp? "))
    }

    /// What a document says ("my son's plan says SMART targets") is no claim someone made.
    @Test func whatADocumentSaysIsNoReportedClaim() throws {
        #expect(try answerer().answer("my sons plan says smart targets wot does that mean").kind == .answer)
        #expect(!MythDetector.reportsSpeech(" his plan says smart targets "))
        #expect(MythDetector.reportsSpeech(" his teacher says smart targets are optional "))
    }

    /// "Can't" before what a child or school does ("can't cope", "can't make the provision")
    /// describes; before anything else ("can't have SEN support") it presumes.
    @Test func cantBeforeWhatSomeoneDoesDescribes() throws {
        let answerer = try answerer()
        #expect(answerer.answer("council's duty to assess when a school can't make the provision a pupil needs").kind == .answer)
        #expect(answerer.answer("my son has adhd and cant cope in assembly, can the council pay for a taxi to school").kind == .none)
        #expect(!MythDetector.presumesAnInability(" she can't manage her buttons and can't hold a pencil "))
        #expect(MythDetector.presumesAnInability(" she can't manage her buttons so she can't have sen support "))
        #expect(MythDetector.presumesAnInability(" the school cannot give him a ta "))
        #expect(!MythDetector.presumesAnInability(" he cant sit still "))
    }

    /// A claim reported before a closing yes/no question ("I've been told … Is there nothing
    /// we can do?") is put up as a claim reported before "shouldn't they …?" is; a closing
    /// question offering a choice still asks.
    @Test func aClaimReportedBeforeAYesOrNoQuestionIsPutUp() throws {
        let answerer = try answerer()
        let reported = answerer.answer(
            "We're at our wits' end. I've been told the council only takes assessment requests from the school, not from parents. Is there nothing we can do?")
        #expect(reported.kind == .myth)
        #expect(reported.myth?.id == "only-school-can-request")
        let choice = answerer.answer("We've been told he's now on SEN support. Is it the SENCo or his class teacher who plans his help?")
        #expect(choice.kind == .answer)
    }
}
