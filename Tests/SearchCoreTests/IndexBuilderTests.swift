import Testing

@testable import SearchCore

/// The byte-level indexing path (token cache, segments, parallel inversion and encoding)
/// must give exactly the terms of ``Analyzer/terms(_:)`` and the same bytes however the
/// work is split.
struct IndexBuilderTests {
    static let texts = [
        "Can under-5s have SEN? The child's needs, £6,000 pa and 6k.",
        "Co-ordinator: Café NAÏVE ‘best endeavours’ — paragraph 6.45 of the Code, 1990s.",
        "SENCo / SENCO: assess, plan, do and review (APDR). Schools schools SCHOOLS.",
        "", "the and of", "x-ray re-assessment don't 11.9 % of pupils",
    ]

    @Test func passagesGetExactlyTheAnalyzersTerms() {
        var builder = IndexBuilder(analyzer: .english)
        for (ordinal, text) in Self.texts.enumerated() { builder.add(passageID: "p\(ordinal)", text: text) }
        let index = builder.build()
        var expected: [String: [(ordinal: Int, frequency: Int)]] = [:]
        for (ordinal, text) in Self.texts.enumerated() {
            let terms = Analyzer.english.terms(text)
            #expect(index.passageLengths[ordinal] == UInt32(terms.count))
            var counts: [String: Int] = [:]
            for term in terms { counts[term, default: 0] += 1 }
            for (term, count) in counts { expected[term, default: []].append((ordinal, count)) }
        }
        #expect(Set(index.allTerms) == Set(expected.keys))
        for (term, postings) in expected {
            #expect(index.postings(of: term).map { [$0.ordinal, $0.frequency] } == postings.map { [$0.ordinal, $0.frequency] })
        }
    }

    @Test func segmentsBuiltApartGiveTheSameBytes() {
        let texts = (0..<900).map { number in
            "passage \(number) about " + Self.texts[number % Self.texts.count] + " word\(number % 37) word\(number % 11)"
        }
        var whole = IndexBuilder(analyzer: .english)
        for (ordinal, text) in texts.enumerated() { whole.add(passageID: "id\(ordinal)", text: text) }
        let segments = Parallel.map(count: 3, parallelism: 3) { part in
            var segment = IndexSegment(analyzer: .english)
            for ordinal in (part * 300)..<((part + 1) * 300) { segment.add(passageID: "id\(ordinal)", text: texts[ordinal]) }
            return segment
        }
        let joined = IndexBuilder(segments: segments)
        #expect(IndexFile.encode(whole.build()) == IndexFile.encode(joined.build(parallelism: 2)))
        #expect(joined.firstDuplicateID() == nil)
    }

    @Test func aDuplicateIDIsFound() {
        var builder = IndexBuilder(analyzer: .english)
        for id in ["b", "a", "c", "a"] { builder.add(passageID: id, text: "text") }
        #expect(builder.firstDuplicateID() == "a")
    }

    @Test func passageIDsDecodeOneByOneAndAllTogether() {
        var builder = IndexBuilder(analyzer: .english)
        let ids = (0..<100).map { "guide-\($0 % 7).\($0)#p\($0 * 13 % 17)" } + ["", "é-ü", String(repeating: "x", count: 300)]
        for id in ids { builder.add(passageID: id, text: "words") }
        let index = builder.build()
        #expect(index.passageIDs == ids)
        for (ordinal, id) in ids.enumerated() { #expect(index.passageID(at: ordinal) == id) }
    }
}
