import Guidance
import SearchCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the CLI finds the guidance: a corpus directory and an index directory.
///
/// `--corpus DIR` and `--index DIR` name them. Otherwise they are `Corpus/` and `Index/` in
/// the *home* folder: the current directory when it holds `Corpus/` or `Index/`, else the
/// folder holding the `senguide` executable (symbolic links resolved) when that holds
/// either, else the current directory. So a packaged `senguide`, unpacked with its
/// `Corpus/` and `Index/` beside it, runs from any directory (docs/DEPLOY.md), and in a
/// checkout the repository's root wins as before.
struct Workspace: Sendable {
    static var defaultCorpus: String { home.map { $0 + "/Corpus" } ?? "Corpus" }
    static var defaultIndex: String { home.map { $0 + "/Index" } ?? "Index" }

    /// The folder of the default `Corpus/` and `Index/`; nil for the current directory.
    static let home: String? = {
        if isDirectory("Corpus") || isDirectory("Index") { return nil }
        guard let folder = executableFolder() else { return nil }
        return isDirectory(folder + "/Corpus") || isDirectory(folder + "/Index") ? folder : nil
    }()

    /// The folder holding the running executable, from `/proc/self/exe`; nil if unknown.
    static func executableFolder() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = buffer.withUnsafeMutableBufferPointer { pointer -> Int in
            guard let base = pointer.baseAddress else { return -1 }
            return readlink("/proc/self/exe", base, pointer.count - 1)
        }
        guard length > 0 else { return nil }
        let path = String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func isDirectory(_ path: String) -> Bool {
        var information = stat()
        return stat(path, &information) == 0 && (information.st_mode & S_IFMT) == S_IFDIR
    }

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

    /// The answerer over the library, with the not-covered topics, the English words and the
    /// passage questions.
    func openAnswerer() throws(CLIError) -> Answerer {
        let (library, directory) = try openLibrary()
        return Answerer(
            library: library, notCoveredTopics: directory.notCoveredTopics, englishWords: directory.englishWords,
            passageQuestions: directory.passageQuestions)
    }
}
