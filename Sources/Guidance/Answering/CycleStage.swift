/// One stage of the graduated approach's cycle — assess, plan, do, review — singled out by a
/// question that also names the whole cycle: "what happens at the review bit of assess plan
/// do review", "who does the assessing in APDR?".
///
/// Naming the cycle says all four stage words (and the vocabulary adds "graduated approach"),
/// so the passages that describe the whole cycle outrank the one about the stage asked
/// for. A question that singles out a stage is asked with that stage's word weighing more,
/// without the other stage words (said only as the cycle's name) and without the
/// vocabulary's expansions of the name (measured over the read question sets: hit@3 +4,
/// nothing else changed; docs/ANSWERS.md).
enum CycleStage: String, CaseIterable, Sendable {
    case assess, plan, review

    /// The stage `folded` (``QuestionReading/foldForCues(_:)``) singles out, or nil: the
    /// cycle must be named ("assess plan do review" in any spelling the reading corrected
    /// to, or "APDR"), and a stage picked out of it ("the review bit", "review stage", "the
    /// assessing", "at the plan part").
    static func singledOut(in folded: String) -> CycleStage? {
        let words = String(folded.map { $0 == "?" ? " " : $0 })
        let namesTheCycle = words.includes(" assess plan do review ") || words.includes(" apdr ")
            || words.includes(" assess plan do and review ")
        guard namesTheCycle else { return nil }
        let picked = allCases.filter { stage in
            stage.pickingWords.contains { words.includes($0) }
        }
        return picked.count == 1 ? picked[0] : nil
    }

    /// How a question picks this stage out of the cycle.
    var pickingWords: [String] {
        let parts = ["bit", "stage", "part", "step", "phase"]
        return parts.flatMap { [" \(rawValue) \($0) ", " \(gerund) \($0) "] } + [" the \(gerund) "]
    }

    var gerund: String {
        switch self {
        case .assess: "assessing"
        case .plan: "planning"
        case .review: "reviewing"
        }
    }

    /// How much more the singled-out stage's word weighs (3 measured the same).
    static let singledWeight = 2.0

    /// Whether `passage` is about this stage: it stands under a heading that is the stage's
    /// name (Bexley's "Assess", "Plan", "Review") or opens with it ("2. Plan: A plan of
    /// interventions …", IPSEA's list of the four stages).
    func describes(_ passage: Passage) -> Bool {
        let name = rawValue
        if passage.heading.lowercased() == name { return true }
        var text = Substring(passage.text)
        if let first = text.first, first.isNumber {
            text = text.drop(while: { $0.isNumber }).drop(while: { $0 == "." || $0 == " " })
        }
        return text.lowercased().hasPrefix(name + ":")
    }
}
