#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import Guidance
import SearchCore

/// `senguide cite PARA`: the passages that name a Code of Practice paragraph.
enum CiteCommand {
    static let command = CommandLineTool.Command(
        name: "cite", summary: "the passages that cite a Code of Practice paragraph, e.g. 6.45",
        help: """
            Usage: senguide cite [--json] PARA

            Lists every passage of the guidance that names SEND Code of Practice paragraph
            PARA ("6.45", "para 6.45" and "CoP 6.45" all work), in document order.

            Options:
              --json         one JSON object: {"paragraph", "hits": [...]}
              --index DIR    the index directory (default: Index)
              --corpus DIR   the corpus directory (default: Corpus)
            """,
        run: run)

    static func run(_ arguments: [String]) throws(CLIError) -> Int32 {
        let parsed = try Arguments(arguments, valued: ["index", "corpus"], flags: ["json"])
        let input = parsed.positionals.joined(separator: " ")
        guard !input.isEmpty else { throw .usage("give a paragraph, e.g. senguide cite 6.45") }
        guard let paragraph = CodeReferenceParser.normalizeParagraph(input) else {
            throw .usage("\"\(input)\" is not a Code of Practice paragraph; write it like 6.45")
        }
        let library = try Workspace(parsed).openLibrary().library
        let hits = library.passages(citing: paragraph)
        if parsed.has("json") {
            print(JSONValue.object([("paragraph", .string(paragraph)), ("hits", .array(hits.map(\.json)))]).serialized())
            return 0
        }
        let terminal = Terminal.standardOutput(environment: ProcessInfo.processInfo.environment)
        if hits.isEmpty {
            print("No passage of the guidance names Code of Practice paragraph \(paragraph).")
            return 0
        }
        print(terminal.bold("Code of Practice \(paragraph)") + " is named by \(hits.count) passage\(hits.count == 1 ? "" : "s"):\n")
        for (rank, hit) in hits.enumerated() {
            print(PassageRendering.header(rank: rank + 1, hit: hit, terminal: terminal))
            print(terminal.wrap(hit.passage.text, indent: "   "))
            print("")
        }
        return 0
    }
}

/// `senguide stem`: Porter2 stems of words read one a line.
enum StemCommand {
    static let command = CommandLineTool.Command(
        name: "stem", summary: "Porter2 (Snowball English) stems of words read one a line",
        help: """
            Usage: senguide stem < words.txt

            Reads words from standard input, one a line, and writes the Snowball English
            (Porter2) stem of each, one a line, in the same order.
            """,
        run: { arguments throws(CLIError) in
            let parsed = try Arguments(arguments, valued: [], flags: [])
            guard parsed.positionals.isEmpty else { throw .usage("stem reads words from standard input") }
            var output = ""
            while let line = readLine(strippingNewline: true) {
                let word = line.trimmingScalars(where: \.isWhitespaceOrNewline).lowercased()
                output += Porter2.stem(word) + "\n"
                if output.utf8.count > 1 << 16 {
                    print(output, terminator: "")
                    output = ""
                }
            }
            print(output, terminator: "")
            return 0
        })
}

/// `senguide analyze TEXT…`: the index terms TEXT becomes.
enum AnalyzeCommand {
    static let command = CommandLineTool.Command(
        name: "analyze", summary: "the index terms that TEXT becomes, one a line",
        help: """
            Usage: senguide analyze TEXT…

            Prints the terms TEXT becomes at index time, one a line: folded to lowercase
            without diacritics, split into words (hyphens split; "6.45", "£6,000" and "s66"
            stay whole), English stop words removed, Porter2 stems. No query expansion.
            """,
        run: { arguments throws(CLIError) in
            let parsed = try Arguments(arguments, valued: [], flags: [])
            let text = parsed.positionals.joined(separator: " ")
            guard !text.isEmpty else { throw .usage("give some text, e.g. senguide analyze \"under-5s\"") }
            for term in Analyzer.english.terms(text) { print(term) }
            return 0
        })
}
