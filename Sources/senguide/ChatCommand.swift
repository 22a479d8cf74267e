#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import Guidance

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `senguide chat`: a conversation in the terminal; follow-ups keep their context.
enum ChatCommand {
    static let command = CommandLineTool.Command(
        name: "chat", summary: "a conversation in the terminal; follow-up questions keep their context",
        help: """
            Usage: senguide chat [--index DIR] [--corpus DIR]

            Ask questions one after another; a follow-up such as "what about at college?"
            is read with the question before it. Questions can also be piped in, one a line.

            At the prompt:
              help      what you can type
              more      the next passages for the last question
              sources   the documents the answers come from
              quit      leave (or Ctrl-D)
            """,
        run: run)

    static let opening = """
        Hello. Ask me about SEN Support in England in your own words — for example \
        "can under-5s have SEN" or "how often should school meet me". I answer only from \
        the guidance, and I show you the words it uses. Type help for more, quit to leave.
        """

    static func run(_ arguments: [String]) throws(CLIError) -> Int32 {
        let parsed = try Arguments(arguments, valued: ["index", "corpus"], flags: [])
        guard parsed.positionals.isEmpty else { throw .usage("chat takes no question; type questions at the prompt") }
        let answerer = try Workspace(parsed).openAnswerer()
        let terminal = Terminal.standardOutput(environment: ProcessInfo.processInfo.environment)
        let interactive = isatty(STDIN_FILENO) == 1
        print(terminal.wrap(opening))
        var history: [String] = []
        var shown = 0
        while true {
            if interactive {
                print("\n" + terminal.bold("You: "), terminator: "")
                fflush(nil)
            }
            guard let line = readLine() else { break }
            let input = line.trimmingScalars(where: \.isWhitespaceOrNewline)
            if input.isEmpty { continue }
            if !interactive { print("\n" + terminal.bold("You: ") + input) }
            switch input.lowercased() {
            case "quit", "exit", "bye", "q":
                print("Goodbye. Your local IAS service can help with anything I could not answer.")
                return 0
            case "help", "?":
                print(terminal.wrap(help))
                continue
            case "sources":
                for document in answerer.library.corpus.documents {
                    let url = document.url.map { " · \($0)" } ?? ""
                    print(terminal.wrap("• \(document.publisher): ‘\(document.title)’ (\(document.area))\(url)", indent: "  "))
                }
                continue
            case "more":
                guard let last = history.last else {
                    print("Ask a question first; then more shows further passages.")
                    continue
                }
                let earlier = Array(history.dropLast())
                let wider = answerer.answer(last, history: earlier, citationCount: shown + 3)
                let next = Array(wider.citations.dropFirst(shown))
                if next.isEmpty {
                    print("There are no more passages for that question.")
                } else {
                    for citation in next {
                        print("\n" + terminal.wrap("“" + citation.passage.text + "”", indent: "  ", firstIndent: "  "))
                        print(terminal.dim(terminal.wrap(AnswerRendering.attribution(citation), indent: "    ", firstIndent: "    ")))
                    }
                    shown = wider.citations.count
                }
                continue
            default:
                break
            }
            let answer = answerer.answer(input, history: history)
            history.append(input)
            if history.count > 5 { history.removeFirst() }
            shown = answer.citations.count
            print("\n" + AnswerRendering.render(answer, terminal: terminal))
        }
        return 0
    }

    static let help = """
        Type a question and press Enter. Follow-up questions ("what about at college?") are \
        read with the one before. Commands: more (further passages for the last question), \
        sources (the documents I answer from), quit (leave).
        """
}
