/// The whole guidance: every document, and every passage in file order.
///
/// Build one from parsed documents with ``assemble(_:)``, which checks that document ids are
/// unique (so passage ids are unique across the corpus too: each starts with its document id).
///
/// ```swift
/// let documents = try files.map { try CorpusParser.parseDocument(fileName: $0.name, bytes: $0.bytes) }
/// let corpus = try Corpus.assemble(documents)
/// corpus.passage(id: "ipsea-sen-support#what-is-sen-support-1")?.text
/// ```
public struct Corpus: Sendable, Equatable {
    /// The documents, in the order given (the corpus files in name order).
    public let documents: [CorpusDocument]
    /// Every passage of every document, document by document, each in document order.
    public let passages: [Passage]
    private let indexByID: [String: Int]

    private init(documents: [CorpusDocument]) {
        self.documents = documents
        self.passages = documents.flatMap(\.passages)
        var indexByID: [String: Int] = [:]
        for (index, passage) in passages.enumerated() where indexByID[passage.id] == nil {
            indexByID[passage.id] = index
        }
        self.indexByID = indexByID
    }

    /// Returns the corpus of `documents`, in the order given.
    ///
    /// - Throws: ``CorpusError/duplicateDocumentID(file:line:id:firstFile:)`` when two documents
    ///   share an id, reported against the later one's header.
    /// - Complexity: O(*p*), *p* = the number of passages.
    public static func assemble(_ documents: [CorpusDocument]) throws(CorpusError) -> Corpus {
        var fileByID: [String: String] = [:]
        for document in documents {
            if let firstFile = fileByID[document.id] {
                throw .duplicateDocumentID(
                    file: document.fileName, line: 1, id: document.id, firstFile: firstFile)
            }
            fileByID[document.id] = document.fileName
        }
        return Corpus(documents: documents)
    }

    /// The passage with this id, e.g. `ipsea-sen-support#myths-1`, or nil.
    ///
    /// - Complexity: O(1).
    public func passage(id: String) -> Passage? {
        indexByID[id].map { passages[$0] }
    }

    /// The position of the passage with this id in ``passages`` (its ordinal in the index), or
    /// nil.
    ///
    /// - Complexity: O(1).
    public func ordinal(ofPassage id: String) -> Int? { indexByID[id] }

    /// The document with this id, or nil.
    public func document(id: String) -> CorpusDocument? {
        documents.first { $0.id == id }
    }
}
