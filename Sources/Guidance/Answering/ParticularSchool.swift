/// Whether a question names one particular school ("Oakfield Primary", "St Joseph's Catholic
/// Primary School"): the guidance describes what every school should do and names none, so
/// what one school's policy says, who its SENCo is or how many assistants it has is not in it.
enum ParticularSchool {
    /// Words that end a school's name, as written with a capital.
    static let schoolNouns: Set<String> = [
        "Primary", "School", "Academy", "College", "Infants", "Juniors", "High", "Secondary", "Grammar", "Nursery",
    ]

    /// Capitalised words that say what kind of school it is, not which one ("a Special School",
    /// "my son's Primary School").
    static let kindWords: Set<String> = [
        "primary", "secondary", "special", "infant", "infants", "junior", "juniors", "high", "free", "state",
        "independent", "private", "mainstream", "grammar", "local", "new", "sixth", "form", "fe", "further",
        "education", "nursery", "village", "church", "england", "catholic", "faith", "community", "sen", "send",
        "senco", "ehcp",
    ]

    /// True when a capitalised school noun follows a run of capitalised words (and "of") with
    /// one among them that is neither a kind of school nor a question word (`isStopword`).
    static func isNamed(in question: String, isStopword: (String) -> Bool) -> Bool {
        let typed = question.split(whereSeparator: { $0.isWhitespace })
        let words = typed.map { word in
            String(word.drop(while: { !$0.isLetter }).reversed().drop(while: { !$0.isLetter }).reversed())
        }
        for (position, word) in words.enumerated() where schoolNouns.contains(possessiveRemoved(word)) {
            // The capitalised words before it in the same clause ("St Mary's Church of
            // England"), "of" among them: not "… for PE. School say …".
            var earlier = position - 1
            while earlier >= 0, !(typed[earlier].last.map { ".?!,;:".contains($0) } ?? false),
                words[earlier] == "of" || words[earlier].first?.isUppercase == true
            {
                let lower = possessiveRemoved(words[earlier]).lowercased()
                if lower != "of", !kindWords.contains(lower), !schoolNouns.contains(words[earlier]), !isStopword(lower) {
                    return true
                }
                earlier -= 1
            }
        }
        return false
    }

    /// "School's" read as "School".
    static func possessiveRemoved(_ word: String) -> String {
        for suffix in ["'s", "\u{2019}s"] where word.hasSuffix(suffix) { return String(word.dropLast(2)) }
        return word
    }
}
