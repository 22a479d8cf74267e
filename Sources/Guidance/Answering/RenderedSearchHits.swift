/// The `/v1/search` JSON of every passage, written once when the guidance is loaded.
///
/// A search hit's JSON (``SearchHit/json``) is the same for a passage every time except for
/// its score, and most of it is the passage's text, which needs escaping. Building a
/// ``JSONValue`` tree and escaping the text on every request was two fifths of a search's
/// instructions (Benchmarks/http/instructions.sh); with the text before and after the
/// score kept as bytes, a response is a few copies. The output is byte-for-byte
/// ``SearchHit/json(query:hits:)`` (a test compares them for every passage).
///
/// Memory: about the corpus's text again (136 passages: ~0.3 MB).
public struct RenderedSearchHits: Sendable {
    /// Per passage ordinal, `{"passage":"…","score":`.
    private let beforeScore: [[UInt8]]
    /// Per passage ordinal, `,"source":…}`: everything after the score.
    private let afterScore: [[UInt8]]

    public init(library: GuidanceLibrary) {
        var before: [[UInt8]] = []
        var after: [[UInt8]] = []
        before.reserveCapacity(library.corpus.passages.count)
        after.reserveCapacity(library.corpus.passages.count)
        for ordinal in library.corpus.passages.indices {
            let passage = library.passage(at: ordinal)
            // `{"passage":"…"` then `,"score":`.
            var head = JSONValue.object(SearchHit.membersBeforeScore(passage)).bytes()
            head.removeLast()  // the closing brace
            head.append(contentsOf: #","score":"#.utf8)
            // `{"source":…}` with its opening brace made the comma after the score.
            var tail = JSONValue.object(SearchHit.membersAfterScore(passage, library.document(ofPassageAt: ordinal)))
                .bytes()
            tail[0] = UInt8(ascii: ",")
            before.append(head)
            after.append(tail)
        }
        beforeScore = before
        afterScore = after
    }

    /// `{"query": …, "hits": […]}` for `hits`, found in the library this was made from.
    public func json(query: String, hits: [SearchHit]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(64 + hits.reduce(0) { $0 + beforeScore[$1.ordinal].count + afterScore[$1.ordinal].count + 16 })
        output.append(contentsOf: #"{"query":"#.utf8)
        JSONValue.writeString(query, to: &output)
        output.append(contentsOf: #","hits":["#.utf8)
        for (position, hit) in hits.enumerated() {
            if position > 0 { output.append(UInt8(ascii: ",")) }
            output.append(contentsOf: beforeScore[hit.ordinal])
            JSONValue.number(Citation.rounded(hit.score)).write(to: &output)
            output.append(contentsOf: afterScore[hit.ordinal])
        }
        output.append(contentsOf: "]}".utf8)
        return output
    }
}
