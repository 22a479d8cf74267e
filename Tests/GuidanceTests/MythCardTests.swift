import Foundation
import Testing

@testable import Guidance

// MARK: The parser

/// The error `MythCardParser` throws for `text`, or nil when it parses.
private func parseError(_ text: String) -> LineError? {
    #expect(throws: LineError.self) { try MythCardParser.parse(fileName: "Corpus/myths.md", text: text) }
}

private let goodCard = """
    # Myth cards
    <!-- a comment -->

    ## under-fives
    claim: Children under 5 can't have SEN.
    verdict: No
    fact: Some young children have SEN, and their needs must be supported.
    evidence: ipsea-sen-support#myths-1 | Some young children will have SEN
    phrasings:
    - my toddler is too young for SEN
    - nursery can't do SEN support, right?
    """

@Test func parsesACard() throws {
    let cards = try MythCardParser.parse(fileName: "Corpus/myths.md", text: goodCard)
    #expect(cards.count == 1)
    let card = try #require(cards.first)
    #expect(card.id == "under-fives")
    #expect(card.claim == "Children under 5 can't have SEN.")
    #expect(card.verdict == "No")
    #expect(card.fact == "Some young children have SEN, and their needs must be supported.")
    #expect(card.evidence == [MythEvidence(passageID: "ipsea-sen-support#myths-1", quote: "Some young children will have SEN")])
    #expect(card.phrasings == ["my toddler is too young for SEN", "nursery can't do SEN support, right?"])
    #expect(card.line == 4)
}

@Test func rejectsAnUnknownKey() {
    let error = parseError(goodCard.replacing("fact:", with: "source:"))
    #expect(
        error?.description
            == #"Corpus/myths.md:7: unknown key "source": use claim, verdict, fact, evidence, about, common or phrasings"#)
}

@Test func readsTheWordsACardIsAbout() throws {
    let text = goodCard.replacing("phrasings:", with: "about: nursery | under 5 | toddler\nphrasings:")
    let card = try #require(try MythCardParser.parse(fileName: "Corpus/myths.md", text: text).first)
    #expect(card.about == ["nursery", "under 5", "toddler"])
    #expect(try MythCardParser.parse(fileName: "Corpus/myths.md", text: goodCard).first?.about == [])
    let error = parseError(goodCard.replacing("phrasings:", with: "about: nursery ||\nphrasings:"))
    #expect(error?.description == #"Corpus/myths.md:9: about must list words separated by "|", e.g. "about: carer | benefit""#)
}

@Test func readsWhetherAClaimIsCommon() throws {
    let text = goodCard.replacing("phrasings:", with: "common: yes\nphrasings:")
    #expect(try MythCardParser.parse(fileName: "Corpus/myths.md", text: text).first?.isCommon == true)
    #expect(try MythCardParser.parse(fileName: "Corpus/myths.md", text: goodCard).first?.isCommon == false)
    let error = parseError(goodCard.replacing("phrasings:", with: "common: no\nphrasings:"))
    #expect(error?.description == #"Corpus/myths.md:9: common must be "yes" (leave it out for a card that is not)"#)
}

@Test func rejectsABadVerdict() {
    let error = parseError(goodCard.replacing("verdict: No", with: "verdict: Yes"))
    #expect(error?.description == #"Corpus/myths.md:6: verdict must be "No" or "Not quite", not "Yes""#)
}

@Test func rejectsACardWithoutEvidence() {
    let error = parseError(goodCard.replacing("evidence: ipsea-sen-support#myths-1 | Some young children will have SEN\n", with: ""))
    #expect(
        error?.description
            == #"Corpus/myths.md:4: card "under-fives" has no evidence: line; a myth needs a passage that proves it wrong"#
    )
}

@Test func rejectsEvidenceWithoutAQuote() {
    let error = parseError(goodCard.replacing("ipsea-sen-support#myths-1 | Some young children will have SEN", with: "ipsea-sen-support#myths-1"))
    #expect(error?.description == #"Corpus/myths.md:8: evidence must be "passage-id | the quoted words""#)
}

@Test func rejectsAPhrasingOutsidePhrasings() {
    // Before "phrasings:" …
    let early = parseError(goodCard.replacing("verdict: No", with: "- a stray line\nverdict: No"))
    #expect(early?.description == #"Corpus/myths.md:6: a "- " line belongs under "phrasings:""#)
    // … and after another key has ended the list.
    let late = parseError(goodCard + "\nclaim: again\n- a stray line")
    #expect(late?.description == #"Corpus/myths.md:13: a "- " line belongs under "phrasings:""#)
}

@Test func rejectsARepeatedID() {
    let error = parseError(goodCard + "\n\n" + goodCard.replacing("# Myth cards\n", with: ""))
    #expect(error?.description == #"Corpus/myths.md:15: the card id "under-fives" is used twice"#)
}

@Test func rejectsABadIDAndTextBeforeTheFirstCard() {
    let id = parseError(goodCard.replacing("## under-fives", with: "## Under Fives"))
    #expect(id?.description == ###"Corpus/myths.md:4: a card id must be lowercase letters, digits and -, e.g. "## under-fives""###)
    let before = parseError("claim: no card yet\n" + goodCard)
    #expect(before?.description == ###"Corpus/myths.md:1: text before the first card: start a card with "## id""###)
}

// MARK: Checking evidence

@Test func checkNamesAMissingPassageAndAMissingQuote() throws {
    let document = try CorpusParser.parseDocument(
        fileName: "Corpus/ipsea.md",
        text: """
            ---
            id: ipsea-sen-support
            publisher: IPSEA
            title: SEN Support
            area: England
            ---

            ## Myth-busting moment {#myths}

            Children under 5 can’t have SEN or needs assessed until they go to school.
            No: Some young children will have SEN and these must be supported.
            """)
    let corpus = try Corpus.assemble([document])
    let card = MythCard(
        id: "under-fives", claim: "c", verdict: "No", fact: "f",
        evidence: [
            // Case, curly apostrophes and line breaks fold away.
            MythEvidence(passageID: "ipsea-sen-support#myths-1", quote: "children under 5 can't have SEN"),
            MythEvidence(passageID: "ipsea-sen-support#myths-2", quote: "Some young children"),
            MythEvidence(passageID: "ipsea-sen-support#myths-1", quote: "all young children"),
        ],
        phrasings: [], line: 4)
    #expect(
        card.check(against: corpus) == [
            "myth under-fives: evidence passage ipsea-sen-support#myths-2 does not exist",
            #"myth under-fives: passage ipsea-sen-support#myths-1 does not contain "all young children""#,
        ])
}

// MARK: The real myth cards

/// The package's `Corpus/` directory: its documents and `myths.md`.
private enum MythCorpusFiles {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus")

    static var documents: [(name: String, bytes: [UInt8])] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".md") && $0 != "myths.md" }.sorted().compactMap { name in
            FileManager.default.contents(atPath: directory.appendingPathComponent(name).path)
                .map { ("Corpus/" + name, [UInt8]($0)) }
        }
    }

    static var mythsText: String? {
        FileManager.default.contents(atPath: directory.appendingPathComponent("myths.md").path)
            .flatMap { String(data: $0, encoding: .utf8) }
    }

    static var available: Bool { mythsText != nil && !documents.isEmpty }
}

@Test(.enabled(if: MythCorpusFiles.available, "Corpus/ holds no myths.md or no documents"))
func realMythCardsCiteRealPassagesWithTheirExactWords() throws {
    let corpus = try CorpusParser.parseCorpus(files: MythCorpusFiles.documents)
    let cards = try MythCardParser.parse(fileName: "Corpus/myths.md", text: try #require(MythCorpusFiles.mythsText))
    #expect(!cards.isEmpty)

    var seen: Set<String> = []
    for card in cards {
        #expect(seen.insert(card.id).inserted, "the card id \(card.id) is used twice")
        #expect(card.phrasings.count >= 5, "myth \(card.id) (line \(card.line)) has \(card.phrasings.count) phrasings; give it at least 5")
        #expect(Set(card.phrasings).count == card.phrasings.count, "myth \(card.id) repeats a phrasing")
        for problem in card.check(against: corpus) {
            Issue.record("Corpus/myths.md:\(card.line): \(problem)")
        }
    }
}

@Test(.enabled(if: MythCorpusFiles.available, "Corpus/ holds no myths.md or no documents"))
func realMythCardsCoverIPSEAsMythBustingMoment() throws {
    let cards = try MythCardParser.parse(fileName: "Corpus/myths.md", text: try #require(MythCorpusFiles.mythsText))
    let cited = Set(cards.flatMap { $0.evidence.map(\.passageID) })
    for n in 1...4 {
        #expect(cited.contains("ipsea-sen-support#myths-\(n)"), "no card cites IPSEA's myth \(n)")
    }
}
