import Foundation

@testable import Guidance

/// The real guidance from the package's `Corpus/`, loaded the way the CLI loads it, for tests
/// that check answers on real text.
enum RealGuidance {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus")

    static func text(_ name: String) -> String {
        FileManager.default.contents(atPath: directory.appendingPathComponent(name).path)
            .map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    static func load(withPassageQuestions: Bool = true) throws -> Answerer {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        let files = names.filter { $0.hasSuffix(".md") && $0 != "myths.md" }.map { name in
            (name: "Corpus/" + name, bytes: [UInt8](text(name).utf8))
        }
        let corpus = try CorpusParser.parseCorpus(files: files)
        let vocabulary = try VocabularyParser.parse(fileName: "vocabulary.txt", text: text("vocabulary.txt"))
        let myths = try MythCardParser.parse(fileName: "myths.md", text: text("myths.md"))
        let topics = try NotCoveredTopics.parse(fileName: "not-covered.txt", text: text("not-covered.txt"))
        let questions =
            withPassageQuestions
            ? try PassageQuestions.parse(fileName: "passage-questions.txt", text: text("passage-questions.txt")) : .none
        let words = Set(text("english-words.txt").split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init))
        let index = GuidanceLibrary.buildIndex(corpus: corpus, vocabulary: vocabulary, sourceFingerprint: 0)
        let library = try GuidanceLibrary(corpus: corpus, index: index, myths: myths)
        return Answerer(library: library, notCoveredTopics: topics, englishWords: words, passageQuestions: questions)
    }

    /// Loaded once for all tests.
    static let answerer: Answerer? = try? load()
}
