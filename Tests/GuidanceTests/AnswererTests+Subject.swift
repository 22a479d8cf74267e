import Testing

@testable import Guidance

/// Whether a question is about the guidance's subject at all: a question naming only a person,
/// and everyday compounds with a subject word in them ("the school run").
extension AnswererTests {
    /// A question that names a child or a parent and nothing else the guidance is about must be
    /// held more fully than one naming a need, a school or a service: "which card game suits a
    /// family with teenagers?" shares everyday words with passages that speak of families.
    @Test func aQuestionNamingOnlyAPersonMustBeHeldMoreFully() throws {
        let answerer = try answerer()
        func reading(_ question: String) -> QuestionReading {
            QuestionReading(question, corrector: answerer.corrector, analyzer: answerer.analyzer)
        }
        #expect(answerer.subject.namesOnlyAPerson(in: reading("which card game is good for a family with teenagers?")))
        #expect(!answerer.subject.namesOnlyAPerson(in: reading("my teenager has dyslexia, what can the school do?")))
        #expect(!answerer.subject.namesOnlyAPerson(in: reading("how do I find a hotel in Leeds?")))
        #expect(answerer.answer("which card game is good for a family with teenagers?").kind == .none)
        #expect(answerer.answer("my teenager has dyslexia, what can the school do?").kind == .answer)
    }

    /// "The school run" and "school nights" name no school the guidance is about, whatever a
    /// closing question then asks; a school trip still does.
    @Test func theSchoolRunNamesNoSchool() throws {
        let answerer = try answerer()
        func reading(_ question: String) -> QuestionReading {
            QuestionReading(question, corrector: answerer.corrector, analyzer: answerer.analyzer)
        }
        #expect(!answerer.subject.isNamed(in: reading("is it ok to keep doing the school run in it?")))
        #expect(!answerer.subject.isNamed(in: reading("what time is bedtime on school nights")))
        #expect(answerer.subject.isNamed(in: reading("can the school leave him off the school trip?")))
        #expect(answerer.answer("My van's brakes squeak. Is it ok to keep doing the school run in it?").kind == .none)
    }
}
