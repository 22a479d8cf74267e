#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import Guidance
import SearchCore

/// How passages look on a terminal.
enum PassageRendering {
    /// "1. IPSEA · SEN Support: What this means… › Myth-busting moment · Code of Practice 6.45"
    static func header(rank: Int, hit: SearchHit, terminal: Terminal) -> String {
        var line = "\(rank). " + terminal.bold(hit.document.publisher) + " · " + hit.document.title
        if !hit.passage.heading.isEmpty, hit.passage.heading != hit.document.title { line += " › " + hit.passage.heading }
        var details: [String] = []
        if !hit.passage.codeParagraphs.isEmpty { details.append("Code of Practice " + hit.passage.codeParagraphs.joined(separator: ", ")) }
        if !hit.document.isNational { details.append(hit.document.area) }
        details.append(hit.passage.id)
        if hit.score > 0 { details.append("score " + TextFormatting.fixed(hit.score, places: 2)) }
        return terminal.wrap(line, indent: "   ", firstIndent: "") + "\n"
            + terminal.wrap(terminal.dim(details.joined(separator: " · ")), indent: "   ", firstIndent: "   ")
    }

    /// `text` with the words whose terms are in `terms` highlighted (when colour is on).
    static func highlighted(_ text: String, terms: Set<String>, terminal: Terminal) -> String {
        guard terminal.colorEnabled, !terms.isEmpty else { return text }
        var output = ""
        var word = ""
        func flush() {
            guard !word.isEmpty else { return }
            let wordTerms = Analyzer.english.terms(word)
            output += !wordTerms.isEmpty && wordTerms.allSatisfy(terms.contains) ? terminal.highlight(word) : word
            word = ""
        }
        for character in text {
            if character.isLetter || character.isNumber || ((character == "'" || character == "\u{2019}") && !word.isEmpty) {
                word.append(character)
            } else {
                flush()
                output.append(character)
            }
        }
        flush()
        return output
    }
}
