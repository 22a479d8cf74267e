#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import Guidance
import SearchCore

/// `senguide index`: builds the index from the corpus (or a JSONL collection) and saves it.
enum IndexCommand {
    static let command = CommandLineTool.Command(
        name: "index", summary: "build the search index from Corpus/ (or a JSONL file) into Index/",
        help: """
            Usage: senguide index [--corpus DIR | --jsonl FILE] [--out DIR]

            Builds the BM25 index and writes it atomically to DIR/index.sgix (a crash mid-write
            leaves the old index whole). The same corpus always gives the same bytes.

            Options:
              --corpus DIR   the corpus directory (default: Corpus, found as senguide --help says)
              --jsonl FILE   index a collection instead: one JSON object a line,
                             {"id": "…", "title": "…", "text": "…"}; each is one passage,
                             indexed as its title followed by its text, its id kept
              --out DIR      where to write the index (default: Index, found as senguide
                             --help says; ./Index for --jsonl)

            Progress is shown on standard error for builds over a second.
            """,
        run: run)

    static func run(_ arguments: [String]) throws(CLIError) -> Int32 {
        let parsed = try Arguments(arguments, valued: ["corpus", "jsonl", "out"], flags: [])
        guard parsed.positionals.isEmpty else { throw .usage("unexpected argument \"\(parsed.positionals[0])\"") }
        guard parsed.value("corpus") == nil || parsed.value("jsonl") == nil else {
            throw .usage("give --corpus or --jsonl, not both")
        }
        let output = parsed.value("out") ?? (parsed.value("jsonl") == nil ? Workspace.defaultIndex : "Index")
        let started = Date()
        let index: InvertedIndex
        let source: String
        if let jsonl = parsed.value("jsonl") {
            index = try JSONLCollection.buildIndex(path: jsonl)
            source = jsonl
        } else {
            let corpusPath = parsed.value("corpus") ?? Workspace.defaultCorpus
            index = Workspace.buildIndex(try CorpusDirectory.load(corpusPath))
            source = corpusPath + "/"
        }
        let bytes = IndexFile.encode(index)  // the index already is these bytes: a copy
        try IndexDirectory.write(bytes, to: output)
        let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
        printError(
            "senguide index: \(index.passageCount) passages, \(index.termCount) terms from \(source) → \(IndexDirectory.filePath(output)) (\(bytes.count) bytes, \(milliseconds) ms)"
        )
        return 0
    }
}

/// A progress line on standard error, redrawn at most once a second, shown only once the
/// work has taken more than a second.
struct ProgressLine {
    let label: String
    let unit: String
    let started = Date()
    var lastShown = Date()
    var shown = false

    mutating func tick(_ count: Int) {
        guard count % 1024 == 0 else { return }
        let now = Date()
        guard now.timeIntervalSince(lastShown) >= 1 else { return }
        lastShown = now
        shown = true
        let rate = Double(count) / max(now.timeIntervalSince(started), 0.001)
        writeStandardError("\rsenguide: \(label) \(count) \(unit) (\(Int(rate))/s)")
    }

    func finish(_ count: Int) {
        if shown { writeStandardError("\rsenguide: \(label) \(count) \(unit)\n") }
    }
}
