/// Reads the myth cards file (`Corpus/myths.md`). Format: docs/CORPUS.md#myth-cards.
///
/// ```
/// ## under-fives
/// claim: Children under 5 can't have SEN or needs assessed until they go to school.
/// verdict: No
/// fact: Young children can have SEN too, and it must be supported.
/// evidence: ipsea-sen-support#myths-1 | Some young children will have SEN
/// phrasings:
/// - is my 4 year old too young for SEN support
/// ```
public enum MythCardParser {
    static let verdicts = ["No", "Not quite"]

    /// Parses every card in the file, in order.
    public static func parse(fileName: String, text: String) throws(LineError) -> [MythCard] {
        var cards: [MythCard] = []
        var draft: Draft?
        var inPhrasings = false
        var inComment = false
        for (index, rawLine) in TextLines.of(text).enumerated() {
            let number = index + 1
            let line = rawLine.trimmingCharacters(in: " \t\r")
            func invalid(_ message: String) -> LineError { LineError(file: fileName, line: number, message: message) }
            if inComment {
                if line.hasSuffix("-->") { inComment = false }
                continue
            }
            if line.hasPrefix("<!--") {
                inComment = !line.hasSuffix("-->")
                continue
            }
            if line.isEmpty || line.hasPrefix("# ") { continue }
            if line.hasPrefix("## ") {
                if let finished = draft { cards.append(try finished.card(fileName: fileName)) }
                let id = String(line.dropFirst(3)).trimmingCharacters(in: " ")
                guard !id.isEmpty, id.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }), id.allSatisfy(\.isASCII)
                else { throw invalid("a card id must be lowercase letters, digits and -, e.g. \"## under-fives\"") }
                guard !cards.contains(where: { $0.id == id }) else { throw invalid("the card id \"\(id)\" is used twice") }
                draft = Draft(id: id, line: number)
                inPhrasings = false
                continue
            }
            guard var current = draft else { throw invalid("text before the first card: start a card with \"## id\"") }
            if line.hasPrefix("- ") {
                guard inPhrasings else { throw invalid("a \"- \" line belongs under \"phrasings:\"") }
                current.phrasings.append(String(line.dropFirst(2)).trimmingCharacters(in: " "))
                draft = current
                continue
            }
            guard let colon = line.firstIndex(of: ":") else {
                throw invalid("expected \"key: value\" (claim, verdict, fact, evidence, about, common, phrasings)")
            }
            let key = line[..<colon].lowercased()
            let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: " ")
            inPhrasings = false
            switch key {
            case "claim": current.claim = value
            case "verdict":
                guard verdicts.contains(value) else { throw invalid("verdict must be \"No\" or \"Not quite\", not \"\(value)\"") }
                current.verdict = value
            case "fact": current.fact = value
            case "evidence":
                let parts = value.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: " ") }
                guard parts.count == 2, parts[0].contains("#"), !parts[1].isEmpty else {
                    throw invalid("evidence must be \"passage-id | the quoted words\"")
                }
                current.evidence.append(MythEvidence(passageID: parts[0], quote: parts[1]))
            case "about":
                let words = value.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: " ") }
                guard !words.isEmpty, words.allSatisfy({ !$0.isEmpty }) else {
                    throw invalid("about must list words separated by \"|\", e.g. \"about: carer | benefit\"")
                }
                current.about = words
            case "common":
                guard value == "yes" else { throw invalid("common must be \"yes\" (leave it out for a card that is not)") }
                current.isCommon = true
            case "phrasings":
                guard value.isEmpty else { throw invalid("list phrasings on the lines after \"phrasings:\", each starting \"- \"") }
                inPhrasings = true
            default:
                throw invalid("unknown key \"\(key)\": use claim, verdict, fact, evidence, about, common or phrasings")
            }
            draft = current
        }
        if let finished = draft { cards.append(try finished.card(fileName: fileName)) }
        return cards
    }

    private struct Draft {
        let id: String
        let line: Int
        var claim = ""
        var verdict = ""
        var fact = ""
        var evidence: [MythEvidence] = []
        var phrasings: [String] = []
        var about: [String] = []
        var isCommon = false

        func card(fileName: String) throws(LineError) -> MythCard {
            for (key, value) in [("claim", claim), ("verdict", verdict), ("fact", fact)] where value.isEmpty {
                throw LineError(file: fileName, line: line, message: "card \"\(id)\" has no \(key):")
            }
            guard !evidence.isEmpty else {
                throw LineError(file: fileName, line: line, message: "card \"\(id)\" has no evidence: line; a myth needs a passage that proves it wrong")
            }
            return MythCard(
                id: id, claim: claim, verdict: verdict, fact: fact, evidence: evidence, phrasings: phrasings,
                about: about, isCommon: isCommon, line: line)
        }
    }
}
