import Foundation
import Testing

/// The command line end to end: the real binary, the real corpus, the real index file.
@Suite(.serialized) struct CLITests {
    @Test func theCommittedIndexIsWhatTheCorpusBuilds() throws {
        let output = try CLIRunner.temporaryDirectory()
        let result = try CLIRunner.run(["index", "--out", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        let built = try Data(contentsOf: output.appendingPathComponent("index.sgix"))
        let committed = try Data(contentsOf: CLIRunner.root.appendingPathComponent("Index/index.sgix"))
        #expect(built == committed, "Index/ is stale: run `senguide index` and commit Index/")
    }

    @Test func searchFindsBestEndeavoursWithSourceHeadingAndCodeReference() throws {
        let result = try CLIRunner.run(["search", "--json", "--limit", "5", "best endeavours"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let hits = try #require(object["hits"] as? [[String: Any]])
        #expect(hits.count == 5)
        let texts = hits.compactMap { $0["text"] as? String }
        #expect(texts.allSatisfy { $0.lowercased().contains("endeavours") })
        #expect(hits.contains { ($0["code_refs"] as? [String]) == ["6.2"] })
        let scores = hits.compactMap { $0["score"] as? Double }
        #expect(scores == scores.sorted(by: >))
    }

    @Test func searchFiltersByArea() throws {
        let result = try CLIRunner.run(["search", "--json", "--area", "Hertfordshire", "funding"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let hits = try #require(object["hits"] as? [[String: Any]])
        #expect(!hits.isEmpty)
        #expect(hits.allSatisfy { ($0["area"] as? String) == "Hertfordshire" })
    }

    @Test func citeListsThePassagesNamingAParagraph() throws {
        let result = try CLIRunner.run(["cite", "--json", "para 6.65"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["paragraph"] as? String == "6.65")
        let hits = try #require(object["hits"] as? [[String: Any]])
        #expect(hits.count >= 2)
        #expect(hits.allSatisfy { ($0["code_refs"] as? [String])?.contains("6.65") == true })
        let bad = try CLIRunner.run(["cite", "sixty"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("is not a Code of Practice paragraph"))
    }

    @Test func stemAndAnalyze() throws {
        let stems = try CLIRunner.run(["stem"], stdin: "running\ngenerously\ncaresses\n")
        #expect(stems.stdout == "run\ngenerous\ncaress\n")
        let terms = try CLIRunner.run(["analyze", "under-5s", "£6,000", "6.45"])
        #expect(terms.stdout == "5\n6000\n6.45\n")
    }

    @Test func askAnswersAMythWithItsEvidence() throws {
        let result = try CLIRunner.run(["ask", "--json", "can under-5s have SEN"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["kind"] as? String == "myth")
        let citations = try #require(object["citations"] as? [[String: Any]])
        #expect(citations.contains { ($0["text"] as? String)?.contains("Some young children will have SEN") == true })
        #expect((object["summary"] as? String)?.hasPrefix("No.") == true)
    }

    @Test func askSaysPlainlyWhenTheGuidanceDoesNotCoverIt() throws {
        let result = try CLIRunner.run(["ask", "--json", "how do I renew a passport"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["kind"] as? String == "none")
        #expect((object["citations"] as? [Any])?.isEmpty == true)
        #expect((object["signposts"] as? [Any])?.isEmpty == false)
    }

    @Test func askOnATerminalStreamIsReadableWithoutColourWhenNoColorIsSet() throws {
        let result = try CLIRunner.run(["ask", "how often should school meet me"], environment: ["NO_COLOR": "1"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("\u{1B}["))
        #expect(result.stdout.contains("general information"))
        #expect(result.stdout.contains("— "))
    }

    @Test func chatKeepsContextAndUnderstandsCommands() throws {
        let result = try CLIRunner.run(["chat"], stdin: "what is sen support\nsources\nmore\nquit\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("Hello"))
        #expect(result.stdout.contains("IPSEA"))
        #expect(result.stdout.contains("Goodbye"))
    }

    @Test func usageErrorsExitTwoAndSayWhatToDo() throws {
        let unknown = try CLIRunner.run(["frobnicate"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown command"))
        let option = try CLIRunner.run(["search", "--bogus", "x"])
        #expect(option.status == 2)
        #expect(option.stderr.contains("unknown option --bogus"))
        let help = try CLIRunner.run(["search", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Usage: senguide search"))
    }

    @Test func aMalformedCorpusFileIsReportedWithFileAndLine() throws {
        let corpus = try CLIRunner.corpusCopy()
        let broken = corpus.appendingPathComponent("zz-broken.md")
        try Data("---\nid: broken\npublisher: Someone\n---\n\nText.\n".utf8).write(to: broken)
        let result = try CLIRunner.run(["index", "--corpus", corpus.path, "--out", corpus.deletingLastPathComponent().path + "/Index"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("zz-broken.md:4:"), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test func aCorruptIndexIsAClearErrorThatSaysHowToRebuild() throws {
        let directory = try CLIRunner.temporaryDirectory()
        var bytes = try Data(contentsOf: CLIRunner.root.appendingPathComponent("Index/index.sgix"))
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: directory.appendingPathComponent("index.sgix"))
        let result = try CLIRunner.run(["search", "--index", directory.path, "SENCo"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Rebuild it: senguide index"))
        let truncated = try CLIRunner.temporaryDirectory()
        try Data(bytes.prefix(40)).write(to: truncated.appendingPathComponent("index.sgix"))
        let second = try CLIRunner.run(["ask", "--index", truncated.path, "what is a SENCo"])
        #expect(second.status == 1)
        #expect(second.stderr.contains("truncated"))
    }

    @Test func aMissingIndexIsBuiltInMemoryAndSaidSo() throws {
        let empty = try CLIRunner.temporaryDirectory()
        let result = try CLIRunner.run(["search", "--index", empty.path, "--json", "SENCo"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("built one in memory"))
        #expect(result.stdout.contains("\"hits\""))
    }

    @Test func batchSearchWritesATRECRunAndTimings() throws {
        let directory = try CLIRunner.temporaryDirectory()
        let collection = directory.appendingPathComponent("docs.jsonl")
        try Data(
            """
            {"id":"d1","title":"Funding","text":"Schools get money for each pupil"}
            {"id":"d2","title":"Reviews","text":"Schools should meet parents three times a year"}

            """.utf8
        ).write(to: collection)
        let indexDirectory = directory.appendingPathComponent("idx")
        let built = try CLIRunner.run(["index", "--jsonl", collection.path, "--out", indexDirectory.path])
        #expect(built.status == 0, "\(built.stderr)")
        let queries = directory.appendingPathComponent("q.jsonl")
        try Data("{\"id\":\"q1\",\"text\":\"meet parents\"}\n{\"id\":\"q2\",\"text\":\"money\"}\n".utf8).write(to: queries)
        let run = directory.appendingPathComponent("out.trec")
        let result = try CLIRunner.run([
            "search", "--index", indexDirectory.path, "--queries", queries.path, "--run", run.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try String(contentsOf: run, encoding: .utf8).split(separator: "\n")
        #expect(lines.first?.hasPrefix("q1 Q0 d2 1 ") == true)
        #expect(lines.first?.hasSuffix(" senguide") == true)
        let timing = try #require(result.stderr.split(separator: "\n").last)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(timing.utf8)) as? [String: Any])
        #expect(object["queries"] as? Int == 2)
        #expect(object["p99_ms"] != nil)
    }

    /// `eval --ranking-features` writes a line for each answer and myth question (none for a
    /// "not covered" one): the candidates with their features and which hold the evidence,
    /// with no question text; the fitting script reads it.
    @Test func evalWritesRankingFeaturesWithoutQuestionText() throws {
        let directory = try CLIRunner.temporaryDirectory()
        let questions = directory.appendingPathComponent("set.jsonl")
        try Data(
            """
            {"id":"a1","question":"what does best endeavours mean for my son","expect":"answer","evidence":["best endeavours"]}
            {"id":"n1","question":"how do I renew a passport","expect":"none","evidence":[]}

            """.utf8
        ).write(to: questions)
        let output = directory.appendingPathComponent("set.features.jsonl")
        let result = try CLIRunner.run(["eval", questions.path, "--ranking-features", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOf: output, encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(!text.contains("son"))
        let line = try #require(lines.first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["id"] as? String == "a1")
        let relevant = try #require(object["relevant"] as? [String])
        let candidates = try #require(object["candidates"] as? [[String: Any]])
        #expect(!relevant.isEmpty)
        #expect(candidates.count >= 3)
        for candidate in candidates {
            #expect(candidate["passage"] is String && candidate["score"] is Double && candidate["words"] is Int)
            let coverage = try #require(candidate["coverage"] as? Double)
            #expect((0...1).contains(coverage))
        }
    }
}
