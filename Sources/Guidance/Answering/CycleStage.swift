/// One stage of the graduated approach's cycle — assess, plan, do, review — singled out by a
/// question that also names the whole cycle or what it is the cycle of: "what happens at the
/// review bit of assess plan do review", "who does the assessing in APDR?", "what happens at
/// the plan stage of SEN support?".
///
/// Naming the cycle says all four stage words (and the vocabulary adds "graduated approach"),
/// so the passages that describe the whole cycle outrank the one about the stage asked
/// for. A question that singles out a stage is asked with that stage's word weighing more,
/// without the other stage words (said only as the cycle's name) and without the
/// vocabulary's expansions of the name (measured over the read question sets: hit@3 +4,
/// nothing else changed; docs/ANSWERS.md).
enum CycleStage: String, CaseIterable, Sendable {
    case assess, plan
    /// "Do", a stop word: singled out, the passages under it lead, and no word weighs more.
    case doing = "do"
    case review

    /// The stage `folded` (``QuestionReading/foldForCues(_:)``) singles out, or nil: the
    /// cycle must be named ("assess plan do review" in any spelling the reading corrected
    /// to, "APDR", or what it is the cycle of: ``cycleNames``), and a stage picked out of it
    /// ("the review bit", "review stage", "the assessing", "at the plan part").
    static func singledOut(in folded: String) -> CycleStage? {
        // Quotes and question marks are spaces: "the 'do' bit", "review stage?".
        let words = " " + folded.split { $0 == " " || $0 == "?" || $0 == "'" }.joined(separator: " ") + " "
        let namesTheCycle = cycleNames.contains { words.includes($0) }
        guard namesTheCycle else { return nil }
        let picked = allCases.filter { stage in
            stage.pickingWords.contains { words.includes($0) }
        }
        return picked.count == 1 ? picked[0] : nil
    }

    /// The words for a part of the cycle: "the review bit", "the plan stage".
    static let pickingParts = ["bit", "stage", "part", "step", "phase"]

    /// How a question picks this stage out of the cycle.
    var pickingWords: [String] {
        CycleStage.pickingParts.flatMap { [" \(rawValue) \($0) ", " \(gerund) \($0) "] } + [" the \(gerund) "]
    }

    /// Names of the cycle, or of what it is the cycle of: "the review bit of SEN support" picks
    /// a stage as surely as "the review bit of assess plan do review".
    static let cycleNames = [
        " assess plan do review ", " apdr ", " assess plan do and review ", " sen support ", " graduated approach ",
        " graduated response ", " of the cycle ", " cycle of action ",
    ]

    var gerund: String {
        switch self {
        case .assess: "assessing"
        case .plan: "planning"
        case .doing: "doing"
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
