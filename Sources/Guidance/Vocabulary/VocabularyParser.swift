import SearchCore

/// Reads the domain vocabulary file (`Corpus/vocabulary.txt`).
///
/// One rule a line: `a | b | c` is a group (each phrase asks for the others); `a | b => c`
/// is one way (a or b ask for c). Blank lines and lines starting `#` are ignored.
/// Format: docs/CORPUS.md#the-domain-vocabulary.
public enum VocabularyParser {
    /// Parses the vocabulary file's text into synonym rules.
    public static func parse(fileName: String, text: String) throws(LineError) -> [SynonymRule] {
        var rules: [SynonymRule] = []
        for (index, rawLine) in TextLines.of(text).enumerated() {
            let line = rawLine.trimmingCharacters(in: " \t\r")
            if line.isEmpty || line.hasPrefix("#") { continue }
            let sides = line.split(separator: "=>", omittingEmptySubsequences: false).map(String.init)
            func phrases(_ side: String) -> [String] {
                side.split(separator: "|").map { String($0).trimmingCharacters(in: " \t") }
            }
            func invalid(_ message: String) -> LineError {
                LineError(file: fileName, line: index + 1, message: message)
            }
            switch sides.count {
            case 1:
                let group = phrases(sides[0])
                guard group.count >= 2, group.allSatisfy({ !$0.isEmpty }) else {
                    throw invalid("a group needs two or more phrases separated by |, e.g. \"EHCP | EHC plan\"")
                }
                rules.append(.group(group))
            case 2:
                let triggers = phrases(sides[0])
                let expansions = phrases(sides[1])
                guard !triggers.isEmpty, !expansions.isEmpty,
                    (triggers + expansions).allSatisfy({ !$0.isEmpty })
                else {
                    throw invalid("a one-way rule needs phrases on both sides of =>, e.g. \"statement => EHC plan\"")
                }
                rules.append(SynonymRule(triggers: triggers, expansions: expansions))
            default:
                throw invalid("a line may hold at most one =>")
            }
        }
        return rules
    }
}

extension String {
    /// The string without leading and trailing characters from `set`.
    func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        guard let start = firstIndex(where: { !characters.contains($0) }),
            let end = lastIndex(where: { !characters.contains($0) })
        else { return "" }
        return String(self[start...end])
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String { String(self).trimmingCharacters(in: set) }
}
