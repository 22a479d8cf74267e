// The real guidance, loaded once per fuzzing process from $SENGUIDE_FUZZ_CORPUS (Fuzz/run.sh
// sets it to Corpus/), for the targets that answer questions or check myth cards against it.
import Foundation
@testable import Guidance
import SearchCore

enum RealGuidance {
    static let directory = ProcessInfo.processInfo.environment["SENGUIDE_FUZZ_CORPUS"] ?? "Corpus"

    static func text(_ name: String) -> String {
        guard let data = FileManager.default.contents(atPath: directory + "/" + name) else {
            preconditionFailure("fuzz setup: cannot read \(directory)/\(name); set SENGUIDE_FUZZ_CORPUS")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The corpus, vocabulary, myths and not-covered topics, as `senguide` reads them.
    static let answerer: Answerer = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory))?.sorted() ?? []
        let files = names.filter { $0.hasSuffix(".md") && $0 != "myths.md" }.map {
            (name: $0, bytes: Array(text($0).utf8))
        }
        do {
            let corpus = try CorpusParser.parseCorpus(files: files)
            let vocabulary = try VocabularyParser.parse(fileName: "vocabulary.txt", text: text("vocabulary.txt"))
            let myths = try MythCardParser.parse(fileName: "myths.md", text: text("myths.md"))
            let topics = try NotCoveredTopics.parse(fileName: "not-covered.txt", text: text("not-covered.txt"))
            let index = GuidanceLibrary.buildIndex(corpus: corpus, vocabulary: vocabulary, sourceFingerprint: 0)
            let library = try GuidanceLibrary(corpus: corpus, index: index, myths: myths)
            let words = Set(text("english-words.txt").split(separator: "\n").map { $0.lowercased() })
            return Answerer(library: library, notCoveredTopics: topics, englishWords: words)
        } catch {
            preconditionFailure("fuzz setup: the corpus in \(directory) does not load: \(error)")
        }
    }()
}
