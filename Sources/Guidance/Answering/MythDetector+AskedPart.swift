/// Which part of a question asks, as the myth check reads it: after sentences of context, the
/// closing open or yes/no question, or the closing clause after a comma or dash; and after a
/// condition, the question it leads to. The rest is context, whose words describe rather
/// than presume (MythDetector+Wording.swift reads how the asked part is worded).
extension MythDetector {
    /// The part of `text` that asks, folded (``QuestionReading/foldForCues(_:)``): the closing
    /// open question (``finalOpenQuestion(_:)``), else the closing yes/no question
    /// (``finalYesNoQuestion(_:)``), else the closing yes/no clause after context that only
    /// describes (``finalYesNoClause(in:)``), else the whole; read from the question after a
    /// condition (``mainClauseAfterACondition(_:)``). The sentences are split once for all
    /// three; `folded` is the whole already folded.
    static func askedPart(of text: String, folded: String) -> String {
        let sentences = QuestionReading.sentences(of: text)
        let closing = finalOpenQuestion(in: sentences) ?? finalYesNoQuestion(in: sentences) ?? finalYesNoClause(in: sentences)
        return mainClauseAfterACondition(closing.map(QuestionReading.foldForCues) ?? folded)
    }

    /// The last sentence of a question of several sentences when it is an open question
    /// ("… the school says it's easier. Who decides what he needs?"), or the part of the
    /// last sentence after its last comma or dash when that is one ("If the diagnosis doesn't
    /// decide what help he gets, what is the school supposed to be looking at?", "There isn't
    /// a SENCo as such – who is supposed to assess his needs?"), an opening "so", "and",
    /// "but" or "then" set aside: what the asker asks, after the context they give; nil
    /// otherwise.
    static func finalOpenQuestion(_ text: String) -> String? {
        finalOpenQuestion(in: QuestionReading.sentences(of: text))
    }

    static func finalOpenQuestion(in sentences: [String]) -> String? {
        guard let last = sentences.last else { return nil }
        if let mark = lastClauseMark(in: last) {
            let after = String(last[last.index(after: mark)...])
            let foldedAfter = withoutOpeningConjunction(QuestionReading.foldForCues(after))
            let relative = foldedAfter.hasPrefix(" which ")
                && opensARelativeClause(String(foldedAfter.split(separator: " ").dropFirst().first ?? ""))
            if !relative, asksOpenly(foldedAfter) { return withoutOpeningConjunction(text: after) }
        }
        guard sentences.count >= 2 else { return nil }
        return asksOpenly(withoutOpeningConjunction(QuestionReading.foldForCues(last))) ? withoutOpeningConjunction(text: last) : nil
    }

    /// An open question, "why" included: a closing "why" question asks too.
    private static func asksOpenly(_ folded: String) -> Bool {
        isOpenQuestion(folded) || folded.hasPrefix(" why ")
    }

    /// The last comma or dash of `sentence`, after which its closing clause may ask on its
    /// own. A hyphen is a dash only between spaces, not inside a word
    /// ("assess-plan-do-review").
    static func lastClauseMark(in sentence: String) -> String.Index? {
        var index = sentence.endIndex
        while index > sentence.startIndex {
            index = sentence.index(before: index)
            if isClauseMark(in: sentence, at: index) { return index }
        }
        return nil
    }

    /// Whether the character at `index` of `text` closes a clause: a comma, an en or em dash,
    /// or a hyphen between spaces.
    static func isClauseMark(in text: String, at index: String.Index) -> Bool {
        let character = text[index]
        if character == "," || character == "\u{2013}" || character == "\u{2014}" { return true }
        guard character == "-", index > text.startIndex, text.index(after: index) < text.endIndex else { return false }
        return text[text.index(before: index)] == " " && text[text.index(after: index)] == " "
    }

    /// `text` split at its clause marks (``isClauseMark(in:at:)``), the marks left out.
    static func clauses(of text: String) -> [Substring] {
        var clauses: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            if isClauseMark(in: text, at: index) {
                clauses.append(text[start..<index])
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        clauses.append(text[start...])
        return clauses
    }

    /// Conjunctions a closing clause may open with ("…, so who is meant to assess her?", "And
    /// shouldn't someone have told me?").
    static let openingConjunctions = [" so ", " and ", " but ", " then "]

    /// `folded` without an opening conjunction (``openingConjunctions``).
    static func withoutOpeningConjunction(_ folded: String) -> String {
        for conjunction in openingConjunctions where folded.hasPrefix(conjunction) {
            return String(folded.dropFirst(conjunction.count - 1))
        }
        return folded
    }

    /// `text` as typed without its first word when that is a conjunction
    /// (``openingConjunctions``).
    static func withoutOpeningConjunction(text: String) -> String {
        let trimmed = text.drop { $0 == " " }
        guard let end = trimmed.firstIndex(of: " "),
            openingConjunctions.contains(" \(trimmed[..<end].lowercased()) ")
        else { return text }
        return " " + trimmed[trimmed.index(after: end)...]
    }

    /// The last sentence of a question of several sentences when it is a yes/no question
    /// standing on its own ("My daughter is 6 and can't manage buttons when they change for
    /// PE. Can SEN support include help with dressing?"): what the asker asks, after the
    /// context they give, whose "can't" describes the child rather than presuming. Nil
    /// otherwise, and for a question about the context itself ("… Is that the rule?", "…
    /// Does that mean she'll have to leave?"), which puts the context up to be checked.
    static func finalYesNoQuestion(_ text: String) -> String? {
        finalYesNoQuestion(in: QuestionReading.sentences(of: text))
    }

    static func finalYesNoQuestion(in sentences: [String]) -> String? {
        guard sentences.count >= 2, let last = sentences.last else { return nil }
        let words = QuestionReading.foldForCues(last).split(separator: " ")
        guard let first = words.first, polarOpeners.contains(" \(first) ") else { return nil }
        // One offering a choice ("… Is that something different, or did the old system just
        // get replaced?") asks which, whatever it points back to.
        return asksAboutTheContext(words, context: QuestionReading.foldForCues(sentences.dropLast().joined(separator: " ")))
            && !offersAlternative(last) ? nil : last
    }

    /// Whether a closing yes/no question (its folded `words`) puts its `context` up to be
    /// checked: "that" or "this" second ("… Is that the rule?", "… Does that mean she'll have
    /// to leave?"), unless it asks whether what the context describes is SEN or SEN Support
    /// ("he still needs help with the toilet. does that count as SEN?") after context that
    /// reports no one's claim.
    static func asksAboutTheContext(_ words: [Substring], context: @autoclosure () -> String) -> Bool {
        guard words.dropFirst().first.map({ ["that", "this"].contains($0) }) == true else { return false }
        let namesSEN = words.contains { senWords.contains($0) } && !words.contains { $0 == "mean" || $0 == "means" }
        return !namesSEN || reportsAClaim(context())
    }
    static let senWords: Set<Substring> = ["sen", "send", "support", "special", "needs"]

    /// For a question opening with a condition ("if the school can't afford all the support
    /// he needs can they go to the council for more money?"), the question that follows it,
    /// from its first verb before a pronoun ("can they …"): the condition supposes rather
    /// than claims. "Then" opens that question when it is said ("if he hasn't got his own TA
    /// then he isn't really on SEN support, is he"), and a closing tag ("is he") is not it.
    /// `folded` itself otherwise.
    static func mainClauseAfterACondition(_ folded: String) -> String {
        guard folded.hasPrefix(" if ") else { return folded }
        let words = folded.split(separator: " ")
        if let then = words.firstIndex(of: "then"), then + 1 < words.count {
            return " " + words[(then + 1)...].joined(separator: " ") + " "
        }
        for index in words.indices.dropFirst().dropLast(2) {
            let (verb, subject) = (String(words[index]), String(words[index + 1]))
            // "… the school has to do it same as an EHCP": after "to" a verb is an infinitive.
            if words[index - 1] == "to" { continue }
            if (modalVerbs.contains(verb) || auxiliaryVerbs.contains(verb)) && pronounSubjects.contains(subject) {
                return " " + words[index...].joined(separator: " ") + " "
            }
        }
        return folded
    }

    /// The clause after the last comma or dash of a question when it is a yes/no question of
    /// four words or more and what comes before it only describes ("he has no one to play
    /// with at break, can SEN support help with that"): nil when the text before it opens as
    /// an open question ("where can I read up on EHCNAs – does IPSEA have info") or itself
    /// presumes ("there's nothing they can do until she has an EHCP, so do I just wait?"),
    /// and for a clause about the context ("…, is that right?").
    static func finalYesNoClause(in sentences: [String]) -> String? {
        guard let last = sentences.last, let mark = lastClauseMark(in: last) else { return nil }
        let after = String(last[last.index(after: mark)...])
        let words = withoutOpeningConjunction(QuestionReading.foldForCues(after)).split(separator: " ")
        guard words.count >= 4, let first = words.first, polarOpeners.contains(" \(first) ") else { return nil }
        let before = QuestionReading.foldForCues(sentences.dropLast().joined(separator: " ") + " " + last[..<mark])
        guard !asksAboutTheContext(words, context: before) else { return nil }
        return isOpenQuestion(before) || hasPresumptionCue(withoutTheChildsDoings(before)) ? nil : withoutOpeningConjunction(text: after)
    }

    /// `folded` with what the child or other children will not or cannot do ("the other kids
    /// won't play with him", "she can't follow instructions") told plainly: that describes the
    /// child; only a "won't" or "can't" of the school's presumes.
    static func withoutTheChildsDoings(_ folded: String) -> String {
        var text = folded
        for subject in childSubjects {
            for negation in [" won't ", " can't ", " cannot ", " doesn't ", " don't ", " isn't "] {
                text = text.replacing(subject + negation, with: subject + " does ")
            }
        }
        return text
    }
    static let childSubjects = [" he", " she", " kids", " children", " son", " daughter", " boy", " girl", " pupils"]
}
