// Fuzz target: the domain vocabulary parser (Corpus/vocabulary.txt), the not-covered topics
// parser (Corpus/not-covered.txt) and the passage questions parser
// (Corpus/passage-questions.txt), all line-oriented; then the synonym groups built from the
// rules, and query expansion through them.
// Build and run: Fuzz/run.sh Vocabulary
import Guidance
import SearchCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzVocabulary(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let rules = try VocabularyParser.parse(fileName: "vocabulary.txt", text: text)
        let groups = SynonymGroups(rules: rules, analyzer: .english)
        for rule in rules.prefix(8) {
            for phrase in rule.triggers.prefix(4) {
                let terms = Analyzer.english.terms(phrase)
                _ = groups.expansions(of: terms)
                _ = groups.triggeredRules(by: terms)
            }
        }
    } catch {
        precondition(error.description.hasPrefix("vocabulary.txt:"), "a vocabulary error must name the file and line")
    }
    do {
        _ = try NotCoveredTopics.parse(fileName: "not-covered.txt", text: text)
    } catch {
        precondition(error.description.hasPrefix("not-covered.txt:"), "an error must name the file and line")
    }
    do {
        _ = try PassageQuestions.parse(fileName: "passage-questions.txt", text: text)
    } catch {
        precondition(error.description.hasPrefix("passage-questions.txt:"), "an error must name the file and line")
    }
    return 0
}
