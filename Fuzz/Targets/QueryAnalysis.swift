// Fuzz target: a question or query as a parent or a program sends it, through everything
// that reads it: the analyser (tokens, stop words, stems), question reading and spelling
// correction, answering with a conversation's history, search and citation lookup, all on
// the real guidance. The input's NUL bytes separate the question from its history.
// Build and run: Fuzz/run.sh QueryAnalysis
import Guidance
import SearchCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQueryAnalysis(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let parts = text.split(separator: "\0", omittingEmptySubsequences: false).map(String.init)
    let question = parts.last ?? ""
    let history = Array(parts.dropLast().suffix(5))
    let analyzer = Analyzer.english
    _ = analyzer.terms(question)
    for token in analyzer.tokens(question).prefix(32) { _ = analyzer.term(forToken: token) }
    let answerer = RealGuidance.answerer
    _ = answerer.spellingSuggestion(for: question)
    let answer = answerer.answer(question, history: history)
    _ = answer.json.bytes()
    let hits = answerer.library.search(question, limit: 10)
    precondition(hits.count <= 10, "search returns at most its limit")
    _ = SearchHit.json(query: question, hits: hits).bytes()
    _ = answerer.library.passages(citing: question)
    return 0
}
