#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The BM25 parameters, as Lucene's `BM25Similarity` defines them.
public struct BM25Parameters: Sendable, Equatable {
    /// Term-frequency saturation; Lucene and FTS5 both use 1.2.
    public var k1: Double
    /// Length normalisation, 0...1; 0.75 by default.
    public var b: Double

    public static let standard = BM25Parameters(uncheckedK1: 1.2, b: 0.75)

    /// Rejects parameters outside the ranges where BM25 makes sense.
    public init(k1: Double, b: Double) throws(BM25ParameterError) {
        guard k1.isFinite, k1 >= 0 else { throw .k1OutOfRange(k1) }
        guard b.isFinite, (0...1).contains(b) else { throw .bOutOfRange(b) }
        self.k1 = k1
        self.b = b
    }

    private init(uncheckedK1 k1: Double, b: Double) {
        self.k1 = k1
        self.b = b
    }
}


/// Why BM25 parameters were rejected.
public enum BM25ParameterError: Error, Equatable, CustomStringConvertible {
    case k1OutOfRange(Double)
    case bOutOfRange(Double)

    public var description: String {
        switch self {
        case .k1OutOfRange(let value): "k1 must be a finite number ≥ 0, not \(value)"
        case .bOutOfRange(let value): "b must be between 0 and 1, not \(value)"
        }
    }
}

/// The BM25 formula, in two phases: statistics once per query term, then a pure per-passage
/// score.
///
/// idf(t) = ln(1 + (N − n + 0.5) / (n + 0.5)), never negative (Lucene's form);
/// score(t, p) = weight · idf(t) · f / (f + k1 · (1 − b + b · dl / avgdl)),
/// where N is the passage count, n the passages holding t, f the count of t in passage p,
/// dl the exact length of p in terms and avgdl the mean length. A query's score for a passage
/// is the sum over its terms; a term typed twice has weight 2.
public enum BM25 {
    /// Inverse document frequency of a term found in `documentFrequency` of `passageCount`
    /// passages.
    public static func idf(documentFrequency n: Int, passageCount N: Int) -> Double {
        precondition(0 <= n && n <= N, "documentFrequency \(n) > passageCount \(N)")
        return log(1 + (Double(N - n) + 0.5) / (Double(n) + 0.5))
    }

    /// One term's contribution to one passage's score.
    @inline(__always)
    public static func termScore(
        weightedIDF: Double, frequency f: Double, length dl: Double, averageLength avgdl: Double,
        parameters: BM25Parameters
    ) -> Double {
        let norm = parameters.k1 * (1 - parameters.b + parameters.b * dl / avgdl)
        return weightedIDF * f / (f + norm)
    }
}
