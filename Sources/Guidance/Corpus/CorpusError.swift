/// What is wrong with a corpus file, and where.
///
/// Every case carries the file name and the 1-based line, and `description` renders
/// `FILE:LINE: message`, where the message says what to fix, e.g.
/// `Corpus/ipsea.md:3: the header has no "title:" line`.
public enum CorpusError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes of this line are not valid UTF-8.
    case invalidUTF8(file: String, line: Int)
    /// The file does not start with the `---` line that opens the header.
    case missingHeader(file: String, line: Int)
    /// The header opened on `line` is never closed by a second `---` line.
    case unclosedHeader(file: String, line: Int)
    /// A header line is not `key: value`.
    case malformedHeaderLine(file: String, line: Int, text: String)
    /// A header key that the format does not know.
    case unknownHeaderKey(file: String, line: Int, key: String)
    /// A header key given twice.
    case duplicateHeaderKey(file: String, line: Int, key: String)
    /// A header key with nothing after the colon.
    case emptyHeaderValue(file: String, line: Int, key: String)
    /// A required header key is missing; `line` is the header's closing `---`.
    case missingHeaderKey(file: String, line: Int, key: String)
    /// The document id holds characters other than lowercase letters, digits and `-`.
    case invalidDocumentID(file: String, line: Int, id: String)
    /// A line starts with `#` but is not a heading (`#`, `##` … then a space and the text).
    case malformedHeading(file: String, line: Int, text: String)
    /// A heading with no text.
    case emptyHeading(file: String, line: Int)
    /// A `{#anchor}` holding characters other than lowercase letters, digits and `-`.
    case invalidAnchor(file: String, line: Int, anchor: String)
    /// A heading with no letters or digits to make an anchor from.
    case headingWithoutAnchor(file: String, line: Int, heading: String)
    /// Two headings (or a heading and the passages before any heading) share an anchor.
    case duplicateAnchor(file: String, line: Int, anchor: String, firstLine: Int)
    /// A line starting `<!--` that does not end `-->`.
    case unclosedComment(file: String, line: Int)
    /// Table rows and other lines in one block.
    case tableNotAlone(file: String, line: Int)
    /// A table's second row is not the `| --- |` rule.
    case missingTableRule(file: String, line: Int)
    /// A table row with a different number of cells from the header row.
    case tableCellCount(file: String, line: Int, found: Int, expected: Int)
    /// A table row whose cells are all empty.
    case emptyTableRow(file: String, line: Int)
    /// The document has a header but no passages.
    case noPassages(file: String, line: Int)
    /// Two documents of the corpus have the same id.
    case duplicateDocumentID(file: String, line: Int, id: String, firstFile: String)

    /// The file the problem is in.
    public var file: String {
        switch self {
        case .invalidUTF8(let file, _), .missingHeader(let file, _), .unclosedHeader(let file, _),
            .malformedHeaderLine(let file, _, _), .unknownHeaderKey(let file, _, _),
            .duplicateHeaderKey(let file, _, _), .emptyHeaderValue(let file, _, _),
            .missingHeaderKey(let file, _, _), .invalidDocumentID(let file, _, _),
            .malformedHeading(let file, _, _),
            .emptyHeading(let file, _), .invalidAnchor(let file, _, _),
            .headingWithoutAnchor(let file, _, _), .duplicateAnchor(let file, _, _, _),
            .unclosedComment(let file, _), .tableNotAlone(let file, _),
            .missingTableRule(let file, _), .tableCellCount(let file, _, _, _),
            .emptyTableRow(let file, _), .noPassages(let file, _),
            .duplicateDocumentID(let file, _, _, _):
            return file
        }
    }

    /// The 1-based line the problem is on.
    public var line: Int {
        switch self {
        case .invalidUTF8(_, let line), .missingHeader(_, let line), .unclosedHeader(_, let line),
            .malformedHeaderLine(_, let line, _), .unknownHeaderKey(_, let line, _),
            .duplicateHeaderKey(_, let line, _), .emptyHeaderValue(_, let line, _),
            .missingHeaderKey(_, let line, _), .invalidDocumentID(_, let line, _),
            .malformedHeading(_, let line, _),
            .emptyHeading(_, let line), .invalidAnchor(_, let line, _),
            .headingWithoutAnchor(_, let line, _), .duplicateAnchor(_, let line, _, _),
            .unclosedComment(_, let line), .tableNotAlone(_, let line),
            .missingTableRule(_, let line), .tableCellCount(_, let line, _, _),
            .emptyTableRow(_, let line), .noPassages(_, let line),
            .duplicateDocumentID(_, let line, _, _):
            return line
        }
    }

    /// What is wrong and what to do about it, without the `FILE:LINE: ` prefix.
    public var message: String {
        switch self {
        case .invalidUTF8:
            return "this line is not valid UTF-8; save the file as UTF-8"
        case .missingHeader:
            return
                #"the file must start with a "---" line; put the header (id, publisher, title, area) between two "---" lines"#
        case .unclosedHeader:
            return #"the header has no closing "---" line; add one after the last "key: value" line"#
        case .malformedHeaderLine(_, _, let text):
            return #"expected "key: value" in the header, found "\#(text)""#
        case .unknownHeaderKey(_, _, let key):
            return #"unknown header key "\#(key)"; the keys are id, publisher, title, area and url"#
        case .duplicateHeaderKey(_, _, let key):
            return #"the header has a second "\#(key):" line; keep one"#
        case .emptyHeaderValue(_, _, let key):
            return #"the header's "\#(key):" line is empty; write its value after the colon"#
        case .missingHeaderKey(_, _, let key):
            return #"the header has no "\#(key):" line"#
        case .invalidDocumentID(_, _, let id):
            return #"the id "\#(id)" may hold only lowercase letters, digits and "-""#
        case .malformedHeading(_, _, let text):
            return "a heading needs a space after its \"#\" marks, found \"\(text)\""
        case .emptyHeading:
            return "this heading has no text; write the heading after the \"#\" marks"
        case .invalidAnchor(_, _, let anchor):
            return #"the anchor "{#\#(anchor)}" may hold only lowercase letters, digits and "-""#
        case .headingWithoutAnchor(_, _, let heading):
            return
                #"the heading "\#(heading)" has no letters or digits to make an anchor from; end it with "{#anchor}""#
        case .duplicateAnchor(_, _, let anchor, let firstLine):
            return
                #"the anchor "\#(anchor)" is already used on line \#(firstLine); end this heading with "{#another-anchor}""#
        case .unclosedComment:
            return #"a comment must end on the line it starts; end this line with "-->""#
        case .tableNotAlone:
            return
                #"a table must be a block of its own: every line starts with "|"; leave a blank line between the table and other text"#
        case .missingTableRule:
            return #"a table's second row must be the rule "| --- |"; add it under the header row"#
        case .tableCellCount(_, _, let found, let expected):
            return "this table row has \(found) cell\(found == 1 ? "" : "s") but the header row has \(expected); "
                + #"separate cells with "|" and leave an unused cell empty"#
        case .emptyTableRow:
            return "this table row has no text; delete it"
        case .noPassages:
            return "the document has no passages; write its text after the header"
        case .duplicateDocumentID(_, _, let id, let firstFile):
            return #"the id "\#(id)" is already used by \#(firstFile); give each document its own id"#
        }
    }

    /// `FILE:LINE: message`.
    public var description: String { "\(file):\(line): \(message)" }
}
