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

    /// The real file `name` parsed by `parse`, with "\n" and with "\r\n": the same, and at
    /// least `minimum` entries (so an empty parse of both cannot pass).
    func readsTheSame<Parsed: Equatable>(
        _ name: String, minimum: Int, _ parse: (String, String) throws(LineError) -> Parsed, count: (Parsed) -> Int
    ) throws {
        let text = RealGuidance.text(name)
        let lf = try parse(name, text)
        #expect(count(lf) >= minimum)
        #expect(try parse(name, Self.crlf(text)) == lf)
    }

    @Test func theRealFilesReadTheSame() throws {
        try readsTheSame("vocabulary.txt", minimum: 50, VocabularyParser.parse, count: \.count)
        try readsTheSame("myths.md", minimum: 40, MythCardParser.parse, count: \.count)
        try readsTheSame("not-covered.txt", minimum: 10, NotCoveredTopics.parse, count: \.count)
        try readsTheSame("passage-questions.txt", minimum: 136, PassageQuestions.parse, count: \.entries.count)
    }

    @Test func anErrorInACRLFFileNamesItsLine() {
        #expect(throws: LineError(file: "n", line: 3, message: "an empty phrase: write phrases separated by |")) {
            try NotCoveredTopics.parse(fileName: "n", text: "a | b\r\n# comment\r\nc |  | d\r\n")
        }
    }
}
