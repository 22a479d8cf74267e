/// Turns the body of a corpus file, line by line, into passages (docs/CORPUS.md#the-body).
///
/// Headings set the heading path and the anchor; blank lines end a block; each block becomes
/// one passage (a paragraph, or a list with its introduction) or, for a table, one passage a row.
struct BodyParser {
    private let fileName: String
    private let documentID: String
    /// The open headings, outermost first, with their `#` count.
    private var headings: [(level: Int, text: String)] = []
    /// The anchor of the nearest heading above, `intro` before any heading.
    private var anchor = "intro"
    /// Passages so far under `anchor`.
    private var passagesUnderAnchor = 0
    /// Each anchor used so far, with the line that first used it.
    private var anchorLines: [String: Int] = [:]
    private var block: [SourceLine] = []
    private(set) var passages: [Passage] = []

    init(fileName: String, documentID: String) {
        self.fileName = fileName
        self.documentID = documentID
    }

    /// Takes the next line of the body.
    mutating func consume(_ line: SourceLine) throws(CorpusError) {
        let text = CorpusParser.trim(line.text)
        if text.isEmpty {
            try flushBlock()
        } else if text.hasPrefix("<!--") {
            guard CorpusParser.isComment(text) else {
                throw .unclosedComment(file: fileName, line: line.number)
            }
        } else if line.text.hasPrefix("#") {
            try flushBlock()
            try openHeading(line)
        } else {
            block.append(SourceLine(number: line.number, text: String(text)))
        }
    }

    /// Ends the body; returns its passages.
    mutating func finish(lastLine: Int) throws(CorpusError) -> [Passage] {
        try flushBlock()
        guard !passages.isEmpty else { throw .noPassages(file: fileName, line: lastLine) }
        return passages
    }

    // MARK: Headings

    private mutating func openHeading(_ line: SourceLine) throws(CorpusError) {
        let level = line.text.prefix { $0 == "#" }.count
        let rest = line.text.dropFirst(level)
        if let first = rest.first, !first.isWhitespace {
            throw .malformedHeading(file: fileName, line: line.number, text: line.text)
        }
        var title = CorpusParser.trim(rest)
        var explicitAnchor: String?
        if title.hasSuffix("}"), let open = title.ranges(of: "{#").last {
            explicitAnchor = String(title[open.upperBound..<title.index(before: title.endIndex)])
            title = CorpusParser.trim(title[..<open.lowerBound])
        }
        guard !title.isEmpty else { throw .emptyHeading(file: fileName, line: line.number) }
        let newAnchor = explicitAnchor ?? Self.slug(title)
        if let explicitAnchor, !CorpusParser.isValidName(explicitAnchor) {
            throw .invalidAnchor(file: fileName, line: line.number, anchor: explicitAnchor)
        }
        guard !newAnchor.isEmpty else {
            throw .headingWithoutAnchor(file: fileName, line: line.number, heading: String(title))
        }
        try claim(newAnchor, line: line.number)
        while let last = headings.last, last.level >= level { headings.removeLast() }
        headings.append((level, String(title)))
        anchor = newAnchor
        passagesUnderAnchor = 0
    }

    private mutating func claim(_ anchor: String, line: Int) throws(CorpusError) {
        if let firstLine = anchorLines[anchor] {
            throw .duplicateAnchor(file: fileName, line: line, anchor: anchor, firstLine: firstLine)
        }
        anchorLines[anchor] = line
    }

    /// The heading's anchor: ASCII letters lowercased and digits kept, every run of anything
    /// else one `-`, none at either end. `"What is SEN Support?"` → `what-is-sen-support`.
    static func slug<Text: StringProtocol>(_ heading: Text) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in heading.unicodeScalars {
            let kept: Unicode.Scalar? =
                ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
                ? scalar
                : ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32) : nil
            guard let kept else {
                pendingDash = true
                continue
            }
            if pendingDash && !slug.isEmpty { slug.append("-") }
            pendingDash = false
            slug.unicodeScalars.append(kept)
        }
        return slug
    }

    // MARK: Blocks

    private mutating func flushBlock() throws(CorpusError) {
        guard let first = block.first else { return }
        let lines = block
        block = []
        let startsTable = first.text.hasPrefix("|")
        if let odd = lines.first(where: { $0.text.hasPrefix("|") != startsTable }) {
            throw .tableNotAlone(file: fileName, line: odd.number)
        }
        if startsTable {
            try addTable(lines)
        } else {
            addText(lines)
        }
    }

    /// A paragraph, or a list after the paragraph lines that introduce it. A line after the
    /// first item that is not an item continues the item before it.
    private mutating func addText(_ lines: [SourceLine]) {
        var introduction: [String] = []
        var items: [String] = []
        for line in lines {
            if Self.isListItem(line.text) {
                items.append(line.text)
            } else if let last = items.indices.last {
                items[last] += " " + line.text
            } else {
                introduction.append(line.text)
            }
        }
        let paragraph = introduction.isEmpty ? [] : [introduction.joined(separator: " ")]
        addPassage(text: (paragraph + items).joined(separator: "\n"), extraHeading: nil, line: lines[0].number)
    }

    /// True for `- item` and `12. item`.
    static func isListItem(_ line: String) -> Bool {
        if line.hasPrefix("- ") { return true }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        return !digits.isEmpty && line.dropFirst(digits.count).hasPrefix(". ")
    }

    /// A header row, the `| --- |` rule, then one passage a row.
    private mutating func addTable(_ lines: [SourceLine]) throws(CorpusError) {
        let header = Self.cells(lines[0].text)
        guard lines.count >= 2, Self.isRule(Self.cells(lines[1].text)) else {
            throw .missingTableRule(file: fileName, line: lines.count >= 2 ? lines[1].number : lines[0].number)
        }
        let headerTitle = Self.cellLines(header[0]).joined(separator: " ")
        for row in lines.dropFirst() {
            let cells = Self.cells(row.text)
            guard cells.count == header.count else {
                throw .tableCellCount(file: fileName, line: row.number, found: cells.count, expected: header.count)
            }
        }
        for row in lines.dropFirst(2) {
            let text = Self.cells(row.text).flatMap(Self.cellLines).joined(separator: "\n")
            guard !text.isEmpty else { throw .emptyTableRow(file: fileName, line: row.number) }
            addPassage(text: text, extraHeading: headerTitle.isEmpty ? nil : headerTitle, line: row.number)
        }
    }

    /// The non-empty lines of a cell: `<br>` (or `<br/>`, `<br />`) starts a new line.
    static func cellLines(_ cell: String) -> [String] {
        cell.replacing("<br />", with: "<br>").replacing("<br/>", with: "<br>")
            .split(separator: "<br>").map { String(CorpusParser.trim($0)) }.filter { !$0.isEmpty }
    }

    /// The trimmed cells of a table row: the text between `|`s, the outer `|`s optional at the end.
    static func cells(_ row: String) -> [String] {
        var inner = row.dropFirst()  // the leading "|"
        if inner.hasSuffix("|") { inner = inner.dropLast() }
        return inner.split(separator: "|", omittingEmptySubsequences: false).map { String(CorpusParser.trim($0)) }
    }

    /// True for `| --- | :---: |`: every cell dashes, with an optional colon at either end.
    static func isRule(_ cells: [String]) -> Bool {
        cells.allSatisfy { cell in
            var dashes = cell[...]
            if dashes.hasPrefix(":") { dashes = dashes.dropFirst() }
            if dashes.hasSuffix(":") { dashes = dashes.dropLast() }
            return !dashes.isEmpty && dashes.allSatisfy { $0 == "-" }
        }
    }

    // MARK: Passages

    private mutating func addPassage(text: String, extraHeading: String?, line: Int) {
        if headings.isEmpty && passagesUnderAnchor == 0 { anchorLines[anchor] = line }
        passagesUnderAnchor += 1
        let path = headings.map(\.text) + (extraHeading.map { [$0] } ?? [])
        passages.append(
            Passage(
                id: "\(documentID)#\(anchor)-\(passagesUnderAnchor)", documentID: documentID,
                headingPath: path, text: text, references: CodeReferenceParser.references(in: text),
                line: line))
    }
}
