#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import Guidance
import SearchCore

/// `senguide eval FILE`: scores the answers against a question set.
enum EvalCommand {
    static let thresholds: [(option: String, measure: String, isMinimum: Bool)] = [
        ("min-hit1", "hit@1", true), ("min-hit3", "hit@3", true), ("min-mrr", "mrr", true),
        ("min-myth-recall", "myth_recall", true), ("max-myth-false-alarms", "myth_false_alarms", false),
        ("min-abstention-recall", "abstention_recall", true), ("max-false-abstention", "false_abstention", false),
    ]

    static let command = CommandLineTool.Command(
        name: "eval", summary: "score the answers against a question set (hit@k, MRR, myths, abstention)",
        help: """
            Usage: senguide eval FILE.jsonl [--json] [--verbose] [--min-… X] [--max-… X]

            Answers every question in FILE (format: shared/eval/README.md) and reports
            hit@1, hit@3 and MRR over answer and myth questions, myth recall and false
            alarms, abstention recall and false abstention.

            Options:
              --json                      the measures as one JSON object
              --verbose                   one line per question: expected, got, rank of evidence
              --min-hit1 X, --min-hit3 X, --min-mrr X, --min-myth-recall X,
              --max-myth-false-alarms X, --min-abstention-recall X, --max-false-abstention X
                                          exit 1 when a measure is on the wrong side of X
              --ranking-features OUT      also write, for each answer and myth question, the
                                          candidate passages to quote with their score and the
                                          features the ranking weighs, one JSON object a line
                                          (question ids, passage ids and numbers only), for
                                          scripts/fit_ranking.py
              --index DIR, --corpus DIR   where the guidance is (default: Index, Corpus)
            """,
        run: run)

    /// One line of `--ranking-features`: the question's id, the candidates that hold its
    /// evidence, and every candidate's score and features. No question text.
    static func rankingFeatures(of question: Evaluation.Question, answerer: Answerer) -> String {
        let evidence = question.evidence.map(TextFolding.fold)
        let candidates = answerer.quotingCandidates(for: question.question)
        let relevant = candidates.filter { candidate in
            let text = TextFolding.fold(candidate.passage.text)
            return evidence.contains { text.contains($0) }
        }
        return JSONValue.object([
            ("id", .string(question.id)),
            ("relevant", .array(relevant.map { .string($0.passage.id) })),
            ("candidates", .array(candidates.map { candidate in
                .object([
                    ("passage", .string(candidate.passage.id)), ("score", .number(candidate.score)),
                    ("coverage", .number(candidate.features.coverage)), ("pairs", .number(candidate.features.pairs)),
                    ("asked_share", .number(candidate.features.askedShare)),
                    ("heading_share", .number(candidate.features.headingShare)), ("words", .integer(candidate.features.words)),
                ])
            })),
        ]).serialized()
    }

    static func run(_ arguments: [String]) throws(CLIError) -> Int32 {
        let parsed = try Arguments(
            arguments, valued: Set(["index", "corpus", "k1", "b", "ranking-features"] + thresholds.map(\.option)), flags: ["json", "verbose"])
        guard parsed.positionals.count == 1 else { throw .usage("give one question file, e.g. senguide eval ../shared/eval/dev.jsonl") }
        let path = parsed.positionals[0]
        guard let data = FileManager.default.contents(atPath: path) else { throw .failure("cannot read \(path)") }
        var questions: [Evaluation.Question] = []
        for (number, line) in data.split(separator: 0x0A).enumerated() {
            guard let object = JSONFields.parse(line),
                let question = object.string("question"), let expectText = object.string("expect"),
                let expect = Answer.Kind(rawValue: expectText)
            else { throw .failure("\(path):\(number + 1): expected {\"id\", \"question\", \"expect\": answer|myth|none, \"evidence\"}") }
            let id = object.string("id") ?? String(number + 1)
            questions.append(.init(id: id, question: question, expect: expect, evidence: object.strings("evidence") ?? []))
        }
        var answerer = try Workspace(parsed).openAnswerer()
        do {
            answerer.parameters = try BM25Parameters(
                k1: try parsed.number("k1", default: answerer.parameters.k1), b: try parsed.number("b", default: answerer.parameters.b))
        } catch let error as BM25ParameterError {
            throw .usage(error.description)
        } catch {
            throw .usage("\(error)")
        }
        var evaluation = Evaluation()
        for question in questions {
            let answer = answerer.answer(question.question, citationCount: 10)
            evaluation.record(question, answer: answer)
        }
        if let output = parsed.value("ranking-features") {
            let lines = questions.filter { $0.expect != .none }.map { rankingFeatures(of: $0, answerer: answerer) }
            guard FileManager.default.createFile(atPath: output, contents: Data((lines.joined(separator: "\n") + "\n").utf8)) else {
                throw .failure("cannot write \(output)")
            }
        }
        if parsed.has("verbose") {
            for outcome in evaluation.outcomes {
                let mark = outcome.kind == outcome.question.expect ? " " : "✗"
                let rank = outcome.firstHitRank.map(String.init) ?? "-"
                let d = answerer.diagnose(outcome.question.question)
                let details =
                    "cov=\(TextFormatting.fixed(d.coverage, places: 2)) top=\(TextFormatting.fixed(d.top, places: 1)) "
                    + "myth=\(d.myth ?? "-") \(TextFormatting.fixed(d.mythStrength, places: 2))\(d.cue ? "+cue" : "") "
                    + "topic=\(d.topic ?? "-") [\(d.known)]"
                print("\(mark) \(outcome.question.id) expect=\(outcome.question.expect.rawValue) got=\(outcome.kind.rawValue) rank=\(rank) \(details)  \(outcome.question.question)")
            }
        }
        let measures = evaluation.measures
        if parsed.has("json") {
            print(JSONValue.object([("questions", .integer(questions.count))] + measures.map { ($0.name, .number(($0.value * 10000).rounded() / 10000)) }).serialized())
        } else {
            print("\(questions.count) questions from \(path)")
            for (name, value) in measures { print(TextFormatting.column(name, width: 20) + TextFormatting.fixed(value, places: 3)) }
        }
        var failed: [String] = []
        for threshold in thresholds {
            guard let text = parsed.value(threshold.option) else { continue }
            guard let limit = Double(text) else { throw .usage("--\(threshold.option) needs a number") }
            guard let value = measures.first(where: { $0.name == threshold.measure })?.value else { continue }
            if threshold.isMinimum ? value < limit : value > limit {
                failed.append("\(threshold.measure) \(TextFormatting.fixed(value, places: 3)) \(threshold.isMinimum ? "<" : ">") \(text)")
            }
        }
        if !failed.isEmpty {
            printError("senguide eval: below the bar: " + failed.joined(separator: "; "))
            return 1
        }
        return 0
    }
}
