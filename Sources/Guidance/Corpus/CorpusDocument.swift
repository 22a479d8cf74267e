/// One source document of the guidance, with its header and its passages in order.
public struct CorpusDocument: Sendable, Equatable, Identifiable {
    /// The document id, e.g. `ipsea-sen-support`.
    public let id: String
    /// Who wrote it, as a citation names them, e.g. `IPSEA`.
    public let publisher: String
    /// The title as the document shows it.
    public let title: String
    /// Where it applies: `England` for national guidance, else the local area.
    public let area: String
    /// The web address the document itself gives, if any.
    public let url: String?
    /// The passages, in document order.
    public let passages: [Passage]
    /// The name of the corpus file it was parsed from, e.g. `Corpus/ipsea.md`; used in errors.
    public let fileName: String

    public init(
        id: String, publisher: String, title: String, area: String, url: String?,
        passages: [Passage], fileName: String = ""
    ) {
        self.id = id
        self.publisher = publisher
        self.title = title
        self.area = area
        self.url = url
        self.passages = passages
        self.fileName = fileName
    }

    /// True when the document speaks for England as a whole rather than one local area.
    public var isNational: Bool { area == "England" }
}
