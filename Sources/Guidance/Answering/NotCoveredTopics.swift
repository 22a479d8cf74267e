/// Reads `Corpus/not-covered.txt`: topics the guidance does not answer, one a line, the
/// phrases naming a topic separated by `|`; blank lines and `#` comments ignored.
public enum NotCoveredTopics {
    public static func parse(fileName: String, text: String) throws(LineError) -> [[String]] {
        var topics: [[String]] = []
        for (index, rawLine) in TextLines.of(text).enumerated() {
            let line = rawLine.trimmingCharacters(in: " \t\r")
            if line.isEmpty || line.hasPrefix("#") { continue }
            let phrases = line.split(separator: "|").map { $0.trimmingCharacters(in: " \t") }
            guard phrases.allSatisfy({ !$0.isEmpty }) else {
                throw LineError(file: fileName, line: index + 1, message: "an empty phrase: write phrases separated by |")
            }
            topics.append(phrases)
        }
        return topics
    }
}
