/// Ways people ask for what a passage says (`Corpus/passage-questions.txt`): for each passage,
/// a few questions in the words parents and helpline staff use, which the passage answers.
///
/// The guidance says "all those who work with your child should be made aware of their
/// needs"; a parent asks "will the dinner ladies know about his needs". BM25 over the
/// passage's own words cannot bridge that; these questions are a second, searchable
/// description of the passage. They are never shown: an answer still quotes only the passage.
/// Format: docs/CORPUS.md#passage-questions.
///
/// ```
/// ## bexley-sen-support#do-2
/// - will the lunchtime staff know about his needs
/// - does every teacher get told what my child needs
/// ```
public struct PassageQuestions: Sendable, Equatable {
    /// Each question with the id of the passage that answers it, in file order.
    public let entries: [Entry]

    public struct Entry: Sendable, Equatable {
        public let passageID: String
        public let question: String
        /// The line of the file it was read from, for error messages.
        public let line: Int
    }

    public static let none = PassageQuestions(entries: [])

    public init(entries: [Entry]) { self.entries = entries }

    /// Parses the file: `## passage-id` lines, each followed by `- question` lines; blank
    /// lines and lines starting `# ` are ignored.
    public static func parse(fileName: String, text: String) throws(LineError) -> PassageQuestions {
        var entries: [Entry] = []
        var passageID: String?
        var seen: Set<String> = []
        for (index, rawLine) in TextLines.of(text).enumerated() {
            let number = index + 1
            let line = rawLine.trimmingCharacters(in: " \t\r")
            func invalid(_ message: String) -> LineError { LineError(file: fileName, line: number, message: message) }
            if line.isEmpty || line.hasPrefix("# ") || line == "#" { continue }
            if line.hasPrefix("## ") {
                let id = String(line.dropFirst(3)).trimmingCharacters(in: " ")
                guard id.contains("#"), !id.contains(" ") else {
                    throw invalid("a passage id looks like \"## bexley-sen-support#do-2\"")
                }
                guard seen.insert(id).inserted else { throw invalid("the passage \"\(id)\" has two blocks; join them") }
                passageID = id
            } else if line == "-" || line.hasPrefix("- ") {
                guard let passageID else { throw invalid("a question before any \"## passage-id\" line") }
                let question = String(line.dropFirst(1)).trimmingCharacters(in: " ")
                guard !question.isEmpty else { throw invalid("an empty question") }
                entries.append(Entry(passageID: passageID, question: question, line: number))
            } else {
                throw invalid("expected \"## passage-id\" or \"- a question\"")
            }
        }
        return PassageQuestions(entries: entries)
    }

    /// Problems against `corpus`: a question for a passage the corpus does not hold (renamed
    /// or removed), as "line N: …".
    public func problems(against corpus: Corpus) -> [String] {
        entries.filter { corpus.ordinal(ofPassage: $0.passageID) == nil }.map {
            "line \($0.line): no passage \"\($0.passageID)\" in the corpus (see `senguide search --json` for ids)"
        }
    }
}
