/// Corrects misspelt words against the words the guidance itself uses.
///
/// A word is left alone when the corpus uses it, when it is a real English word (the list in
/// `Corpus/english-words.txt`) or a plain inflection of one ("spotting", "providers", "fined"),
/// when it is a stop word, or when it is short (three letters or fewer) or holds a digit. A
/// four- or five-letter word that is a known word with one vowel left out inside it is read as
/// that word ("ment" → "meant"). A short word that starts a common corpus word is an
/// abbreviation and is completed ("supp" → "support"). Otherwise the closest known word within
/// one edit (two for words of eight letters or more; a swap of neighbours counts as one edit)
/// and beginning alike (``startsAlike(_:_:)``) replaces it, preferring the word the corpus uses
/// most; ties keep the first in alphabetical order, so the result is deterministic. Before that search, a word that
/// misses one letter of a double in a known word is read as that word ("actualy" is "actually",
/// not "actual"; "leter" is "letter", not "later"): dropping one of a double is the commonest
/// slip. A "-tion" ending written as it sounds ("definishun") is read as "-tion" first.
public struct SpellingCorrector: Sendable {
    /// Known words and how often the corpus uses them.
    let frequencies: [String: Int]
    /// Known words grouped by length, for cheap candidate lookup.
    let wordsByLength: [Int: [String]]

    /// Real words outside the corpus ("daughter", "week"), never corrected.
    let englishWords: Set<String>

    /// Words outside the corpus that a misspelling is read as only when it misses one of their
    /// doubled letters ("actualy" → "actually"): everyday words around a question, which
    /// should not pull a new word such as "wifi" to "wife".
    let undoublingWords: Set<String>

    public init(knownWords: [String: Int], englishWords: Set<String> = [], undoublingWords: Set<String> = []) {
        self.frequencies = knownWords
        self.englishWords = englishWords
        self.undoublingWords = undoublingWords
        var byLength: [Int: [String]] = [:]
        for word in knownWords.keys.sorted() { byLength[word.count, default: []].append(word) }
        self.wordsByLength = byLength
    }

    /// The known word closest to `word` (lowercase), or nil when `word` is known or nothing is
    /// close enough.
    public func correction(for word: String) -> String? {
        guard frequencies[word] == nil, !englishWords.contains(word), word.count >= 3,
            word.allSatisfy({ $0.isLetter || $0 == "'" })
        else { return nil }
        // Before completion: "ment" is "meant" with its vowel left out, not the start of "mental".
        if let restored = vowelRestoring(word) { return restored }
        if let completion = completion(of: word) { return completion }
        guard word.count >= 4 else { return nil }
        if let respelled = phoneticRespelling(word) { return respelled }
        // Before the inflection check: "assesing" is "asses" + "ing" as well as "assessing"
        // with an "s" left out, and the slip is the likelier reading.
        if let undoubled = undoubling(word) { return undoubled }
        if isInflectionOfKnownWord(word) { return nil }
        let maximumDistance = word.count >= 8 ? 2 : 1
        var best: (word: String, distance: Int, frequency: Int)?
        let characters = Array(word)
        for length in (word.count - maximumDistance)...(word.count + maximumDistance) {
            for candidate in wordsByLength[length] ?? [] where SpellingCorrector.startsAlike(characters, candidate) {
                let distance = SpellingCorrector.editDistance(characters, Array(candidate), limit: maximumDistance)
                guard distance <= maximumDistance else { continue }
                let frequency = frequencies[candidate] ?? 0
                if let current = best,
                    current.distance < distance || (current.distance == distance && current.frequency >= frequency)
                {
                    continue
                }
                best = (candidate, distance, frequency)
            }
        }
        return best?.word
    }

    /// A short word that begins a word the corpus uses at least twice, two or more letters
    /// longer — an abbreviation such as "supp", "coll" or "sch" — completed to the most used
    /// such word ("support", "college", "school").
    func completion(of word: String) -> String? {
        guard (3...5).contains(word.count) else { return nil }
        var best: (word: String, frequency: Int)?
        for (length, candidates) in wordsByLength where length >= word.count + 2 {
            for candidate in candidates where candidate.hasPrefix(word) {
                let frequency = frequencies[candidate] ?? 0
                guard frequency >= 2 else { continue }
                if let current = best, current.frequency > frequency || (current.frequency == frequency && current.word < candidate) {
                    continue
                }
                best = (candidate, frequency)
            }
        }
        return best?.word
    }

    /// The known or real English word that `word` (four or five letters) is with one vowel
    /// left out, the one the corpus uses most if several ("ment" → "meant", not the start of
    /// "mental"): a short word missing a vowel is a slip more often than an abbreviation, which
    /// keeps the word's opening letters ("supp", "coll").
    func vowelRestoring(_ word: String) -> String? {
        guard (4...5).contains(word.count) else { return nil }
        let characters = Array(word)
        // Inside the word only: "psych" is "psychologist" cut short, not "psyche".
        let candidates = (1..<characters.count).flatMap { index in
            "aeiou".map { vowel in
                var candidate = characters
                candidate.insert(vowel, at: index)
                return String(candidate)
            }
        }
        return mostUsed(candidates, besides: englishWords)
    }

    /// The known or real English word `word` is when its ending is written as it sounds:
    /// "definishun" is "definition", "educashon" is "education". Three edits away, beyond the
    /// edit search, and a common way parents misspell the guidance's long words.
    func phoneticRespelling(_ word: String) -> String? {
        let candidates = SpellingCorrector.soundSpellings.filter { word.contains($0.sound) }.map {
            word.replacing($0.sound, with: $0.spelling)
        }
        return mostUsed(candidates, besides: englishWords)
    }
    static let soundSpellings: [(sound: String, spelling: String)] = [
        ("shun", "tion"), ("shon", "tion"), ("shen", "tion"), ("chun", "tion"),
    ]

    /// The known word that `word` is with one letter of a doubled pair left out, the most used
    /// if several ("leter" → "letter").
    func undoubling(_ word: String) -> String? {
        let characters = Array(word)
        let candidates = characters.indices.map { index in
            var candidate = characters
            candidate.insert(characters[index], at: index)
            return String(candidate)
        }
        return mostUsed(candidates, besides: undoublingWords)
    }

    /// The candidate the corpus uses most, counting `others` (words outside the corpus) as
    /// used no times; ties keep the first in alphabetical order. Nil when none is known.
    func mostUsed(_ candidates: [String], besides others: Set<String>) -> String? {
        var best: (word: String, frequency: Int)?
        for spelled in candidates {
            guard let frequency = frequencies[spelled] ?? (others.contains(spelled) ? 0 : nil) else { continue }
            if let current = best, current.frequency > frequency || (current.frequency == frequency && current.word < spelled) {
                continue
            }
            best = (spelled, frequency)
        }
        return best?.word
    }

    /// Whether `candidate` begins as `word` does: the same first letter, or the first two
    /// swapped ("hwo", "how"). People rarely mistype a word's first letter, and a candidate
    /// that changes it is most often another word altogether ("nite" is not "site", "mutism"
    /// not "autism").
    static func startsAlike(_ word: [Character], _ candidate: String) -> Bool {
        guard let first = word.first, let candidateFirst = candidate.first else { return false }
        if first == candidateFirst { return true }
        let start = Array(candidate.prefix(2))
        return word.count >= 2 && start.count == 2 && word[0] == start[1] && word[1] == start[0]
    }

    /// Whether `word` (lowercase) is a real English word or a plain inflection of one or of a
    /// corpus word ("refusing").
    func isRealWord(_ word: String) -> Bool {
        englishWords.contains(word) || isInflectionOfKnownWord(word)
    }

    /// Whether `word` is a known word with a plain English ending added: "-s", "-es", "-ies",
    /// "-ed", "-ing", "-er", "-ers" or "-ly", allowing for a dropped "e" ("fined") and a
    /// doubled last letter ("spotting"). The English list holds base forms far more fully than
    /// their inflections, so without this "spotting" was "corrected" to "setting".
    func isInflectionOfKnownWord(_ word: String) -> Bool {
        let endings: [(ending: String, replacement: String)] = [
            ("ies", "y"), ("ied", "y"), ("ers", ""), ("ing", ""), ("es", ""), ("ed", ""), ("er", ""), ("ly", ""), ("s", ""),
        ]
        for (ending, replacement) in endings where word.hasSuffix(ending) {
            let stem = String(word.dropLast(ending.count))
            // "carer" and "providers" are "care" and "provide" + "r(s)"; "governers" is not
            // "govern" + "ers" but a misspelt "governors".
            let isAgent = ending == "er" || ending == "ers"
            var bases = isAgent ? [] : [stem + replacement]
            if replacement.isEmpty {
                bases.append(stem + "e")
                if !isAgent, let last = stem.last, stem.dropLast().last == last { bases.append(String(stem.dropLast())) }
            }
            if bases.contains(where: { $0.count >= 4 && (frequencies[$0] != nil || englishWords.contains($0)) }) {
                return true
            }
        }
        return false
    }

    /// Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), stopping
    /// early once every path exceeds `limit`.
    static func editDistance(_ left: [Character], _ right: [Character], limit: Int) -> Int {
        if abs(left.count - right.count) > limit { return limit + 1 }
        var previousPrevious = [Int](repeating: 0, count: right.count + 1)
        var previous = Array(0...right.count)
        var current = [Int](repeating: 0, count: right.count + 1)
        for i in 1...max(left.count, 1) where !left.isEmpty {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...max(right.count, 1) where !right.isEmpty {
                let cost = left[i - 1] == right[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, left[i - 1] == right[j - 2], left[i - 2] == right[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return left.isEmpty ? right.count : previous[right.count]
    }
}
