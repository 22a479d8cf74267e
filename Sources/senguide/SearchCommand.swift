import Dispatch

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import Guidance
import SearchCore

/// `senguide search`: ranked passages for helpline staff, or a TREC run for a query file.
enum SearchCommand {
    static let command = CommandLineTool.Command(
        name: "search", summary: "ranked passages for a keyword query, best first",
        help: """
            Usage: senguide search [--json] [--limit N] [--source S] [--area A] QUERY…
                   senguide search --queries Q.jsonl --run OUT.trec [--limit N] [--index DIR] [--exhaustive]

            Ranks the guidance's passages by BM25 (Lucene's formula) for QUERY, with the
            domain vocabulary's expansions (EHCP finds "EHC plan"). Each hit shows its source,
            heading and the Code of Practice paragraphs it names; matched words are
            highlighted on a terminal. A misspelt word is never swapped silently: a
            "Did you mean" line (and "suggestions" in JSON) offers the correction.

            Options:
              --json          one JSON object: {"query", "hits": [{"passage", "score", …}]}
              --limit N       how many passages (default 5; 10 for --run)
              --source S      only documents whose id or publisher contains S (repeatable)
              --area A        only documents for area A, e.g. Hertfordshire, England (repeatable)
              --k1 X, --b X   BM25 parameters (default 1.2 and 0.75)
              --index DIR     the index directory (default: Index)
              --corpus DIR    the corpus directory (default: Corpus)
              --queries FILE  batch mode: one {"id", "text"} object a line
              --run FILE      batch mode: write a TREC run file (qid Q0 docid rank score senguide);
                              the last line on standard error times the queries as JSON
              --exhaustive    batch mode: score every posting instead of pruning (the same
                              results, slower: for checking the pruning)
            """,
        run: run)

    static func run(_ arguments: [String]) throws(CLIError) -> Int32 {
        let parsed = try Arguments(
            arguments, valued: ["limit", "index", "corpus", "source", "area", "k1", "b", "queries", "run"],
            flags: ["json", "exhaustive"])
        let parameters: BM25Parameters
        do {
            parameters = try BM25Parameters(k1: try parsed.number("k1", default: 1.2), b: try parsed.number("b", default: 0.75))
        } catch let error as BM25ParameterError {
            throw .usage(error.description)
        } catch let error as CLIError {
            throw error
        } catch {
            throw .usage("\(error)")
        }
        if parsed.value("queries") != nil || parsed.value("run") != nil {
            return try BatchSearch.run(parsed, parameters: parameters)
        }
        let query = parsed.positionals.joined(separator: " ")
        guard !query.trimmingScalars(where: \.isHorizontalWhitespace).isEmpty else { throw .usage("give a query, e.g. senguide search \"best endeavours\"") }
        let limit = try parsed.integer("limit", default: 5, in: 1...1000)
        let workspace = Workspace(parsed)
        if IndexDirectory.exists(workspace.indexPath) {
            let index = try IndexDirectory.read(workspace.indexPath)
            if index.sourceFingerprint == 0 {
                return plainSearch(index, query: query, limit: limit, parameters: parameters, json: parsed.has("json"))
            }
        }
        let answerer = try workspace.openAnswerer()
        let library = answerer.library
        let filter = SearchFilter(sources: parsed.all("source"), areas: parsed.all("area"))
        let hits = library.search(query, limit: limit, filter: filter, parameters: parameters)
        let suggestion = answerer.spellingSuggestion(for: query)
        if parsed.has("json") {
            guard case .object(var members) = SearchHit.json(query: query, hits: hits) else { return 0 }
            members.append(("suggestions", .strings(suggestion.map { [$0] } ?? [])))
            print(JSONValue.object(members).serialized())
            return 0
        }
        let terminal = Terminal.standardOutput(environment: ProcessInfo.processInfo.environment)
        if let suggestion { print(terminal.wrap("Did you mean: " + terminal.bold(suggestion) + "?") + "\n") }
        let queryTerms = Set(library.index.query(query).map(\.term))
        if hits.isEmpty {
            print("No passage matches \"\(query)\". Try other words, or senguide ask for a question in your own words.")
            return 0
        }
        for (rank, hit) in hits.enumerated() {
            print(PassageRendering.header(rank: rank + 1, hit: hit, terminal: terminal))
            print(terminal.wrap(PassageRendering.highlighted(hit.passage.text, terms: queryTerms, terminal: terminal), indent: "   "))
            print("")
        }
        return 0
    }

    /// Search over an index with no corpus (built with --jsonl): ids and scores only.
    static func plainSearch(_ index: InvertedIndex, query: String, limit: Int, parameters: BM25Parameters, json: Bool) -> Int32 {
        let hits = index.search(index.query(query), limit: limit, parameters: parameters)
        if json {
            let value = JSONValue.object([
                ("query", .string(query)),
                ("hits", .array(hits.map { .object([("passage", .string($0.passageID)), ("score", .number($0.score))]) })),
            ])
            print(value.serialized())
        } else {
            for (rank, hit) in hits.enumerated() { print("\(rank + 1)\t\(hit.passageID)\t\(TextFormatting.fixed(hit.score, places: 6))") }
        }
        return 0
    }
}

/// Batch mode: a TREC run file for a query file, with timings.
enum BatchSearch {
    static func run(_ parsed: Arguments, parameters: BM25Parameters) throws(CLIError) -> Int32 {
        guard let queriesPath = parsed.value("queries"), let runPath = parsed.value("run") else {
            throw .usage("batch mode needs both --queries FILE and --run FILE")
        }
        let limit = try parsed.integer("limit", default: 10, in: 1...10000)
        let workspace = Workspace(parsed)
        let index: InvertedIndex
        if IndexDirectory.exists(workspace.indexPath) {
            index = try IndexDirectory.read(workspace.indexPath)
        } else {
            index = try workspace.openLibrary().library.index
        }
        guard let data = FileManager.default.contents(atPath: queriesPath) else { throw .failure("cannot read \(queriesPath)") }
        var queries: [(id: String, text: String)] = []
        for (number, line) in data.split(separator: 0x0A).enumerated() {
            guard let object = JSONFields.parse(line), let text = object.string("text")
            else { throw .failure("\(queriesPath):\(number + 1): expected {\"id\": …, \"text\": \"…\"}") }
            let id = object.string("id") ?? object.integer("id").map(String.init) ?? String(number + 1)
            queries.append((id, text))
        }
        var output = ""
        var latencies: [Double] = []
        let exhaustive = parsed.has("exhaustive")
        let started = DispatchTime.now().uptimeNanoseconds
        for query in queries {
            let begin = DispatchTime.now().uptimeNanoseconds
            let terms = index.query(query.text)
            let hits =
                exhaustive
                ? index.searchExhaustively(terms, limit: limit, parameters: parameters)
                : index.search(terms, limit: limit, parameters: parameters)
            latencies.append(Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e6)
            for (rank, hit) in hits.enumerated() {
                output += "\(query.id) Q0 \(hit.passageID) \(rank + 1) \(TextFormatting.fixed(hit.score, places: 6)) senguide\n"
            }
        }
        let total = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        guard FileManager.default.createFile(atPath: runPath, contents: Data(output.utf8)) else {
            throw .failure("cannot write \(runPath)")
        }
        latencies.sort()
        func percentile(_ p: Double) -> Double {
            latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int((Double(latencies.count) * p).rounded(.up)) - 1)]
        }
        let summary = JSONValue.object([
            ("queries", .integer(queries.count)),
            ("total_s", .number((total * 1e6).rounded() / 1e6)),
            ("p50_ms", .number((percentile(0.5) * 1e3).rounded() / 1e3)),
            ("p99_ms", .number((percentile(0.99) * 1e3).rounded() / 1e3)),
            ("qps", .number(total > 0 ? (Double(queries.count) / total).rounded() : 0)),
        ])
        printError(summary.serialized())
        return 0
    }
}
