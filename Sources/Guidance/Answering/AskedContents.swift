/// A question asking what a document holds: "what goes in a support plan", "what sort of
/// things actually go in one?", "what gets written in it", "whats recorded on an SEN supp
/// plan", "what should be in it".
///
/// Such a question names the document but asks for its contents, and the guidance answers it
/// with a list of what the document is "used to record". The question's own words ("goes",
/// "in", "one") say nothing a passage can match, so a question that asks for contents also
/// asks for the word the guidance uses for them, ``contentsWord`` (measured over the read
/// question sets: docs/ANSWERS.md).
enum AskedContents {
    static let contentsWord = "record"
    /// Words naming a kind of document whose contents a question may ask for.
    static let documentWords = ["plan", "report", "offer", "policy", "letter"]
    /// How much ``contentsWord`` weighs in the query: twice a word the question says, as its
    /// own words for it are filler (1 and 3 found fewer passages in the first three).
    static let contentsWeight = 2.0

    /// Words that open the asking: "what …", "things …".
    static let askingWords: Set<String> = ["what", "what's", "whats", "things"]
    /// Words a question may put between the opener and the verb: "what sort of things
    /// actually go in", "what exactly gets written", "what are they supposed to put in it".
    static let insertedWords: Set<String> = [
        "sort", "kind", "of", "things", "actually", "exactly", "it", "one", "they", "supposed", "meant", "to", "usually",
        "normally",
    ]
    static let auxiliaries: Set<String> = ["should", "will", "would", "does", "do", "gets", "get", "is", "are", "can", "must"]
    /// Verbs followed by "in" or "into": "what goes in", "what should be in", "what gets put in".
    static let placingVerbs: Set<String> = ["go", "goes", "be", "is", "are", "put"]
    /// Verbs that say it on their own: "what gets written", "whats recorded on".
    static let participles: Set<String> = ["written", "recorded"]
    /// Verbs that ask for contents with no "in": "what would it include", "what does one
    /// contain".
    static let includingVerbs: Set<String> = ["include", "includes", "included", "contain", "contains"]
    /// What "in" is followed by when it does not mean inside a document: "what is in place",
    /// "what goes in class".
    static let notADocument: Set<String> = ["place", "class", "school", "lessons", "there", "future"]

    /// Whether `folded` (``QuestionReading/foldForCues(_:)``) asks what a document holds.
    static func isAsked(in folded: String) -> Bool {
        let words = folded.split { $0 == " " || $0 == "?" }.map(String.init)
        for (start, word) in words.enumerated() where askingWords.contains(word) {
            // After "what's" the verb is said: "whats actually in one".
            let verbSaid = word != "what" && word != "things"
            if word != "things", isPlacing(words, at: start + 1, verbSaid: verbSaid) { return true }
            var place = start + 1
            while place < words.count, insertedWords.contains(words[place]) || auxiliaries.contains(words[place]) {
                if isPlacing(words, at: place, verbSaid: false) { return true }
                if verbSaid, place + 1 < words.count, isPlacing(words, at: place + 1, verbSaid: true) { return true }
                place += 1
            }
            if isPlacing(words, at: place, verbSaid: false) { return true }
        }
        return false
    }

    /// Whether the words from `place` say "goes in(to) …" or "written …"; when the verb is
    /// already said (`verbSaid`, after "what's") "in …" is enough: "whats in a support plan".
    static func isPlacing(_ words: [String], at place: Int, verbSaid: Bool) -> Bool {
        guard place < words.count else { return false }
        if participles.contains(words[place]) || includingVerbs.contains(words[place]) { return true }
        var next = place
        if !verbSaid {
            guard placingVerbs.contains(words[place]) else { return false }
            next += 1
            if next < words.count, words[next] == "actually" { next += 1 }
            if next < words.count, participles.contains(words[next]) { return true }
        }
        guard next < words.count, words[next] == "in" || words[next] == "into" else { return false }
        return next + 1 < words.count && !notADocument.contains(words[next + 1])
    }
}
