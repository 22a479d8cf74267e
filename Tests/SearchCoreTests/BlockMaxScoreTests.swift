import Foundation
import Testing

@testable import SearchCore

/// Pruned top-k retrieval must give exactly what scoring every posting gives: the same
/// passages in the same order with the same scores, on a generated corpus large enough that
/// frequent terms span many blocks of 128 postings.
struct BlockMaxScoreTests {
    /// A deterministic generator (SplitMix64), so that every run tests the same corpus.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        /// A word rank with a Zipf-like (1/r) distribution over `count` words.
        mutating func zipf(_ count: Int) -> Int {
            let uniform = Double(next() >> 11) / Double(1 << 53)
            return min(count - 1, Int(pow(Double(count + 1), uniform)) - 1)
        }
    }

    static let vocabulary: [String] = {
        var generator = Generator(state: 7)
        let syllables = ["ka", "lo", "mi", "nu", "pe", "ra", "so", "ti", "ve", "zu", "bri", "dar", "fen", "gol"]
        return (0..<600).map { rank in
            (0...(rank < 40 ? 0 : rank < 300 ? 1 : 2)).map { _ in syllables[generator.below(syllables.count)] }
                .joined() + "x\(rank)"
        }
    }()

    /// 4,000 passages of 3–60 words; ids shuffled so that id order is not ordinal order.
    static let index: InvertedIndex = {
        var generator = Generator(state: 42)
        var builder = IndexBuilder(analyzer: .english)
        for ordinal in 0..<4000 {
            let length = 3 + generator.below(58)
            let text = (0..<length).map { _ in vocabulary[generator.zipf(vocabulary.count)] }.joined(separator: " ")
            builder.add(passageID: "p\((ordinal * 7919) % 4000)", text: text)
        }
        return builder.build()
    }()

    /// Random queries: 1–6 terms, common and rare, some repeated, some weighted like
    /// expansions, some absent from the index.
    static func queries(count: Int, seed: UInt64) -> [[WeightedTerm]] {
        var generator = Generator(state: seed)
        return (0..<count).map { _ in
            (0..<(1 + generator.below(6))).map { _ in
                let word = generator.below(20) == 0 ? "absentword" : vocabulary[generator.zipf(vocabulary.count)]
                let term = Analyzer.english.terms(word).first ?? word
                let weight = [1.0, 1.0, 1.0, 2.0, 0.5, 0.25][generator.below(6)]
                return WeightedTerm(term: term, weight: weight)
            }
        }
    }

    /// Scores every posting with the plain formula, as the index did before pruning.
    static func reference(_ index: InvertedIndex, _ query: [WeightedTerm], limit: Int, allowed: ((Int) -> Bool)? = nil)
        -> [ScoredPassage]
    {
        var scores: [Int: Double] = [:]
        let average = Double(index.passageLengths.reduce(0) { $0 + Int($1) }) / Double(index.passageCount)
        let lengths = index.passageLengths
        for weighted in query where weighted.weight > 0 {
            let postings = index.postings(of: weighted.term)
            guard !postings.isEmpty else { continue }
            let idf = BM25.idf(documentFrequency: postings.count, passageCount: index.passageCount)
            for (ordinal, frequency) in postings where allowed?(ordinal) ?? true {
                scores[ordinal, default: 0] += BM25.termScore(
                    weightedIDF: weighted.weight * idf, frequency: Double(frequency), length: Double(lengths[ordinal]),
                    averageLength: average, parameters: .standard)
            }
        }
        let ids = index.passageIDs
        return scores.sorted { $0.value != $1.value ? $0.value > $1.value : ids[$0.key] < ids[$1.key] }
            .prefix(limit).map { ScoredPassage(ordinal: $0.key, passageID: ids[$0.key], score: $0.value) }
    }

    @Test func theCorpusHasTermsSpanningManyBlocks() {
        let frequencies = Self.index.allTerms.map { Self.index.documentFrequency(of: $0) }
        #expect(frequencies.contains { $0 > 10 * IndexFormat.blockSize })
        #expect(frequencies.contains { $0 < IndexFormat.blockSize })
    }

    @Test(arguments: [1, 3, 10, 50])
    func prunedTopKEqualsExhaustiveScoring(limit: Int) {
        for query in Self.queries(count: 300, seed: UInt64(limit)) {
            let pruned = Self.index.search(query, limit: limit)
            let exhaustive = Self.index.searchExhaustively(query, limit: limit)
            #expect(pruned == exhaustive, "query \(query.map(\.term))")
            #expect(exhaustive == Self.reference(Self.index, query, limit: limit), "query \(query.map(\.term))")
        }
    }

    @Test func pruningRespectsTheAllowedPassages() {
        let allowed: (Int) -> Bool = { $0 % 3 != 0 }
        for query in Self.queries(count: 100, seed: 99) {
            let pruned = Self.index.search(query, limit: 10, allowed: allowed)
            #expect(pruned == Self.reference(Self.index, query, limit: 10, allowed: allowed))
            #expect(pruned.allSatisfy { allowed($0.ordinal) })
        }
    }

    @Test func otherParametersScoreEveryPostingAndAgree() throws {
        let parameters = try BM25Parameters(k1: 0.9, b: 0.4)
        for query in Self.queries(count: 50, seed: 5) {
            #expect(
                Self.index.search(query, limit: 10, parameters: parameters)
                    == Self.index.searchExhaustively(query, limit: 10, parameters: parameters))
        }
    }

    @Test func tiesAreBrokenByPassageID() {
        var builder = IndexBuilder(analyzer: .english)
        for id in ["d", "b", "e", "a", "c"] { builder.add(passageID: id, text: "same words here") }
        let index = builder.build()
        #expect(index.search(index.query("words"), limit: 3).map(\.passageID) == ["a", "b", "c"])
        #expect(index.searchExhaustively(index.query("words"), limit: 3).map(\.passageID) == ["a", "b", "c"])
    }
}
