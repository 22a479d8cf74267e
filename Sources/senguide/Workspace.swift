import Guidance
import SearchCore

/// Where the CLI finds the guidance: a corpus directory and an index directory, by default
/// `Corpus/` and `Index/` under the current directory.
struct Workspace: Sendable {
    static let defaultCorpus = "Corpus"
    static let defaultIndex = "Index"

    let corpusPath: String
    let indexPath: String

    init(_ arguments: Arguments) {
        corpusPath = arguments.value("corpus") ?? Workspace.defaultCorpus
        indexPath = arguments.value("index") ?? Workspace.defaultIndex
    }

    init(corpusPath: String, indexPath: String) {
        self.corpusPath = corpusPath
        self.indexPath = indexPath
    }

    /// The guidance ready to answer: the saved index when it matches the corpus; otherwise an
    /// index built in memory, saying so on standard error.
    func openLibrary() throws(CLIError) -> (library: GuidanceLibrary, corpus: CorpusDirectory) {
        let directory = try CorpusDirectory.load(corpusPath)
        var index: InvertedIndex?
        if IndexDirectory.exists(indexPath) {
            let saved = try IndexDirectory.read(indexPath)
            if saved.sourceFingerprint == directory.fingerprint {
                index = saved
            } else {
                printError(
                    "senguide: \(IndexDirectory.filePath(indexPath)) was built from other corpus files than those in \(corpusPath)/; using an index built in memory. Rebuild it: senguide index"
                )
            }
        } else {
            printError(
                "senguide: no index in \(indexPath)/; built one in memory from \(corpusPath)/. Save it with: senguide index")
        }
        let chosen = index ?? Workspace.buildIndex(directory)
        do {
            let library = try GuidanceLibrary(corpus: directory.corpus, index: chosen, myths: directory.myths)
            return (library, directory)
        } catch {
            throw .failure(error.description)
        }
    }

    static func buildIndex(_ directory: CorpusDirectory) -> InvertedIndex {
        GuidanceLibrary.buildIndex(
            corpus: directory.corpus, vocabulary: directory.vocabulary, sourceFingerprint: directory.fingerprint)
    }

    /// The answerer over the library, with the not-covered topics.
    func openAnswerer() throws(CLIError) -> Answerer {
        let (library, directory) = try openLibrary()
        return Answerer(library: library, notCoveredTopics: directory.notCoveredTopics, englishWords: directory.englishWords)
    }
}
