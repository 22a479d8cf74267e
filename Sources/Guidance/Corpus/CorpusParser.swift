/// Parses one corpus file (docs/CORPUS.md) into a ``CorpusDocument``.
///
/// Pure: it takes the file's name (for error messages) and its bytes, and never reads a file.
///
/// ```swift
/// let document = try CorpusParser.parseDocument(fileName: "Corpus/ipsea.md", text: """
///     ---
///     id: ipsea-sen-support
///     publisher: IPSEA
///     title: SEN Support
///     area: England
///     ---
///
///     ## What is SEN Support? {#what-is-sen-support}
///
///     SEN Support is the support a child receives
///     from the school's own resources (CoP 6.58).
///     """)
/// document.passages[0].id          // "ipsea-sen-support#what-is-sen-support-1"
/// document.passages[0].text        // "SEN Support is … resources (CoP 6.58)."
/// document.passages[0].references  // [.codeOfPractice(paragraph: "6.58")]
/// ```
///
/// Wire rules: lines end `"\n"` (a `"\r"` before it is dropped); a UTF-8 byte order mark at the
/// very start is skipped; line numbers are 1-based and count every line, header included.
public enum CorpusParser {
    /// Parses a corpus document from the bytes of its file.
    ///
    /// - Parameters:
    ///   - fileName: the name errors are reported against, e.g. `Corpus/ipsea.md`.
    ///   - bytes: the file's contents, which must be UTF-8.
    /// - Throws: a ``CorpusError`` naming the file and line of the first problem.
    /// - Complexity: O(*n*), *n* = the number of bytes.
    public static func parseDocument(fileName: String, bytes: [UInt8]) throws(CorpusError)
        -> CorpusDocument
    {
        let lines = try decodeLines(fileName: fileName, bytes: bytes)
        let (header, bodyStart) = try parseHeader(fileName: fileName, lines: lines)
        var body = BodyParser(fileName: fileName, documentID: header.id)
        for line in lines[bodyStart...] {
            try body.consume(line)
        }
        let passages = try body.finish(lastLine: lines.last?.number ?? 1)
        return CorpusDocument(
            id: header.id, publisher: header.publisher, title: header.title, area: header.area,
            url: header.url, passages: passages, fileName: fileName)
    }

    /// Parses a corpus document from its text; see ``parseDocument(fileName:bytes:)``.
    public static func parseDocument(fileName: String, text: String) throws(CorpusError)
        -> CorpusDocument
    {
        try parseDocument(fileName: fileName, bytes: Array(text.utf8))
    }

    /// Parses every file and assembles the corpus, in the order given (callers sort by name).
    ///
    /// - Throws: the first file's ``CorpusError``, or a duplicate document id.
    public static func parseCorpus(files: [(name: String, bytes: [UInt8])]) throws(CorpusError)
        -> Corpus
    {
        var documents: [CorpusDocument] = []
        for file in files {
            documents.append(try parseDocument(fileName: file.name, bytes: file.bytes))
        }
        return try Corpus.assemble(documents)
    }
}

/// One line of a corpus file, without its line ending.
struct SourceLine: Sendable, Equatable {
    /// 1-based.
    let number: Int
    let text: String
}

/// The `key: value` lines between the two `---` lines.
struct DocumentHeader: Sendable, Equatable {
    let id: String
    let publisher: String
    let title: String
    let area: String
    let url: String?

    static let requiredKeys = ["id", "publisher", "title", "area"]
    static let knownKeys: Set<String> = ["id", "publisher", "title", "area", "url"]
}

extension CorpusParser {
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Splits `bytes` at `"\n"`, drops a `"\r"` before it, and checks each line is UTF-8.
    static func decodeLines(fileName: String, bytes: [UInt8]) throws(CorpusError) -> [SourceLine] {
        var body = bytes[...]
        if body.starts(with: byteOrderMark) { body = body.dropFirst(byteOrderMark.count) }
        if body.last == 0x0A { body = body.dropLast() }  // the final "\n" ends a line, not starts one
        var lines: [SourceLine] = []
        for (index, raw) in body.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let content = raw.last == 0x0D ? raw.dropLast() : raw
            guard let text = String(validating: content, as: UTF8.self) else {
                throw .invalidUTF8(file: fileName, line: index + 1)
            }
            lines.append(SourceLine(number: index + 1, text: text))
        }
        return lines
    }

    /// Reads the header; returns it and the index in `lines` of the first body line.
    static func parseHeader(fileName: String, lines: [SourceLine]) throws(CorpusError)
        -> (DocumentHeader, bodyStart: Int)
    {
        guard let first = lines.first, trim(first.text) == "---" else {
            throw .missingHeader(file: fileName, line: 1)
        }
        var values: [String: (value: String, line: Int)] = [:]
        var closing: SourceLine?
        for line in lines.dropFirst() {
            let text = trim(line.text)
            if text == "---" {
                closing = line
                break
            }
            if text.isEmpty || isComment(text) { continue }
            guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else {
                throw .malformedHeaderLine(file: fileName, line: line.number, text: String(text))
            }
            let key = String(trim(text[..<colon]))
            let value = String(trim(text[text.index(after: colon)...]))
            guard DocumentHeader.knownKeys.contains(key) else {
                throw .unknownHeaderKey(file: fileName, line: line.number, key: key)
            }
            guard values[key] == nil else {
                throw .duplicateHeaderKey(file: fileName, line: line.number, key: key)
            }
            guard !value.isEmpty else {
                throw .emptyHeaderValue(file: fileName, line: line.number, key: key)
            }
            values[key] = (value, line.number)
        }
        guard let closing else { throw .unclosedHeader(file: fileName, line: first.number) }
        for key in DocumentHeader.requiredKeys where values[key] == nil {
            throw .missingHeaderKey(file: fileName, line: closing.number, key: key)
        }
        let id = values["id"]?.value ?? ""
        guard isValidName(id) else {
            throw .invalidDocumentID(file: fileName, line: values["id"]?.line ?? 1, id: id)
        }
        let header = DocumentHeader(
            id: id, publisher: values["publisher"]?.value ?? "", title: values["title"]?.value ?? "",
            area: values["area"]?.value ?? "", url: values["url"]?.value)
        return (header, closing.number)  // line numbers are 1-based, so this indexes the next line
    }

    /// True for a non-empty run of lowercase ASCII letters, digits and `-` (ids and anchors).
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty
            && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}

extension CorpusParser {
    /// `text` without leading and trailing whitespace.
    static func trim<Text: StringProtocol>(_ text: Text) -> Text.SubSequence {
        let start = text.firstIndex { !$0.isWhitespace } ?? text.endIndex
        let end = text.lastIndex { !$0.isWhitespace }.map { text.index(after: $0) } ?? start
        return text[start..<end]
    }

    /// True for a one-line comment, `<!-- … -->` (already trimmed).
    static func isComment<Text: StringProtocol>(_ text: Text) -> Bool {
        text.hasPrefix("<!--") && text.hasSuffix("-->") && text.count >= 7
    }
}
