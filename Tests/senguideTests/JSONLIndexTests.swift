import Foundation
import Testing

/// `senguide index --jsonl`: the fast line parser and its fallback, end to end through the
/// real binary (the parser must accept exactly what JSON accepts, and index the same text).
@Suite(.serialized) struct JSONLIndexTests {
    /// Indexes `lines` and returns the run of `query` (passage ids, best first).
    static func search(_ lines: String, _ query: String) throws -> (index: CLIRunner.Result, ids: [String]) {
        let directory = try CLIRunner.temporaryDirectory()
        let collection = directory.appendingPathComponent("docs.jsonl")
        try Data(lines.utf8).write(to: collection)
        let output = directory.appendingPathComponent("idx")
        let built = try CLIRunner.run(["index", "--jsonl", collection.path, "--out", output.path])
        guard built.status == 0 else { return (built, []) }
        let result = try CLIRunner.run(["search", "--index", output.path, "--limit", "10", query])
        let ids = result.stdout.split(separator: "\n").compactMap { $0.split(separator: "\t").dropFirst().first.map(String.init) }
        return (built, ids)
    }

    @Test func escapesUnicodeKeyOrderAndOtherKeysAreRead() throws {
        let lines = #"""
            {"text": "Annual \"review\" of the plan\nwith parents", "id": "r1", "title": "Reviews"}
            { "id" : "r2" , "extra": "ignored {\"text\":1}", "text": "Caf\u00e9 meetings \ud83d\ude00 termly" }
            {"id":"r3","title":"","text":"nothing here"}
            {"id":"r4","title":"Plan","text":"","tags":["x"],"n":1}
            """#
        let (built, reviews) = try Self.search(lines, "review")
        #expect(built.status == 0, "\(built.stderr)")
        #expect(reviews == ["r1"])
        #expect(try Self.search(lines, "cafe").ids == ["r2"])
        #expect(try Self.search(lines, "plan").ids.sorted() == ["r1", "r4"])
        #expect(try Self.search(lines, "reviews").ids == ["r1"])
    }

    @Test func aLineThatIsNotADocumentNamesItsLine() throws {
        let (built, _) = try Self.search("{\"id\":\"a\",\"text\":\"x\"}\n\n{\"id\":5,\"text\":\"y\"}\n", "x")
        #expect(built.status == 1)
        #expect(built.stderr.contains("docs.jsonl:3: expected a JSON object"), "\(built.stderr)")
        let (truncated, _) = try Self.search("{\"id\":\"a\",\"text\":\"unfinished\n", "x")
        #expect(truncated.status == 1)
        #expect(truncated.stderr.contains("docs.jsonl:1:"))
    }

    @Test func aRepeatedIDNamesTheSecondLine() throws {
        let (built, _) = try Self.search("{\"id\":\"b\",\"text\":\"x\"}\n{\"id\":\"a\",\"text\":\"y\"}\n{\"id\":\"b\",\"text\":\"z\"}\n", "x")
        #expect(built.status == 1)
        #expect(built.stderr.contains("docs.jsonl:3: the id \"b\" is used twice"), "\(built.stderr)")
    }

    @Test func theSameCollectionGivesTheSameBytesOnEveryRun() throws {
        let lines = (0..<3000).map { "{\"id\":\"d\($0)\",\"title\":\"T\($0 % 7)\",\"text\":\"word\($0 % 13) and word\($0 % 17)\"}" }
            .joined(separator: "\n")
        let directory = try CLIRunner.temporaryDirectory()
        let collection = directory.appendingPathComponent("docs.jsonl")
        try Data(lines.utf8).write(to: collection)
        var files: [Data] = []
        for run in 0..<2 {
            let output = directory.appendingPathComponent("idx\(run)")
            #expect(try CLIRunner.run(["index", "--jsonl", collection.path, "--out", output.path]).status == 0)
            files.append(try Data(contentsOf: output.appendingPathComponent("index.sgix")))
        }
        #expect(files[0] == files[1])
    }

    @Test func exhaustiveBatchSearchGivesTheSameRun() throws {
        let directory = try CLIRunner.temporaryDirectory()
        let lines = (0..<2000).map { "{\"id\":\"d\($0)\",\"text\":\"alpha\($0 % 5) beta\($0 % 3) gamma\($0 % 11) shared\"}" }
        try Data(lines.joined(separator: "\n").utf8).write(to: directory.appendingPathComponent("docs.jsonl"))
        let output = directory.appendingPathComponent("idx").path
        #expect(try CLIRunner.run(["index", "--jsonl", directory.appendingPathComponent("docs.jsonl").path, "--out", output]).status == 0)
        try Data("{\"id\":\"q1\",\"text\":\"alpha1 gamma3 shared\"}\n{\"id\":\"q2\",\"text\":\"beta2\"}\n".utf8)
            .write(to: directory.appendingPathComponent("q.jsonl"))
        var runs: [String] = []
        for flags in [[], ["--exhaustive"]] {
            let run = directory.appendingPathComponent("run\(flags.count).trec")
            let result = try CLIRunner.run(
                ["search", "--index", output, "--queries", directory.appendingPathComponent("q.jsonl").path, "--run", run.path] + flags)
            #expect(result.status == 0, "\(result.stderr)")
            runs.append(try String(contentsOf: run, encoding: .utf8))
        }
        #expect(runs[0] == runs[1])
        #expect(runs[0].split(separator: "\n").count == 20)
    }
}
