/// What SENGuide says to a question: data only; rendering happens at the edge.
///
/// Every sentence a user reads comes from one of four places: a quote from a cited passage
/// (``summary`` for an answer, each citation's text), a myth card's verdict and fact (which its
/// cited passages support), a ``Signpost``, or the fixed ``disclaimer``.
public struct Answer: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// Cited passages answer the question.
        case answer
        /// The question rests on a misconception the guidance contradicts.
        case myth
        /// The guidance does not cover it: no citations, a signpost.
        case none
    }

    /// The question as asked.
    public let question: String
    public let kind: Kind
    /// For an answer, the sentences of the best passage that answer the question, quoted;
    /// for a myth, the card's verdict and fact; for none, a fixed sentence saying so.
    public let summary: String
    /// The myth card, when ``kind`` is `.myth`.
    public let myth: MythCard?
    /// Best first; empty when ``kind`` is `.none`.
    public let citations: [Citation]
    public let signposts: [Signpost]
    /// "Did you mean" corrections that were made to the question, e.g. `["school"]`.
    public let suggestions: [String]
    /// The question with its spelling corrections applied, when any were made.
    public let correctedQuestion: String?

    /// The line that ends every answer.
    public static let disclaimer =
        "This is general information from the guidance, not legal advice."
    /// The summary of an answer of kind `.none`.
    public static let notCoveredSummary =
        "The guidance SENGuide holds does not answer this question. Your local IAS service can help."

    public init(
        question: String, kind: Kind, summary: String, myth: MythCard?, citations: [Citation],
        signposts: [Signpost], suggestions: [String], correctedQuestion: String?
    ) {
        self.question = question
        self.kind = kind
        self.summary = summary
        self.myth = myth
        self.citations = citations
        self.signposts = signposts
        self.suggestions = suggestions
        self.correctedQuestion = correctedQuestion
    }
}

/// One quoted passage in an answer.
public struct Citation: Sendable, Equatable {
    public let passage: Passage
    public let document: CorpusDocument
    public let score: Double
    /// Whether the passage states a duty ("must") or guidance ("should"). The Cumbria SEND
    /// IASS guide explains that "must" in the Code marks an underlying statutory requirement.
    public let strength: Strength?

    /// A citation of `passage`, its strength worked out from its words.
    public init(passage: Passage, document: CorpusDocument, score: Double) {
        self.init(passage: passage, document: document, score: score, strength: Citation.strength(of: passage))
    }

    /// A citation whose strength the caller already has from ``strength(of:)``.
    init(passage: Passage, document: CorpusDocument, score: Double, strength: Strength?) {
        self.passage = passage
        self.document = document
        self.score = score
        self.strength = strength
    }

    /// "must" anywhere in the passage makes it a duty; otherwise "should" makes it guidance.
    /// A question asks rather than says: "How should your nursery, school or college help?",
    /// the title of a link, is no guidance.
    public static func strength(of passage: Passage) -> Strength? {
        let statements = passage.text.split(separator: "\n").flatMap { SentenceSplitter.sentences(String($0)) }
            .filter { $0.last(where: { !$0.isWhitespace }) != "?" }
        let words = Set(statements.flatMap { TextFolding.fold($0).split { !$0.isLetter }.map(String.init) })
        if words.contains("must") { return .duty }
        if words.contains("should") { return .guidance }
        return nil
    }

    /// The area a local document speaks for, or nil for national guidance.
    public var localArea: String? { document.isNational ? nil : document.area }

    public enum Strength: String, Sendable {
        case duty
        case guidance

        /// One sentence for the reader, explaining the word the passage uses.
        public var explanation: String {
            switch self {
            case .duty: "Says \"must\": a duty (in the Code, \"must\" marks a statutory requirement)."
            case .guidance: "Says \"should\": guidance, not a \"must\"."
            }
        }
    }
}

/// Where to get help: a name and how to reach it, only as the documents give it.
public struct Signpost: Sendable, Equatable {
    public let name: String
    public let detail: String

    public init(name: String, detail: String) {
        self.name = name
        self.detail = detail
    }
}
