// Fuzz target: the corpus file parser (docs/CORPUS.md), then everything built from a
// document it accepts: the corpus, the index, and the index file round trip.
// Build and run: Fuzz/run.sh CorpusDocument
import Guidance
import SearchCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCorpusDocument(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let corpus: Corpus
    do {
        corpus = try CorpusParser.parseCorpus(files: [(name: "Corpus/fuzz.md", bytes: bytes)])
    } catch {
        let message = error.description
        precondition(message.hasPrefix("Corpus/fuzz.md:"), "a corpus error must name the file and line")
        return 0
    }
    precondition(!corpus.passages.isEmpty, "a document needs one passage")
    for passage in corpus.passages {
        precondition(passage.id.hasPrefix(corpus.documents[0].id + "#"), "a passage id starts with its document id")
        _ = passage.codeParagraphs
    }
    let index = GuidanceLibrary.buildIndex(corpus: corpus, vocabulary: [], sourceFingerprint: 1)
    let bytesOut = IndexFile.encode(index)
    do {
        let reopened = try IndexFile.decode(bytesOut)
        precondition(reopened.passageIDs == index.passageIDs, "an index must read back as written")
    } catch {
        preconditionFailure("an index just written must decode: \(error)")
    }
    return 0
}
