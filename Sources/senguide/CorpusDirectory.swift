#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import Guidance
import SearchCore

/// The corpus as read from a directory: documents (`*.md` but `myths.md`), the domain
/// vocabulary, the myth cards, the not-covered topics, the English words and the passage
/// questions.
struct CorpusDirectory {
    static let vocabularyFile = "vocabulary.txt"
    static let mythsFile = "myths.md"
    static let notCoveredFile = "not-covered.txt"
    static let englishWordsFile = "english-words.txt"
    static let passageQuestionsFile = "passage-questions.txt"

    let path: String
    let corpus: Corpus
    let vocabulary: [SynonymRule]
    let myths: [MythCard]
    let notCoveredTopics: [[String]]
    /// Real English words, which spelling correction leaves alone.
    let englishWords: Set<String>
    /// Ways people ask for what each passage says.
    let passageQuestions: PassageQuestions
    /// FNV-1a over the names and bytes of the files the index is built from (documents and
    /// vocabulary), so a stale index is noticed.
    let fingerprint: UInt64

    /// Reads and parses every corpus file in `path`, in name order.
    static func load(_ path: String) throws(CLIError) -> CorpusDirectory {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        } catch {
            throw .failure("cannot read the corpus directory \(path): it does not exist or is not readable. Pass --corpus DIR")
        }
        var fingerprint = Fingerprint.fnv1a([UInt8]())
        var documentFiles: [(name: String, bytes: [UInt8])] = []
        for name in names where name.hasSuffix(".md") && name != mythsFile {
            let bytes = try read(path, name)
            fingerprint = Fingerprint.fnv1a(Array(name.utf8) + [0] + bytes, seed: fingerprint)
            documentFiles.append((displayPath(path, name), bytes))
        }
        guard !documentFiles.isEmpty else {
            throw .failure("\(path) holds no corpus documents (*.md). See docs/CORPUS.md")
        }
        let corpus: Corpus
        do {
            corpus = try CorpusParser.parseCorpus(files: documentFiles)
        } catch {
            throw .failure(error.description)
        }
        var vocabulary: [SynonymRule] = []
        if names.contains(vocabularyFile) {
            let bytes = try read(path, vocabularyFile)
            fingerprint = Fingerprint.fnv1a(Array(vocabularyFile.utf8) + [0] + bytes, seed: fingerprint)
            vocabulary = try parseLines(path, vocabularyFile, bytes, VocabularyParser.parse)
        }
        var myths: [MythCard] = []
        if names.contains(mythsFile) {
            myths = try parseLines(path, mythsFile, try read(path, mythsFile), MythCardParser.parse)
            if let first = myths.flatMap({ $0.check(against: corpus) }).first {
                throw .failure("\(displayPath(path, mythsFile)): \(first)")
            }
        }
        var topics: [[String]] = []
        if names.contains(notCoveredFile) {
            topics = try parseLines(path, notCoveredFile, try read(path, notCoveredFile), NotCoveredTopics.parse)
        }
        var englishWords: Set<String> = []
        if names.contains(englishWordsFile) {
            let text = try text(try read(path, englishWordsFile), path, englishWordsFile)
            for line in TextLines.of(text) where !line.hasPrefix("#") && !line.isEmpty {
                englishWords.insert(line.trimmingScalars(where: \.isWhitespaceOrNewline).lowercased())
            }
        }
        var passageQuestions = PassageQuestions.none
        if names.contains(passageQuestionsFile) {
            passageQuestions = try parseLines(
                path, passageQuestionsFile, try read(path, passageQuestionsFile), PassageQuestions.parse)
            if let first = passageQuestions.problems(against: corpus).first {
                throw .failure("\(displayPath(path, passageQuestionsFile)): \(first)")
            }
        }
        return CorpusDirectory(
            path: path, corpus: corpus, vocabulary: vocabulary, myths: myths, notCoveredTopics: topics,
            englishWords: englishWords, passageQuestions: passageQuestions, fingerprint: fingerprint)
    }

    /// A line-oriented corpus file parsed by `parse`, its mistakes reported as `FILE:LINE: …`.
    private static func parseLines<Parsed>(
        _ directory: String, _ name: String, _ bytes: [UInt8],
        _ parse: (_ fileName: String, _ text: String) throws(LineError) -> Parsed
    ) throws(CLIError) -> Parsed {
        let text = try text(bytes, directory, name)
        do {
            return try parse(displayPath(directory, name), text)
        } catch {
            throw .failure(error.description)
        }
    }

    private static func displayPath(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    private static func read(_ directory: String, _ name: String) throws(CLIError) -> [UInt8] {
        let path = displayPath(directory, name)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .failure("cannot read \(path)")
        }
        return [UInt8](data)
    }

    private static func text(_ bytes: [UInt8], _ directory: String, _ name: String) throws(CLIError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            let line = (lines.firstIndex { String(validating: $0, as: UTF8.self) == nil } ?? 0) + 1
            throw .failure("\(displayPath(directory, name)):\(line): the file is not valid UTF-8; save it as UTF-8")
        }
        return text
    }
}
