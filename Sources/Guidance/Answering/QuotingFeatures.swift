#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the ranking of the passages to quote weighs beyond a passage's word scores, for one
/// passage and one question (docs/ANSWERS.md, "The fitted ranking"):
/// - `coverage`: the share of the question's information the passage and its questions hold;
/// - `pairs`: the share of the question's adjacent word pairs ("reading age", "best
///   endeavours") found side by side in the passage;
/// - `askedShare`: its best passage question's score over the best any passage's question
///   scored;
/// - `headingShare`: the share of the question's information its headings hold ("Who decides
///   what SEN support my child has?" over the passages that answer "who decides if she gets
///   SEN support");
/// - `words`: its length in index terms.
/// The passage's score is multiplied by ``factor``. `senguide eval --ranking-features` writes
/// these for every candidate so that the weights can be fitted again
/// (`scripts/fit_ranking.py`).
public struct QuotingFeatures: Sendable, Equatable {
    public let coverage: Double
    public let pairs: Double
    public let askedShare: Double
    public let headingShare: Double
    public let words: Int

    /// Fitted by a listwise logistic regression (docs/ANSWERS.md).
    static let coverageWeight = 1.5
    static let pairWeight = 0.8
    static let askedWeight = 1.2
    static let lengthExponent = 0.25
    /// Added after the fit, with the others held (0.3 to 2.5 measured over the read sets: docs/ANSWERS.md).
    static let headingWeight = 0.6

    /// e^(coverage × 1.5 + pairs × 0.8 + askedShare × 1.2 + headingShare × 0.6) × (words + 1)^0.25.
    public var factor: Double {
        exp(
            QuotingFeatures.coverageWeight * coverage + QuotingFeatures.pairWeight * pairs + QuotingFeatures.askedWeight * askedShare
                + QuotingFeatures.headingWeight * headingShare)
            * pow(Double(words + 1), QuotingFeatures.lengthExponent)
    }
}
