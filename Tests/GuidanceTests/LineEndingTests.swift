import Testing

@testable import Guidance

/// IAS staff edit the corpus's line-oriented files on any computer: a file saved with Windows
/// line endings ("\r\n", which Swift reads as one Character) must read exactly as the same
/// file saved with "\n".
@Suite struct WindowsLineEndings {
    static func crlf(_ text: String) -> String { TextLines.of(text).joined(separator: "\r\n") }

    @Test func splitsOnBothEndingsAndKeepsEmptyLines() {
        #expect(TextLines.of("a\r\nb\n\r\nc").map(String.init) == ["a", "b", "", "c"])
        #expect(TextLines.of("").map(String.init) == [""])
    }

    @Test func theRealVocabularyReadsTheSame() throws {
        let text = RealGuidance.text("vocabulary.txt")
        let lf = try VocabularyParser.parse(fileName: "v", text: text)
        #expect(lf.count > 50)
        #expect(try VocabularyParser.parse(fileName: "v", text: Self.crlf(text)) == lf)
    }

    @Test func theRealMythCardsReadTheSame() throws {
        let text = RealGuidance.text("myths.md")
        let lf = try MythCardParser.parse(fileName: "m", text: text)
        #expect(lf.count > 40)
        #expect(try MythCardParser.parse(fileName: "m", text: Self.crlf(text)) == lf)
    }

    @Test func theRealNotCoveredTopicsReadTheSame() throws {
        let text = RealGuidance.text("not-covered.txt")
        let lf = try NotCoveredTopics.parse(fileName: "n", text: text)
        #expect(lf.count > 10)
        #expect(try NotCoveredTopics.parse(fileName: "n", text: Self.crlf(text)) == lf)
    }

    @Test func theRealPassageQuestionsReadTheSame() throws {
        let text = RealGuidance.text("passage-questions.txt")
        let lf = try PassageQuestions.parse(fileName: "q", text: text)
        #expect(lf.entries.count > 136)
        #expect(try PassageQuestions.parse(fileName: "q", text: Self.crlf(text)) == lf)
    }

    @Test func anErrorInACRLFFileNamesItsLine() {
        #expect(throws: LineError(file: "n", line: 3, message: "an empty phrase: write phrases separated by |")) {
            try NotCoveredTopics.parse(fileName: "n", text: "a | b\r\n# comment\r\nc |  | d\r\n")
        }
    }
}
