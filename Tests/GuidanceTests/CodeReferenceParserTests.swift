import Testing

@testable import Guidance

private func paragraphs(_ numbers: String...) -> [CodeReference] {
    numbers.map { .codeOfPractice(paragraph: $0) }
}

@Test(arguments: [
    ("Schools should take seriously any concerns (paragraph 6.45).", paragraphs("6.45")),
    ("involved too (paragraphs 5.48, 6.59, and 7.23 of the Code)", paragraphs("5.48", "6.59", "7.23")),
    ("Para 6.2", paragraphs("6.2")),
    ("see para 6.59 for more", paragraphs("6.59")),
    ("paras 6.1 and 6.2", paragraphs("6.1", "6.2")),
    ("as the Code says (CoP 6.65).", paragraphs("6.65")),
    ("CoP 6.44 sets this out", paragraphs("6.44")),
    ("regular assessments of progress (6.17).", paragraphs("6.17")),
    ("the SEND Code of Practice (6.65) says", paragraphs("6.65")),
    ("significant difficulties (paragraph 9.3 of the Code)", paragraphs("9.3")),
    ("both (6.17, 6.18) and (11.2)", paragraphs("6.17", "6.18", "11.2")),
    ("Para 6.17\nPara 6.18", paragraphs("6.17", "6.18")),
    ("paragraph 1.1 and paragraph 10.12", paragraphs("1.1", "10.12")),
    ("paras. 6.1–6.3", paragraphs("6.1", "6.3")),
    ("CoP6.2", paragraphs("6.2")),
])
func findsCodeParagraphs(text: String, expected: [CodeReference]) {
    #expect(CodeReferenceParser.references(in: text) == expected)
}

@Test(arguments: [
    (
        "a legal requirement in section 66 of the Children and Families Act 2014",
        [CodeReference.act(section: "66", subsection: nil)]
    ),
    ("under s66 (2) the body must", [.act(section: "66", subsection: "2")]),
    ("s66(2)", [.act(section: "66", subsection: "2")]),
    ("s.19 principles", [.act(section: "19", subsection: nil)]),
    (
        "sections 19, 20 and 21",
        [
            .act(section: "19", subsection: nil), .act(section: "20", subsection: nil),
            .act(section: "21", subsection: nil),
        ]
    ),
    ("section 66 of the Act", [.act(section: "66", subsection: nil)]),
    ("(CoP 6.2, s66)", [.codeOfPractice(paragraph: "6.2"), .act(section: "66", subsection: nil)]),
])
func findsActSections(text: String, expected: [CodeReference]) {
    #expect(CodeReferenceParser.references(in: text) == expected)
}

@Test(arguments: [
    "11.9 % of pupils have SEN",
    "about 2.1% of pupils",
    "(2.1%)",
    "paragraph 6.45% of the time",
    "11.9 per cent",
    "funding of £6,000 a year",
    "in 2014 and 2015",
    "for those aged 0-25",
    "Chapter 6 sets out SEN Support",
    "1. communication and interaction\n2. cognition and learning",
    "a bare 6.17 outside parentheses",
    "(see Figure 2.1)",
    "(6.17 million pupils)",
    "paragraph 12.1 of another code",
    "paragraph 3 of the letter",
    "paragraph 6.05",
    "version 6.45.2",
    "section 20 of the Equality Act 2010",
    "section 6.4 of this guide",
    "section 508 of an older law",
    "the child's 66 tasks",
    "1.5m pupils",
])
func ignoresNumbersThatAreNotReferences(text: String) {
    #expect(CodeReferenceParser.references(in: text) == [])
}

@Test func keepsRepeatsInTextOrder() {
    let text = "CoP 6.2 … section 66 … (6.2)"
    #expect(
        CodeReferenceParser.references(in: text)
            == [
                .codeOfPractice(paragraph: "6.2"), .act(section: "66", subsection: nil),
                .codeOfPractice(paragraph: "6.2"),
            ])
}

@Test(arguments: [
    ("6.45", "6.45"), ("para 6.45", "6.45"), ("Para. 6.45", "6.45"), ("CoP 6.45", "6.45"),
    ("paragraph 6.45", "6.45"), ("  (6.45) ", "6.45"), ("11.2", "11.2"),
])
func normalizesUserInput(input: String, expected: String) {
    #expect(CodeReferenceParser.normalizeParagraph(input) == expected)
}

@Test(arguments: ["", "6", "12.1", "0.4", "6.45.2", "6.45 and 6.46", "see 6.45", "2.1%", "section 66"])
func rejectsInputThatIsNotOneParagraph(input: String) {
    #expect(CodeReferenceParser.normalizeParagraph(input) == nil)
}
