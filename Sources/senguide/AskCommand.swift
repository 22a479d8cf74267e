#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import Guidance

/// `senguide ask QUESTION…`: one question, one answer.
enum AskCommand {
    static let command = CommandLineTool.Command(
        name: "ask", summary: "answer a question from the guidance, with cited passages",
        help: """
            Usage: senguide ask [--json] [--limit N] QUESTION…

            Answers a question in your own words from the guidance: the answer first, then
            the passages that say so, each with who wrote it and the Code of Practice
            paragraph. A question resting on a common myth gets the myth named and the
            facts; a question the guidance does not cover is said to be so, with where to
            get help. Spelling is corrected against the guidance's words.

            Options:
              --json         one JSON object per CONTRACT.md (kind, summary, citations…)
              --limit N      citations to show (default 3)
              --index DIR    the index directory (default: Index)
              --corpus DIR   the corpus directory (default: Corpus)

            Colour only on a terminal, never with NO_COLOR set.
            """,
        run: run)

    static func run(_ arguments: [String]) throws(CLIError) -> Int32 {
        let parsed = try Arguments(arguments, valued: ["index", "corpus", "limit"], flags: ["json"])
        let question = parsed.positionals.joined(separator: " ").trimmingScalars(where: \.isWhitespaceOrNewline)
        guard !question.isEmpty else { throw .usage("give a question, e.g. senguide ask \"can under-5s have SEN\"") }
        let limit = try parsed.integer("limit", default: Answerer.defaultCitationCount, in: 1...20)
        let answerer = try Workspace(parsed).openAnswerer()
        let answer = answerer.answer(question, citationCount: limit)
        if parsed.has("json") {
            print(answer.json.serialized())
        } else {
            print(AnswerRendering.render(answer, terminal: Terminal.standardOutput(environment: ProcessInfo.processInfo.environment)))
        }
        return 0
    }
}
