import Testing

@testable import SearchCore

/// BM25 scores on a three-passage corpus, against values worked out by hand (in Python, from
/// Lucene's formula) and written here as literals:
///   A = "school plan"                → [school, plan]          dl 2
///   B = "plan plan review"           → [plan, plan, review]    dl 3
///   C = "school review meeting"      → [school, review, meet]  dl 3
///   N = 3, avgdl = 8/3; idf(n) = ln(1 + (N − n + 0.5)/(n + 0.5))
struct BM25Tests {
    static func threePassages() -> InvertedIndex {
        var builder = IndexBuilder(analyzer: .english)
        builder.add(passageID: "a", text: "school plan")
        builder.add(passageID: "b", text: "plan plan review")
        builder.add(passageID: "c", text: "school review meeting")
        return builder.build()
    }

    static func close(_ actual: Double, _ expected: Double) -> Bool {
        abs(actual - expected) <= 1e-9 * max(1, abs(expected))
    }

    @Test func oneTermScoresMatchTheFormulaWorkedByHand() throws {
        let index = Self.threePassages()
        let hits = index.search(index.query("plan"), limit: 10)
        try #require(hits.count == 2)
        #expect(hits[0].passageID == "b")
        #expect(Self.close(hits[0].score, 0.2837757761483687))
        #expect(hits[1].passageID == "a")
        #expect(Self.close(hits[1].score, 0.2379765211370813))
    }

    @Test func scoresSumOverQueryTerms() throws {
        let index = Self.threePassages()
        let hits = index.search(index.query("school review"), limit: 10)
        let c = try #require(hits.first { $0.passageID == "c" })
        #expect(Self.close(c.score, 0.4064896252936092))
        let meeting = try #require(index.search(index.query("meetings"), limit: 1).first)
        #expect(meeting.passageID == "c")
        #expect(Self.close(meeting.score, 0.42414237968074653))
    }

    @Test func aRepeatedQueryTermCountsOncePerRepetition() throws {
        let index = Self.threePassages()
        let b = try #require(index.search(index.query("plan plan"), limit: 1).first)
        #expect(Self.close(b.score, 0.5675515522967374))
    }

    @Test func parametersAreSettable() throws {
        let index = Self.threePassages()
        let parameters = try BM25Parameters(k1: 2.0, b: 0.0)
        let b = try #require(index.search(index.query("plan"), limit: 1, parameters: parameters).first)
        #expect(Self.close(b.score, 0.23500181462286782))
    }

    @Test func badParametersAreRejectedWithAMessage() {
        let k1Error = #expect(throws: BM25ParameterError.self) { try BM25Parameters(k1: -1, b: 0.75) }
        #expect(k1Error?.description == "k1 must be a finite number ≥ 0, not -1.0")
        let bError = #expect(throws: BM25ParameterError.self) { try BM25Parameters(k1: 1.2, b: 1.5) }
        #expect(bError?.description == "b must be between 0 and 1, not 1.5")
    }

    @Test func idfIsNeverNegative() {
        #expect(BM25.idf(documentFrequency: 3, passageCount: 3) > 0)
        #expect(Self.close(BM25.idf(documentFrequency: 2, passageCount: 3), 0.47000362924573563))
    }

    @Test func tiesAreBrokenByPassageID() {
        var builder = IndexBuilder(analyzer: .english)
        builder.add(passageID: "z", text: "tribunal")
        builder.add(passageID: "m", text: "tribunal")
        builder.add(passageID: "a", text: "tribunal")
        builder.add(passageID: "q", text: "other words")
        let index = builder.build()
        #expect(index.search(index.query("tribunal"), limit: 3).map(\.passageID) == ["a", "m", "z"])
    }

    @Test func passagesWithoutAQueryTermAreNotReturned() {
        let index = Self.threePassages()
        #expect(index.search(index.query("tribunal"), limit: 10).isEmpty)
        #expect(index.search(index.query("plan"), limit: 10).map(\.passageID) == ["b", "a"])
    }

    @Test func explainAddsUpToTheScore() throws {
        let index = Self.threePassages()
        let query = index.query("school review")
        let c = try #require(index.search(query, limit: 10).first { $0.passageID == "c" })
        let lines = index.explain(query, ordinal: c.ordinal)
        #expect(lines.map(\.term) == ["review", "school"])
        #expect(Self.close(lines.reduce(0) { $0 + $1.score }, c.score))
    }

    @Test func expansionsAddTermsAtLowerWeight() {
        var builder = IndexBuilder(analyzer: .english)
        builder.add(passageID: "a", text: "the EHC plan")
        builder.add(passageID: "b", text: "an EHCP")
        let index = builder.build(
            synonyms: SynonymGroups(rules: [.group(["EHCP", "EHC plan"])], analyzer: .english))
        let query = index.query("EHCP")
        #expect(query.contains(WeightedTerm(term: "ehcp", weight: 1)))
        #expect(query.contains(WeightedTerm(term: "ehc", weight: 0.25)))
        #expect(query.contains(WeightedTerm(term: "plan", weight: 0.25)))
        #expect(Set(index.search(query, limit: 10).map(\.passageID)) == ["a", "b"])
        #expect(index.query("EHCP", expand: false) == [WeightedTerm(term: "ehcp", weight: 1)])
    }
}
