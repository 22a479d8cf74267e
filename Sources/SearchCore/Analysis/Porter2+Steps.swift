// Porter2 (Snowball English) stemmer: the suffix-removal steps, run in order on a Word.
// Algorithm: https://snowballstem.org/algorithms/english/stemmer.html (Snowball 3.0 revision).

extension Porter2.Word {
    private typealias Letter = Porter2.Letter

    /// Runs steps 0 to 5 in order; each step does at most one replacement.
    mutating func removeSuffixes() {
        step0()
        step1a()
        step1b()
        step1c()
        step2()
        step3()
        step4()
        step5()
    }

    /// Step 0: removes the longest of the possessive endings `'s'`, `'s` and `'`.
    private mutating func step0() {
        guard letters.last == Letter.apostrophe || letters.last == Letter.s else { return }
        for suffix: StaticString in ["'s'", "'s", "'"] where hasSuffix(suffix) {
            letters.removeLast(suffix.utf8CodeUnitCount)
            return
        }
    }

    /// Step 1a: plural `-s` endings.
    ///
    /// `sses` becomes `ss`; `ied` and `ies` become `i` after two or more letters and `ie`
    /// after one (`cries` → `cri`, `ties` → `tie`); `us` and `ss` stay; a final `s` goes
    /// if a vowel comes before the letter preceding it (`gaps` → `gap`, `gas` stays).
    private mutating func step1a() {
        guard letters.last == Letter.s || letters.last == Letter.d else { return }
        if hasSuffix("sses") {
            letters.removeLast(2)
        } else if hasSuffix("ied") || hasSuffix("ies") {
            replaceSuffix(length: 3, with: letters.count > 4 ? "i" : "ie")
        } else if hasSuffix("us") || hasSuffix("ss") {
            return
        } else if hasSuffix("s"), hasVowel(before: letters.count - 2) {
            letters.removeLast()
        }
    }

    /// Step 1b: the verb endings `eed`, `ed` and `ing`, alone or followed by `ly`.
    ///
    /// `eed(ly)` becomes `ee` when in R1, except in `proceed`, `exceed` and `succeed`.
    /// `ed(ly)` and `ing(ly)` are deleted when a vowel comes before them; then `at`, `bl`
    /// and `iz` gain an `e` (`luxuriated` → `luxuriate`), a final double consonant is
    /// undoubled (`hopping` → `hop`, but not `added`), or a short word gains an `e`
    /// (`hoping` → `hope`). A few `-ing` words are exceptions: a non-vowel plus `ying`
    /// becomes `ie` (`dying` → `die`), and `inning`, `outing`, `canning`, `herring`,
    /// `earring` and `evening` stay.
    private mutating func step1b() {
        guard letters.last == Letter.d || letters.last == Letter.g || letters.last == Letter.y
        else { return }
        for suffix: StaticString in ["eedly", "eed"] where hasSuffix(suffix) {
            let start = letters.count - suffix.utf8CodeUnitCount
            let isException = ["proc", "exc", "succ"].contains { (stem: StaticString) in
                stem.utf8CodeUnitCount == start && hasLetters(stem, at: 0)
            }
            if !isException, start >= r1 {
                replaceSuffix(length: suffix.utf8CodeUnitCount, with: "ee")
            }
            return
        }
        let length: Int
        if hasSuffix("ingly") {
            length = 5
        } else if hasSuffix("edly") {
            length = 4
        } else if hasSuffix("ing") {
            if handledIngException() { return }
            length = 3
        } else if hasSuffix("ed") {
            length = 2
        } else {
            return
        }
        guard hasVowel(before: letters.count - length) else { return }
        letters.removeLast(length)
        if hasSuffix("at") || hasSuffix("bl") || hasSuffix("iz") {
            letters.append(Letter.e)
        } else if endsWithUndoublableDouble() {
            // Not after exactly `a`, `e` or `o`: `added`, `egged` and `offing` keep theirs.
            let isThreeLetters =
                letters.count == 3 && [Letter.a, Letter.e, Letter.o].contains(letters[0])
            if !isThreeLetters { letters.removeLast() }
        } else if letters.count == r1, endsWithShortSyllable(before: letters.count) {
            letters.append(Letter.e)
        }
    }

    /// Applies the exceptional `-ing` forms of step 1b; returns whether the word was one.
    private mutating func handledIngException() -> Bool {
        let stemLength = letters.count - 3
        if stemLength == 2, letters[1] == Letter.y, !Self.isVowel(letters[0]) {
            replaceSuffix(length: 4, with: "ie")  // dying → die, lying → lie, tying → tie
            return true
        }
        return ["inn", "out", "cann", "herr", "earr", "even"].contains { (stem: StaticString) in
            stem.utf8CodeUnitCount == stemLength && hasLetters(stem, at: 0)
        }
    }

    /// Whether the word ends with one of `bb dd ff gg mm nn pp rr tt`.
    private func endsWithUndoublableDouble() -> Bool {
        guard letters.count >= 2, letters[letters.count - 1] == letters[letters.count - 2] else {
            return false
        }
        return "bdfgmnprt".utf8.contains(letters[letters.count - 1])
    }

    /// Step 1c: a final `y` becomes `i` after a non-vowel that is not the first letter
    /// (`cry` → `cri`, but `by` and `say` stay).
    private mutating func step1c() {
        let count = letters.count
        guard count >= 3, letters[count - 1] == Letter.y || letters[count - 1] == Letter.capitalY,
            !Self.isVowel(letters[count - 2])
        else { return }
        letters[count - 1] = Letter.i
    }

    /// Step 2: derivational suffixes in R1, such as `ational` → `ate` and `fulness` → `ful`.
    private mutating func step2() {
        replaceLongestSuffix(from: Self.step2Rules, inRegionFrom: r1)
    }

    /// Step 3: derivational suffixes in R1, such as `alize` → `al` and `ness` → nothing.
    private mutating func step3() {
        replaceLongestSuffix(from: Self.step3Rules, inRegionFrom: r1)
    }

    /// Step 4: suffixes deleted when in R2, such as `ance`, `ment` and (after `s` or `t`)
    /// `ion`.
    private mutating func step4() {
        replaceLongestSuffix(from: Self.step4Rules, inRegionFrom: r2)
    }

    /// Step 5: a final `e` goes when in R2, or in R1 and not after a short syllable; a
    /// final `l` goes when in R2 and after another `l`.
    private mutating func step5() {
        guard let last = letters.last else { return }
        let start = letters.count - 1
        if last == Letter.e {
            if start >= r2 || (start >= r1 && !endsWithShortSyllable(before: start)) {
                letters.removeLast()
            }
        } else if last == Letter.l, start >= r2, start >= 1, letters[start - 1] == Letter.l {
            letters.removeLast()
        }
    }

    // MARK: Suffix tables for steps 2 to 4

    /// A suffix, what replaces it, and any test beyond being in the step's region.
    private struct SuffixRule {
        enum Condition {
            case always
            /// The letter before the suffix is one of these.
            case after(StaticString)
            /// The suffix is in R2 as well.
            case inR2
        }

        let suffix: StaticString
        let replacement: StaticString
        let condition: Condition
        /// The suffix's final letter, compared first to rule most suffixes out cheaply.
        let lastLetter: UInt8

        init(suffix: StaticString, replacement: StaticString, condition: Condition = .always) {
            self.suffix = suffix
            self.replacement = replacement
            self.condition = condition
            lastLetter = suffix.withUTF8Buffer { $0.last ?? 0 }
        }
    }

    /// Finds the longest suffix in `rules` that the word ends with and, if it starts at or
    /// after `regionStart` and meets its condition, replaces it.
    ///
    /// A shorter suffix is never tried once a longer one matched, as in Snowball's `among`.
    private mutating func replaceLongestSuffix(
        from rules: [SuffixRule], inRegionFrom regionStart: Int
    ) {
        guard let last = letters.last,
            let rule = rules.first(where: { $0.lastLetter == last && hasSuffix($0.suffix) })
        else { return }
        let length = rule.suffix.utf8CodeUnitCount
        let start = letters.count - length
        guard start >= regionStart else { return }
        switch rule.condition {
        case .always:
            break
        case .after(let allowed):
            guard start > 0, allowed.withUTF8Buffer({ $0.contains(letters[start - 1]) }) else {
                return
            }
        case .inR2:
            guard start >= r2 else { return }
        }
        replaceSuffix(length: length, with: rule.replacement)
    }

    /// Orders rules longest suffix first, so that the first match is the longest.
    private static func longestFirst(_ rules: [SuffixRule]) -> [SuffixRule] {
        rules.sorted { $0.suffix.utf8CodeUnitCount > $1.suffix.utf8CodeUnitCount }
    }

    private static let step2Rules = longestFirst([
        SuffixRule(suffix: "tional", replacement: "tion"),
        SuffixRule(suffix: "enci", replacement: "ence"),
        SuffixRule(suffix: "anci", replacement: "ance"),
        SuffixRule(suffix: "abli", replacement: "able"),
        SuffixRule(suffix: "entli", replacement: "ent"),
        SuffixRule(suffix: "izer", replacement: "ize"),
        SuffixRule(suffix: "ization", replacement: "ize"),
        SuffixRule(suffix: "ational", replacement: "ate"),
        SuffixRule(suffix: "ation", replacement: "ate"),
        SuffixRule(suffix: "ator", replacement: "ate"),
        SuffixRule(suffix: "alism", replacement: "al"),
        SuffixRule(suffix: "aliti", replacement: "al"),
        SuffixRule(suffix: "alli", replacement: "al"),
        SuffixRule(suffix: "fulness", replacement: "ful"),
        SuffixRule(suffix: "ousli", replacement: "ous"),
        SuffixRule(suffix: "ousness", replacement: "ous"),
        SuffixRule(suffix: "iveness", replacement: "ive"),
        SuffixRule(suffix: "iviti", replacement: "ive"),
        SuffixRule(suffix: "biliti", replacement: "ble"),
        SuffixRule(suffix: "bli", replacement: "ble"),
        SuffixRule(suffix: "ogist", replacement: "og"),
        SuffixRule(suffix: "ogi", replacement: "og", condition: .after("l")),
        SuffixRule(suffix: "fulli", replacement: "ful"),
        SuffixRule(suffix: "lessli", replacement: "less"),
        // A "valid li-ending": only these letters lose a following `li`.
        SuffixRule(suffix: "li", replacement: "", condition: .after("cdeghkmnrt")),
    ])

    private static let step3Rules = longestFirst([
        SuffixRule(suffix: "tional", replacement: "tion"),
        SuffixRule(suffix: "ational", replacement: "ate"),
        SuffixRule(suffix: "alize", replacement: "al"),
        SuffixRule(suffix: "icate", replacement: "ic"),
        SuffixRule(suffix: "iciti", replacement: "ic"),
        SuffixRule(suffix: "ical", replacement: "ic"),
        SuffixRule(suffix: "ful", replacement: ""),
        SuffixRule(suffix: "ness", replacement: ""),
        SuffixRule(suffix: "ative", replacement: "", condition: .inR2),
    ])

    private static let step4Rules = longestFirst(
        [
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism",
            "ate", "iti", "ous", "ive", "ize",
        ].map { SuffixRule(suffix: $0, replacement: "") }
            + [SuffixRule(suffix: "ion", replacement: "", condition: .after("st"))]
    )
}
