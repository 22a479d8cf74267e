/// Finds the SEND Code of Practice paragraphs and Children and Families Act 2014 sections that a
/// passage names (docs/CORPUS.md#code-of-practice-references).
///
/// A Code paragraph is *chapter.number*, chapter 1–11 (the Code's chapters), neither part with a
/// leading zero. It counts when it follows a keyword, or stands in parentheses holding nothing but
/// references:
///
/// | written as | gives |
/// | --- | --- |
/// | `paragraph 6.45`, `Para 6.2`, `para. 6.2`, `CoP 6.44`, `(CoP 6.65)` | `6.45` … |
/// | `paragraphs 5.48, 6.59, and 7.23`, `paras 6.1 and 6.2`, `paras 6.1–6.3` | each number |
/// | `(6.17)`, `SEND Code of Practice (6.65)`, `(6.17, 6.18)` | each number |
/// | `section 66`, `s66(2)`, `s66 (2)`, `s.66`, `sections 19 and 20` | `.act(section:subsection:)` |
///
/// Never a reference: a number followed by `%` or "per cent" ("11.9 %"), money ("£6,000"),
/// years, ages ("0-25"), "Chapter 6", list numbers ("1. "), a bare number outside parentheses
/// or in parentheses with other words ("(Figure 2.1)"), and "section 20 of the Equality Act".
/// Act sections are 1–139, the sections of the Act.
public enum CodeReferenceParser {
    /// The references `text` makes, in text order, repeats kept.
    ///
    /// - Complexity: O(*n*), *n* = the length of `text`.
    public static func references(in text: String) -> [CodeReference] {
        let tokens = ReferenceToken.tokenize(text)
        var references: [CodeReference] = []
        var index = 0
        while index < tokens.count {
            if let match = paragraphsAfterKeyword(tokens, at: index)
                ?? parenthesised(tokens, at: index)
                ?? actSections(tokens, at: index)
            {
                references += match.references
                index = match.end
            } else {
                index += 1
            }
        }
        return references
    }

    /// The Code paragraph in user input such as `6.45`, `para 6.45` or `CoP 6.45`, or nil.
    ///
    /// `normalizeParagraph("Para 6.45")` → `"6.45"`; `normalizeParagraph("12.1")` → nil.
    public static func normalizeParagraph(_ input: String) -> String? {
        let tokens = ReferenceToken.tokenize(input)
        let numbers = tokens.indices.filter { tokens[$0].kind == .number }
        guard numbers.count == 1, let number = numbers.first, isParagraph(tokens, at: number),
            tokens.allSatisfy({ $0.kind == .number || inputNoise.contains($0.text) })
        else { return nil }
        return tokens[number].text
    }

    // MARK: Rules

    private struct Match {
        let references: [CodeReference]
        /// The index of the first token after the match.
        let end: Int
    }

    private static let paragraphKeywords: Set<String> = ["paragraph", "paragraphs", "para", "paras", "cop"]
    private static let listSeparators: Set<String> = [",", ";", "&", "-", "–", "—", "and", "or", "to"]
    /// Words that may stand with the numbers in parentheses that hold only references.
    private static let referenceWords = paragraphKeywords.union(["send", "code", "of", "practice", "."])
    private static let inputNoise = referenceWords.union(["(", ")", "§"])
    /// The Children and Families Act 2014 has 139 sections.
    private static let actSectionRange = 1...139

    /// `paragraph 6.45`, `paras 6.1 and 6.2`, `CoP 6.44`, `Code of Practice 6.2`.
    private static func paragraphsAfterKeyword(_ tokens: [ReferenceToken], at index: Int) -> Match? {
        var next: Int
        if paragraphKeywords.contains(tokens[index].text) {
            next = index + 1
        } else if index + 2 < tokens.count, tokens[index].text == "code", tokens[index + 1].text == "of",
            tokens[index + 2].text == "practice"
        {
            next = index + 3
        } else {
            return nil
        }
        if next < tokens.count, tokens[next].text == "." || tokens[next].text == "," { next += 1 }
        if next < tokens.count, tokens[next].text == "(" { next += 1 }
        return paragraphList(tokens, from: next)
    }

    /// `6.1`, `6.1 and 6.2`, `5.48, 6.59, and 7.23`: the numbers from `start`.
    private static func paragraphList(_ tokens: [ReferenceToken], from start: Int) -> Match? {
        guard isParagraph(tokens, at: start) else { return nil }
        var references: [CodeReference] = [.codeOfPractice(paragraph: tokens[start].text)]
        var end = start + 1
        while true {
            var next = end
            while next < tokens.count, next - end < 2, listSeparators.contains(tokens[next].text) { next += 1 }
            guard next > end, isParagraph(tokens, at: next) else { break }
            references.append(.codeOfPractice(paragraph: tokens[next].text))
            end = next + 1
        }
        return Match(references: references, end: end)
    }

    /// `(6.17)`, `(6.17, 6.18)`, `(CoP 6.65)`: parentheses holding nothing but references.
    private static func parenthesised(_ tokens: [ReferenceToken], at index: Int) -> Match? {
        guard tokens[index].text == "(",
            let close = tokens[(index + 1)...].firstIndex(where: { $0.text == "(" || $0.text == ")" }),
            tokens[close].text == ")"
        else { return nil }
        var references: [CodeReference] = []
        for inner in (index + 1)..<close {
            let token = tokens[inner]
            if isParagraph(tokens, at: inner) {
                references.append(.codeOfPractice(paragraph: token.text))
            } else if token.kind == .number
                || !(referenceWords.contains(token.text) || listSeparators.contains(token.text))
            {
                return nil
            }
        }
        return references.isEmpty ? nil : Match(references: references, end: close + 1)
    }

    /// `section 66`, `sections 19 and 20`, `s66(2)`, `s66 (2)`, `s.66`; not `section 20 of the
    /// Equality Act`.
    private static func actSections(_ tokens: [ReferenceToken], at index: Int) -> Match? {
        let word = tokens[index].text
        var next = index + 1
        switch word {
        case "section", "sections":
            guard next < tokens.count, tokens[next].spaceBefore else { return nil }
        case "s":
            let afterApostrophe =
                index > 0 && !tokens[index].spaceBefore && ["'", "’"].contains(tokens[index - 1].text)
            guard !afterApostrophe, next < tokens.count else { return nil }
            if tokens[next].text == ".", !tokens[next].spaceBefore {
                next += 1
            } else if tokens[next].spaceBefore {
                return nil
            }
        default:
            return nil
        }
        guard let first = actSection(tokens, at: next) else { return nil }
        var references = [first.reference]
        var end = first.end
        while word == "sections" {
            var after = end
            while after < tokens.count, after - end < 2, listSeparators.contains(tokens[after].text) { after += 1 }
            guard after > end, let more = actSection(tokens, at: after) else { break }
            references.append(more.reference)
            end = more.end
        }
        return namesAnotherAct(tokens, from: end) ? nil : Match(references: references, end: end)
    }

    /// `66`, `66(2)` or `66 (2)` at `index`, and the index after it.
    private static func actSection(_ tokens: [ReferenceToken], at index: Int) -> (reference: CodeReference, end: Int)? {
        guard index < tokens.count, let section = tokens[index].integer, actSectionRange.contains(section),
            !isFollowedByPercentOrLetters(tokens, index)
        else { return nil }
        var subsection: String?
        var end = index + 1
        if end + 2 < tokens.count, tokens[end].text == "(", tokens[end + 1].integer != nil,
            tokens[end + 2].text == ")"
        {
            subsection = tokens[end + 1].text
            end += 3
        }
        return (.act(section: tokens[index].text, subsection: subsection), end)
    }

    /// True for `of the Equality Act`: an Act named after `of the` that is not this one.
    private static func namesAnotherAct(_ tokens: [ReferenceToken], from index: Int) -> Bool {
        guard index + 1 < tokens.count, tokens[index].text == "of", tokens[index + 1].text == "the" else {
            return false
        }
        var words: [String] = []
        for token in tokens.dropFirst(index + 2).prefix(8) {
            guard token.kind == .word else { return false }
            if token.text == "act" {
                return !words.isEmpty && !(words.contains("children") && words.contains("families"))
            }
            words.append(token.text)
        }
        return false
    }

    // MARK: Numbers

    /// True when the token at `index` is a Code paragraph, chapter 1–11, not a percentage.
    private static func isParagraph(_ tokens: [ReferenceToken], at index: Int) -> Bool {
        guard index < tokens.count, tokens[index].kind == .number else { return false }
        let parts = tokens[index].text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let chapter = Int(parts[0]), (1...11).contains(chapter),
            !parts[0].hasPrefix("0"), !parts[1].hasPrefix("0"), (1...3).contains(parts[1].count)
        else { return false }
        return !isFollowedByPercentOrLetters(tokens, index)
    }

    /// True for `11.9 %`, `2.1%`, `5 per cent`, `1.5m`: a number that is not a reference.
    private static func isFollowedByPercentOrLetters(_ tokens: [ReferenceToken], _ index: Int) -> Bool {
        guard index + 1 < tokens.count else { return false }
        let next = tokens[index + 1]
        if next.text == "%" || next.text == "percent" { return true }
        if next.kind == .word && !next.spaceBefore { return true }
        return next.text == "per" && index + 2 < tokens.count && tokens[index + 2].text == "cent"
    }
}
