import Testing

@testable import Guidance

private let header = """
    ---
    id: sample-doc
    publisher: IPSEA
    title: SEN Support: What this means
    area: England
    ---
    """

/// A document of `header` (6 lines) then a blank line then `body`, which starts on line 8.
private func parse(_ body: String) throws(CorpusError) -> CorpusDocument {
    try CorpusParser.parseDocument(fileName: "Corpus/sample.md", text: header + "\n\n" + body)
}

@Test func readsTheHeader() throws {
    let document = try CorpusParser.parseDocument(
        fileName: "Corpus/sample.md",
        text: header.replacing("area: England", with: "area: Hertfordshire\nurl: www.hertfordshire.gov.uk")
            + "\nText.\n")
    #expect(document.id == "sample-doc")
    #expect(document.publisher == "IPSEA")
    #expect(document.title == "SEN Support: What this means")
    #expect(document.area == "Hertfordshire")
    #expect(document.url == "www.hertfordshire.gov.uk")
    #expect(document.fileName == "Corpus/sample.md")
    #expect(!document.isNational)
    #expect(try parse("Text.").url == nil)
}

@Test func joinsParagraphLinesWithSingleSpaces() throws {
    let document = try parse("SEN Support is the support a child receives\n   from the school's own resources.  \n")
    let passage = try #require(document.passages.first)
    #expect(passage.text == "SEN Support is the support a child receives from the school's own resources.")
    #expect(passage.id == "sample-doc#intro-1")
    #expect(passage.documentID == "sample-doc")
    #expect(passage.headingPath == [])
    #expect(passage.line == 8)
}

@Test func keepsListItemsOneALineAfterTheirIntroduction() throws {
    let document = try parse(
        """
        The Code outlines 4 broad areas
        of need for all age groups:
        1. communication and interaction
        2. cognition and
           learning
        - sensory needs
        """)
    #expect(document.passages.count == 1)
    #expect(
        document.passages[0].text == """
            The Code outlines 4 broad areas of need for all age groups:
            1. communication and interaction
            2. cognition and learning
            - sensory needs
            """)
}

@Test func makesEachTableRowAPassage() throws {
    let document = try parse(
        """
        ## Progress {#progress}

        | Progress | Code of Practice |
        | --- | :---: |
        | Teachers should assess progress.<br>Regularly. | Para 6.17 |
        | Schools should involve parents | |
        """)
    #expect(document.passages.map(\.id) == ["sample-doc#progress-1", "sample-doc#progress-2"])
    let row = document.passages[0]
    #expect(row.text == "Teachers should assess progress.\nRegularly.\nPara 6.17")
    #expect(row.headingPath == ["Progress", "Progress"])
    #expect(row.references == [.codeOfPractice(paragraph: "6.17")])
    #expect(row.line == 12)
    #expect(document.passages[1].text == "Schools should involve parents")
    #expect(document.passages[1].line == 13)
}

@Test func numbersPassagesUnderEachHeadingAnchor() throws {
    let document = try parse(
        """
        Before any heading.

        # SEN Support: What this means {#sen-support}

        ## What is SEN Support?

        First.
        <!-- a comment is ignored, and does not end the block -->
        Still first.

        Second (paragraph 6.45).

        ### I think my child has SEN. What can I do?

        Third.

        ## Myths {#myths}

        Fourth.
        """)
    #expect(
        document.passages.map(\.id) == [
            "sample-doc#intro-1", "sample-doc#what-is-sen-support-1", "sample-doc#what-is-sen-support-2",
            "sample-doc#i-think-my-child-has-sen-what-can-i-do-1", "sample-doc#myths-1",
        ])
    #expect(document.passages[1].text == "First. Still first.")
    #expect(document.passages[2].references == [.codeOfPractice(paragraph: "6.45")])
    #expect(
        document.passages[3].headingPath == [
            "SEN Support: What this means", "What is SEN Support?", "I think my child has SEN. What can I do?",
        ])
    #expect(document.passages[4].headingPath == ["SEN Support: What this means", "Myths"])
    #expect(document.passages.map(\.line) == [8, 14, 18, 22, 26])
}

@Test(arguments: [
    ("What is SEN Support?", "what-is-sen-support"), ("  EHC plans (and 0-25s)  ", "ehc-plans-and-0-25s"),
    ("Parent’s rights", "parent-s-rights"), ("Café", "caf"),
])
func slugsHeadings(heading: String, anchor: String) {
    #expect(BodyParser.slug(heading) == anchor)
}

@Test func acceptsCRLFAndAByteOrderMark() throws {
    let text = header.replacing("\n", with: "\r\n") + "\r\n\r\nOne\r\ntwo.\r\n"
    let document = try CorpusParser.parseDocument(fileName: "a.md", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
    #expect(document.passages.map(\.text) == ["One two."])
    #expect(document.passages[0].line == 8)
}

@Test func rejectsInvalidUTF8NamingTheLine() {
    let bytes = Array((header + "\n\nfine\n").utf8) + [0x63, 0x61, 0xFF, 0x0A] + Array("more".utf8)
    let error = #expect(throws: CorpusError.self) {
        try CorpusParser.parseDocument(fileName: "Corpus/bad.md", bytes: bytes)
    }
    #expect(error?.description == "Corpus/bad.md:9: this line is not valid UTF-8; save the file as UTF-8")
}

private let malformedHeaders: [(String, String)] = [
    (
        "",
        #"1: the file must start with a "---" line; put the header (id, publisher, title, area) between two "---" lines"#
    ),
    (
        "id: x\n---\n",
        #"1: the file must start with a "---" line; put the header (id, publisher, title, area) between two "---" lines"#
    ),
    (
        "---\nid: x\npublisher: P\n",
        #"1: the header has no closing "---" line; add one after the last "key: value" line"#
    ),
    ("---\nid: x\njust words\n---\n", #"3: expected "key: value" in the header, found "just words""#),
    (
        "---\nid: x\nauthor: Me\n---\n",
        #"3: unknown header key "author"; the keys are id, publisher, title, area and url"#
    ),
    ("---\nid: x\nid: y\n---\n", #"3: the header has a second "id:" line; keep one"#),
    ("---\nid: x\ntitle:\n---\n", #"3: the header's "title:" line is empty; write its value after the colon"#),
    ("---\nid: x\npublisher: P\narea: England\n---\nText.\n", #"5: the header has no "title:" line"#),
    (
        "---\nid: SEN Support\npublisher: P\ntitle: T\narea: England\n---\nText.\n",
        #"2: the id "SEN Support" may hold only lowercase letters, digits and "-""#
    ),
    (
        "---\nid: x\npublisher: P\ntitle: T\narea: England\n---\n\n<!-- nothing yet -->\n",
        "8: the document has no passages; write its text after the header"
    ),
]

@Test(arguments: malformedHeaders)
func rejectsAMalformedHeader(text: String, expected: String) {
    let error = #expect(throws: CorpusError.self) {
        try CorpusParser.parseDocument(fileName: "Corpus/bad.md", text: text)
    }
    #expect(error?.description == "Corpus/bad.md:" + expected)
}

private let malformedBodies: [(String, String)] = [
    ("#Heading", ##"8: a heading needs a space after its "#" marks, found "#Heading""##),
    ("## {#anchor-only}", ##"8: this heading has no text; write the heading after the "#" marks"##),
    ("## Heading {#Bad_Anchor}", #"8: the anchor "{#Bad_Anchor}" may hold only lowercase letters, digits and "-""#),
    ("## ???", #"8: the heading "???" has no letters or digits to make an anchor from; end it with "{#anchor}""#),
    (
        "## Myths\n\nText.\n\n## Myths",
        #"12: the anchor "myths" is already used on line 8; end this heading with "{#another-anchor}""#
    ),
    (
        "Text.\n\n## Intro",
        #"10: the anchor "intro" is already used on line 8; end this heading with "{#another-anchor}""#
    ),
    ("<!-- an open comment\n-->", #"8: a comment must end on the line it starts; end this line with "-->""#),
    (
        "Some words\n| A | B |\n| --- | --- |",
        #"9: a table must be a block of its own: every line starts with "|"; leave a blank line between the table and other text"#
    ),
    (
        "| A | B |\n| --- | --- |\n| x | y |\nafter",
        #"11: a table must be a block of its own: every line starts with "|"; leave a blank line between the table and other text"#
    ),
    ("| A | B |\n| x | y |", #"9: a table's second row must be the rule "| --- |"; add it under the header row"#),
    ("| A | B |", #"8: a table's second row must be the rule "| --- |"; add it under the header row"#),
    (
        "| A | B |\n| --- | --- |\n| x | y | z |",
        #"10: this table row has 3 cells but the header row has 2; separate cells with "|" and leave an unused cell empty"#
    ),
    (
        "| A | B |\n| --- |\n| x | y |",
        #"9: this table row has 1 cell but the header row has 2; separate cells with "|" and leave an unused cell empty"#
    ),
    ("| A | B |\n| --- | --- |\n| <br> | |", "10: this table row has no text; delete it"),
]

@Test(arguments: malformedBodies)
func rejectsAMalformedBody(body: String, expected: String) {
    let error = #expect(throws: CorpusError.self) { try parse(body) }
    #expect(error?.description == "Corpus/sample.md:" + expected)
}

@Test func assemblesACorpusAndFindsPassagesByID() throws {
    let first = try parse("## A\n\nOne.\n\nTwo.")
    let second = try CorpusParser.parseDocument(
        fileName: "Corpus/other.md", text: header.replacing("sample-doc", with: "other-doc") + "\nThree.")
    let corpus = try Corpus.assemble([first, second])
    #expect(corpus.passages.map(\.id) == ["sample-doc#a-1", "sample-doc#a-2", "other-doc#intro-1"])
    #expect(corpus.passage(id: "sample-doc#a-2")?.text == "Two.")
    #expect(corpus.passage(id: "sample-doc#a-3") == nil)
    #expect(corpus.document(id: "other-doc")?.fileName == "Corpus/other.md")
}

@Test func rejectsTwoDocumentsWithOneID() throws {
    let first = try parse("One.")
    let copy = try CorpusParser.parseDocument(fileName: "Corpus/copy.md", text: header + "\nTwo.")
    let error = #expect(throws: CorpusError.self) { try Corpus.assemble([first, copy]) }
    #expect(
        error?.description
            == #"Corpus/copy.md:1: the id "sample-doc" is already used by Corpus/sample.md; give each document its own id"#
    )
    let viaFiles = #expect(throws: CorpusError.self) {
        try CorpusParser.parseCorpus(files: [
            ("a.md", Array((header + "\nA.").utf8)), ("b.md", Array((header + "\nB.").utf8)),
        ])
    }
    #expect(viaFiles?.line == 1)
    #expect(viaFiles?.file == "b.md")
}

// MARK: The real corpus

import Foundation

/// The documents in the package's `Corpus/` directory (not `myths.md`), in name order.
private enum RealCorpus {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus")

    static var files: [(name: String, bytes: [UInt8])] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".md") && $0 != "myths.md" }.sorted().compactMap { name in
            FileManager.default.contents(atPath: directory.appendingPathComponent(name).path)
                .map { ("Corpus/" + name, [UInt8]($0)) }
        }
    }

    static var hasDocuments: Bool { !files.isEmpty }
}

@Test(.enabled(if: RealCorpus.hasDocuments, "Corpus/ holds no documents yet"))
func realCorpusParsesWithUniqueIDsAndEveryMentionedParagraph() throws {
    let corpus = try CorpusParser.parseCorpus(files: RealCorpus.files)
    #expect(!corpus.passages.isEmpty)
    var seen: Set<String> = []
    for passage in corpus.passages {
        #expect(seen.insert(passage.id).inserted, "\(passage.id) is not unique")
    }
    // An independent check: the number after each keyword must be among the passage's references.
    let mention = try Regex(#"(?i)\b(?:paragraphs?|paras?|cop)\.?\s*\(?(\d{1,2}\.\d{1,3})(?![\d.]*\d|\s*%)"#)
    for passage in corpus.passages {
        for match in passage.text.matches(of: mention) {
            guard let number = match.output[1].substring.map(String.init),
                let chapter = Int(number.prefix { $0 != "." }), (1...11).contains(chapter)
            else { continue }
            #expect(
                passage.references.contains(.codeOfPractice(paragraph: number)),
                "\(passage.id) mentions \(number) but its references are \(passage.references)")
        }
    }
}
