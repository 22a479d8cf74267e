import Guidance

/// The real ``GuideService``: answers, searches and citations from the guidance, as JSON.
public struct GuidanceService: GuideService {
    public let answerer: Answerer
    /// Where the index came from, for the start-up line and `/healthz`.
    public let indexDescription: String
    /// Every passage's search-hit JSON, written at load rather than per request.
    private let renderedHits: RenderedSearchHits

    public init(answerer: Answerer, indexDescription: String) {
        self.answerer = answerer
        self.indexDescription = indexDescription
        self.renderedHits = RenderedSearchHits(library: answerer.library)
    }

    public func ask(_ question: String, history: [String]) -> [UInt8] {
        answerer.answer(question, history: history).json.bytes()
    }

    public func search(_ query: String, limit: Int) -> [UInt8] {
        renderedHits.json(query: query, hits: answerer.library.search(query, limit: limit))
    }

    public func cite(_ paragraph: String) -> [UInt8]? {
        guard let normalized = CodeReferenceParser.normalizeParagraph(paragraph) else { return nil }
        let hits = answerer.library.passages(citing: normalized)
        return JSONValue.object([("paragraph", .string(normalized)), ("hits", .array(hits.map(\.json)))]).bytes()
    }

    public var healthFields: [(String, String)] {
        [
            ("documents", String(answerer.library.corpus.documents.count)),
            ("passages", String(answerer.library.corpus.passages.count)),
            ("myth_cards", String(answerer.library.myths.count)),
            ("analyzer", answerer.library.index.analyzerID),
            ("index", indexDescription),
        ]
    }

    public var summary: String {
        "\(answerer.library.corpus.passages.count) passages from \(answerer.library.corpus.documents.count) documents, \(answerer.library.myths.count) myth cards, index \(indexDescription)"
    }
}
