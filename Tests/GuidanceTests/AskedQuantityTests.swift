import Testing

@testable import Guidance

struct AskedQuantityTests {
    @Test(arguments: [
        ("How long does the council have to tell me whether they'll assess?", AskedQuantity.time),
        ("my son is 9. and how long can the school keep him on a part time timetable", .time),
        ("how many weeks has the council got to decide", .time),
        ("What's the deadline for appealing?", .time),
        ("What's the closing date for reception applications?", .time),
        ("By what date must the plan name a secondary school?", .time),
        ("by when do they have to reply", .time),
        ("How much is Carer's Allowance a week?", .money),
        ("how much does a private educational psychologist cost", .money),
        // A fund or grant named, or a rate "per" something, asks for a sum too.
        ("How much is the Disability Access Fund for early years settings?", .money),
        ("how much pupil premium does a school get per child this year", .money),
        // A hyphen inside a word does not end the clause; one standing as a dash does.
        ("how much high-needs top-up money would the council give for one child", .money),
        ("EHC needs assessment - how long does the council get to decide", .time),
        // A rate by the hour or week is a sum wherever it stands.
        ("is there a standard hourly rate councils pay for a 1:1 TA", .money),
        // The money word may come ten words after "how much".
        ("how much does an independent educational psychologist's report for autism normally cost", .money),
        // The most or least of a sum.
        ("what's the maximum top-up funding the council pays for one child", .money),
    ])
    func questionsAskingForANumberAreRead(question: String, quantity: AskedQuantity) {
        #expect(AskedQuantity.asked(in: question) == quantity)
    }

    @Test(arguments: [
        // Asks how, not how much: the phrase does not open its clause.
        "how does the council work out how much sen money my son's school gets",
        "A school's notional SEN budget is worked out from how many children it has on the SEN register",
        // Answered in words, or counting something other than time or money.
        "How often should the support plan be reviewed?",
        "how many children in a class can have SEN support",
        "how much help can my daughter get",
        "from what age can a child have SEN support",
        "what does the SENCo do day to day?",
        "what's the maximum help a school can give without an EHCP",
    ])
    func otherQuestionsAskForNoNumber(question: String) {
        #expect(AskedQuantity.asked(in: question) == nil)
    }

    @Test func numbersAreFoundAsTheGuidanceWritesThem() {
        let hpci = "SENCOs (the SEN Coordinator) must be qualified teachers and complete relevant qualification within 3 years of appointment (unless exempt)."
        #expect(AskedQuantity.time.isStated(in: hpci))
        #expect(!AskedQuantity.money.isStated(in: hpci))
        #expect(AskedQuantity.money.isStated(in: "the first £6,000 of additional support"))
        #expect(AskedQuantity.time.isStated(in: "It should be reviewed at least two terms later."))
        #expect(AskedQuantity.time.isStated(in: "over thirty school days"))
        // A Code of Practice paragraph or a year group is not a time.
        #expect(!AskedQuantity.time.isStated(in: "The Code (6.45) says the council must decide. Year 7 transfer."))
        #expect(!AskedQuantity.money.isStated(in: "Schools get money from a formula, 6,000 pupils"))
    }

    @Test func aQuestionAskingForATimeTheGuidanceDoesNotGiveIsNotCovered() throws {
        let answerer = try #require(RealGuidance.answerer)
        let deadline = answerer.answer("How long does the council have to decide whether to carry out an EHC needs assessment?")
        #expect(deadline.kind == .none)
        #expect(deadline.citations.isEmpty)
        let allowance = answerer.answer("How much is Carer's Allowance a week and how do I apply for it?")
        #expect(allowance.kind == .none)
    }

    /// The number must be stated about something the question asks about: "30 hours of
    /// education" in a passage about nursery places does not say how many hours of one-to-one
    /// help an EHC plan gives.
    @Test func aNumberAboutSomethingElseDoesNotAnswer() throws {
        let answerer = try #require(RealGuidance.answerer)
        #expect(answerer.answer("how many hours of 1:1 does an EHCP usually give").kind == .none)
        let nursery = try #require(answerer.library.corpus.passages.firstIndex { $0.text.contains("offer 30 hours of education") })
        #expect(answerer.statesQuantity(.time, ordinal: nursery, askedAbout: ["hour", "ehcp"]) == false)
        #expect(answerer.statesQuantity(.time, ordinal: nursery, askedAbout: ["hour", "educ"]))
    }

    @Test func aQuestionAskingForATimeTheGuidanceGivesIsAnswered() throws {
        let answerer = try #require(RealGuidance.answerer)
        let answer = answerer.answer("how long has a new SENCo got to get the qualification")
        #expect(answer.kind == .answer)
        #expect(answer.citations.first?.passage.text.contains("within 3 years of appointment") == true)
    }
}
