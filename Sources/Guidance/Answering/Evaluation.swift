/// Scores answers against a question set (format: shared/eval/README.md).
///
/// Text is compared after ``TextFolding/fold(_:)``. hit@k and MRR are over `answer` and `myth`
/// questions; myth recall over `myth` questions; myth false alarms over the others;
/// abstention recall over `none` questions; false abstention over `answer` and `myth`.
public struct Evaluation: Sendable {
    public struct Question: Sendable {
        public let id: String
        public let question: String
        public let expect: Answer.Kind
        public let evidence: [String]

        public init(id: String, question: String, expect: Answer.Kind, evidence: [String]) {
            self.id = id
            self.question = question
            self.expect = expect
            self.evidence = evidence
        }
    }

    /// One question's outcome.
    public struct Outcome: Sendable {
        public let question: Question
        public let kind: Answer.Kind
        /// 1-based rank of the first citation holding evidence, within the first 10.
        public let firstHitRank: Int?
    }

    public private(set) var outcomes: [Outcome] = []

    public init() {}

    public mutating func record(_ question: Question, answer: Answer) {
        let evidence = question.evidence.map(TextFolding.fold)
        var rank: Int?
        for (position, citation) in answer.citations.prefix(10).enumerated() {
            let text = TextFolding.fold(citation.passage.text)
            if evidence.contains(where: { text.contains($0) }) {
                rank = position + 1
                break
            }
        }
        outcomes.append(Outcome(question: question, kind: answer.kind, firstHitRank: rank))
    }

    private var answerable: [Outcome] { outcomes.filter { $0.question.expect != .none } }

    private func share(_ outcomes: [Outcome], _ predicate: (Outcome) -> Bool) -> Double {
        outcomes.isEmpty ? 0 : Double(outcomes.filter(predicate).count) / Double(outcomes.count)
    }

    public var hitAt1: Double { share(answerable) { ($0.firstHitRank ?? 99) <= 1 } }
    public var hitAt3: Double { share(answerable) { ($0.firstHitRank ?? 99) <= 3 } }
    public var meanReciprocalRank: Double {
        answerable.isEmpty ? 0 : answerable.reduce(0) { $0 + ($1.firstHitRank.map { 1 / Double($0) } ?? 0) } / Double(answerable.count)
    }
    public var mythRecall: Double { share(outcomes.filter { $0.question.expect == .myth }) { $0.kind == .myth } }
    public var mythFalseAlarms: Double { share(outcomes.filter { $0.question.expect != .myth }) { $0.kind == .myth } }
    public var abstentionRecall: Double { share(outcomes.filter { $0.question.expect == .none }) { $0.kind == .none } }
    public var falseAbstention: Double { share(answerable) { $0.kind == .none } }

    /// The measures by name, in a fixed order.
    public var measures: [(name: String, value: Double)] {
        [
            ("hit@1", hitAt1), ("hit@3", hitAt3), ("mrr", meanReciprocalRank), ("myth_recall", mythRecall),
            ("myth_false_alarms", mythFalseAlarms), ("abstention_recall", abstentionRecall),
            ("false_abstention", falseAbstention),
        ]
    }
}
