import SearchCore

/// The guidance ready to answer from: the corpus, its index, and the myth cards.
///
/// The index's passage ordinals are the corpus's passages in order, so a search hit maps to
/// its ``Passage`` and ``CorpusDocument`` in O(1).
public struct GuidanceLibrary: Sendable {
    public let corpus: Corpus
    public let index: InvertedIndex
    public let myths: [MythCard]
    /// The document of each passage, by ordinal.
    let documentOfPassage: [Int]

    /// Wraps an index that was built from `corpus`.
    ///
    /// - Throws: ``LibraryError/indexDoesNotMatchCorpus`` when the index's passages are not
    ///   the corpus's (the index is stale: rebuild it).
    public init(corpus: Corpus, index: InvertedIndex, myths: [MythCard] = []) throws(LibraryError) {
        guard index.passageIDs.elementsEqual(corpus.passages.map(\.id)) else {
            throw .indexDoesNotMatchCorpus
        }
        self.corpus = corpus
        self.index = index
        self.myths = myths
        var documentOfPassage: [Int] = []
        documentOfPassage.reserveCapacity(corpus.passages.count)
        for (number, document) in corpus.documents.enumerated() {
            documentOfPassage += Array(repeating: number, count: document.passages.count)
        }
        self.documentOfPassage = documentOfPassage
    }

    /// Builds the index for `corpus` in memory, with the domain vocabulary for expansion.
    public static func buildIndex(
        corpus: Corpus, vocabulary: [SynonymRule], sourceFingerprint: UInt64, analyzer: Analyzer = .english
    ) -> InvertedIndex {
        var builder = IndexBuilder(analyzer: analyzer)
        for document in corpus.documents {
            for passage in document.passages {
                builder.add(passageID: passage.id, text: GuidanceLibrary.indexedText(of: passage, in: document))
            }
        }
        return builder.build(
            synonyms: SynonymGroups(rules: vocabulary, analyzer: analyzer), sourceFingerprint: sourceFingerprint)
    }

    /// What is indexed for a passage: its text alone. (Indexing each passage's heading with it
    /// was measured and made ranking slightly worse on the development questions.)
    static func indexedText(of passage: Passage, in document: CorpusDocument) -> String {
        passage.text
    }

    /// The passage at `ordinal`.
    public func passage(at ordinal: Int) -> Passage { corpus.passages[ordinal] }

    /// The document holding the passage at `ordinal`.
    public func document(ofPassageAt ordinal: Int) -> CorpusDocument {
        corpus.documents[documentOfPassage[ordinal]]
    }

    /// Searches the passages, best first, optionally only those of some sources or areas.
    public func search(
        _ text: String, limit: Int, filter: SearchFilter = .all, parameters: BM25Parameters = .standard
    ) -> [SearchHit] {
        let query = index.query(text)
        let allowed: ((Int) -> Bool)? =
            filter.isEmpty ? nil : { ordinal in filter.accepts(self.document(ofPassageAt: ordinal)) }
        return index.search(query, limit: limit, parameters: parameters, allowed: allowed).map {
            SearchHit(
                ordinal: $0.ordinal, passage: passage(at: $0.ordinal), document: document(ofPassageAt: $0.ordinal),
                score: $0.score)
        }
    }

    /// Every passage that names Code of Practice paragraph `paragraph` (e.g. "6.45"), in
    /// corpus order.
    public func passages(citing paragraph: String) -> [SearchHit] {
        corpus.passages.indices.compactMap { ordinal in
            let passage = corpus.passages[ordinal]
            guard passage.codeParagraphs.contains(paragraph) else { return nil }
            return SearchHit(ordinal: ordinal, passage: passage, document: document(ofPassageAt: ordinal), score: 0)
        }
    }
}

/// A passage found by a search, with its document and score.
public struct SearchHit: Sendable, Equatable {
    /// The passage's place in the corpus (and the index).
    public let ordinal: Int
    public let passage: Passage
    public let document: CorpusDocument
    public let score: Double
}

/// Which documents a search may return passages from.
public struct SearchFilter: Sendable, Equatable {
    /// Document ids or publishers (case-insensitive substring), empty for any.
    public var sources: [String]
    /// Areas (case-insensitive substring), empty for any.
    public var areas: [String]

    public init(sources: [String] = [], areas: [String] = []) {
        self.sources = sources
        self.areas = areas
    }

    public static let all = SearchFilter()

    var isEmpty: Bool { sources.isEmpty && areas.isEmpty }

    func accepts(_ document: CorpusDocument) -> Bool {
        let sourceOK =
            sources.isEmpty
            || sources.contains { wanted in
                let folded = wanted.lowercased()
                return document.id.lowercased().contains(folded) || document.publisher.lowercased().contains(folded)
            }
        let areaOK = areas.isEmpty || areas.contains { document.area.lowercased().contains($0.lowercased()) }
        return sourceOK && areaOK
    }
}

/// Why a library could not be assembled.
public enum LibraryError: Error, Equatable, CustomStringConvertible {
    case indexDoesNotMatchCorpus

    public var description: String {
        switch self {
        case .indexDoesNotMatchCorpus:
            "the index was built from other corpus files than those in Corpus/. Rebuild it: senguide index"
        }
    }
}
