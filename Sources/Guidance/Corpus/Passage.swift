/// One citable unit of the guidance: a paragraph, a list with the sentence that introduces it,
/// or a table row.
///
/// A passage's `text` is exactly as it stands in the corpus file (paragraph lines joined with
/// single spaces, list items and table cells one a line), and is never rewritten for display.
public struct Passage: Sendable, Equatable, Identifiable {
    /// Stable id: `<document id>#<heading anchor>-<n>`, e.g. `ipsea-sen-support#myths-1`.
    public let id: String
    /// The id of the document the passage comes from.
    public let documentID: String
    /// The headings above the passage, outermost first (a table row adds its header's first cell).
    public let headingPath: [String]
    /// The passage exactly as it stands in the corpus.
    public let text: String
    /// The Code of Practice paragraphs and Act sections the passage itself names, in text order.
    public let references: [CodeReference]
    /// The 1-based line of the corpus file where the passage starts.
    public let line: Int

    public init(
        id: String, documentID: String, headingPath: [String], text: String,
        references: [CodeReference], line: Int
    ) {
        self.id = id
        self.documentID = documentID
        self.headingPath = headingPath
        self.text = text
        self.references = references
        self.line = line
    }

    /// The nearest heading, or the empty string before any heading.
    public var heading: String { headingPath.last ?? "" }

    /// The SEND Code of Practice paragraphs named, e.g. `["6.45"]`, without repeats.
    public var codeParagraphs: [String] {
        var seen: Set<String> = []
        return references.compactMap { reference in
            guard case .codeOfPractice(let paragraph) = reference, seen.insert(paragraph).inserted
            else { return nil }
            return paragraph
        }
    }
}
