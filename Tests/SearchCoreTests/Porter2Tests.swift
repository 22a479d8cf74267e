import Foundation
import Testing

@testable import SearchCore

/// The official Snowball sample vocabulary, `voc.txt` (words) and `output.txt` (their
/// stems, line for line), in the shared test data beside this checkout:
/// …/main/Tests/SearchCoreTests/Porter2Tests.swift → …/shared/testdata/snowball-english.
private let vocabularyDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("shared/testdata/snowball-english")

/// Reads a vocabulary file as one entry per line.
private func vocabularyLines(_ name: String) throws -> [Substring] {
    let text = try String(
        contentsOf: vocabularyDirectory.appendingPathComponent(name), encoding: .utf8)
    return text.split(separator: "\n")
}

@Test func stemsTheWholeSnowballVocabulary() throws {
    let words = try vocabularyLines("voc.txt")
    let expected = try vocabularyLines("output.txt")
    try #require(words.count == 42_649)
    try #require(expected.count == words.count)

    var mismatches: [String] = []
    for (word, stem) in zip(words, expected) {
        let actual = Porter2.stem(String(word))
        if actual != stem { mismatches.append("\(word) → \(actual), expected \(stem)") }
    }
    #expect(
        mismatches.count == 0,
        "\(mismatches.count) of \(words.count) words differ; first: \(mismatches.prefix(10))")
}

/// Hand-picked pairs from the sample vocabulary, one or more per rule and exception.
@Test(arguments: [
    ("caresses", "caress"),  // 1a: sses → ss
    ("cries", "cri"), ("ties", "tie"),  // 1a: ies after two letters / one letter
    ("running", "run"), ("hopping", "hop"),  // 1b: undouble
    ("added", "add"),  // 1b: no undoubling after a lone a, e or o
    ("hoping", "hope"),  // 1b: short word gains e
    ("dying", "die"), ("herring", "herring"), ("proceeding", "proceed"),  // 1b exceptions
    ("crying", "cri"), ("saying", "say"), ("by", "by"),  // 1c; two letters stay
    ("generously", "generous"), ("universities", "universiti"), ("pasted", "paste"),  // prefixes
    ("conditional", "condit"), ("geologist", "geolog"), ("hopefulness", "hope"),  // 2 and 3
    ("adoption", "adopt"), ("allowance", "allow"),  // 4
    ("controll", "control"), ("cease", "ceas"),  // 5
    ("there's", "there"), ("'s'", "s"),  // apostrophes
    ("skies", "sky"), ("news", "news"),  // whole-word exceptions
])
func stemMatchesSnowball(word: String, expected: String) {
    #expect(Porter2.stem(word) == expected)
}

@Test func byteEntryPointsAgreeWithStringEntryPoint() {
    for word in ["generalizations", "communities", "'tis", "crying"] {
        let expected = Array(Porter2.stem(word).utf8)
        #expect(Porter2.stem(Array(word.utf8)) == expected)
        var bytes = Array(word.utf8)
        Porter2.stem(bytes: &bytes)
        #expect(bytes == expected)
    }
}

/// Non-ASCII characters count as single non-vowel letters and come back intact.
@Test(arguments: [("cafés", "café"), ("naïvely", "naïv"), ("größten", "größten")])
func keepsNonASCIICharactersIntact(word: String, expected: String) {
    #expect(Porter2.stem(word) == expected)
}
