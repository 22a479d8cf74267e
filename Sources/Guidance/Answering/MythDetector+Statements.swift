import SearchCore

/// Telling a statement from a question, as the myth check reads it: a statement ending in a
/// tag ("…, do we?"), a claim in shorthand ("no diagnosis = no support"), a plain sentence
/// stating something, a statement typed with a question mark, and a question word inside a
/// statement ("it's up to the school what goes into his support"). A statement is put up for
/// confirmation as a question ending "right?" is. Pure functions of the folded question
/// (``QuestionReading/foldForCues(_:)``), with the word lists they use.
extension MythDetector {
    /// True when a statement ends with a tag, with or without its question mark ("… we don't
    /// get a say in the outcomes, do we", "… he isn't really on SEN support at all is he"):
    /// an auxiliary verb and a pronoun closing a text that does not open as a question.
    static func endsWithATag(_ folded: String) -> Bool {
        endsWithATagWord(folded) && !(openQuestionOpeners + polarOpeners + statementQuestionOpeners).contains(where: { folded.hasPrefix($0) })
            && !asksWithAQuestionWord(folded.split(separator: " ").map { $0.hasSuffix("?") ? $0.dropLast() : $0 })
    }

    /// True when `folded` closes with an auxiliary verb and a pronoun ("… doesn't it?"),
    /// however it opens.
    static func endsWithATagWord(_ folded: String) -> Bool {
        let words = folded.split(separator: " ").map { $0.hasSuffix("?") ? $0.dropLast() : $0 }
        guard words.count >= 4, let pronoun = words.last, pronounSubjects.contains(String(pronoun)) else { return false }
        let verb = words[words.count - 2]
        // "… before they do it" ends on a verb and its object, not a tag.
        return tagVerbs.contains(verb) && !(pronoun == "it" && ["do", "does", "did"].contains(verb))
    }

    /// True when a "when" clause leads into a statement closed by a tag ("When he moves to
    /// college his SEN support just stops, doesn't it?"): "when" says when, and the tag puts
    /// the statement up. "When" followed by a verb ("when do they review it, do they?") asks.
    static func whenClauseEndsWithATag(_ folded: String) -> Bool {
        guard folded.hasPrefix(" when "), endsWithATagWord(folded) else { return false }
        guard let second = folded.split(separator: " ").dropFirst().first else { return false }
        return !tagVerbs.contains(second) && !questionVerbs.contains(second)
    }
    static let tagVerbs: Set<Substring> = [
        "do", "don't", "does", "doesn't", "is", "isn't", "are", "aren't", "can", "can't", "will", "won't", "would",
        "wouldn't", "should", "shouldn't", "have", "haven't", "has", "hasn't", "did", "didn't", "was", "wasn't", "am",
        "could", "couldn't",
    ]

    /// True when the question sets one thing equal to another with "=" ("no diagnosis = no
    /// support", "more SEN pupils = bigger SEN budget?"): a claim in shorthand, put up for
    /// confirmation as a statement is. "SMART targets = ?" asks.
    static func equatesTwoThings(_ text: String) -> Bool {
        for sentence in QuestionReading.sentences(of: text) {
            let sides = sentence.split(separator: "=", omittingEmptySubsequences: false)
            guard sides.count == 2 else { continue }
            if sides.allSatisfy({ $0.contains(where: \.isLetter) }) { return true }
        }
        return false
    }

    /// True when the question is a plain sentence stating something: no question mark, no
    /// question word, and written as a sentence (four or more small words such as "the",
    /// "is", "it") rather than as search keywords ("6.59 specialist involvement recorded and
    /// shared with parents"). A statement is put up for confirmation, like a question ending
    /// "right?": "The school is legally obliged to deliver everything in the plan."
    static func isStatement(_ folded: String, analyzer: Analyzer) -> Bool {
        guard !folded.includes("?") else { return false }
        // About the asker's own child or family ("my son is on the SEN register", "he is 4
        // and at nursery") a statement describes: context, not a claim, unless a word makes
        // it one ("… so she can't have SEN", "I'm assuming it has the same duties").
        if familyOpeners.contains(where: { folded.hasPrefix($0) }), !makesAClaim(folded) { return false }
        guard !hasInvertedWordOrder(folded) else { return false }
        return isWrittenAsStatement(folded, analyzer: analyzer)
    }

    /// True for a statement typed with a question mark at the end ("SEN funding - the school
    /// gets money per pupil on the register, so the more on it the more they get?"): a
    /// declarative question, which puts the statement up to be confirmed as a yes/no question
    /// does, and is judged like one (``polarMatch``). No verb that could open a question
    /// ("is", "can", "does" …) anywhere in it as a question would, and no clause of `text` (the
    /// question as typed) opening as one, so that an inverted question after some context
    /// ("SEN support plan - is it legally binding?") is not read as one.
    static func isDeclarativeQuestion(_ folded: String, text: String, analyzer: Analyzer) -> Bool {
        var body = Substring(folded)
        while body.last == " " { body.removeLast() }
        guard body.last == "?" else { return false }
        // "… same as an ehcp??": one question mark or several.
        while body.last == "?" || body.last == " " { body.removeLast() }
        let statement = String(body) + " "
        guard !statement.contains("?"), !opensAQuestionInside(statement), !clauseOpensAQuestion(text) else { return false }
        return isWrittenAsStatement(statement, analyzer: analyzer)
    }

    /// True when a clause of `text` (as typed, split at its commas and dashes:
    /// ``clauses(of:)``) opens with "is" or "are" before a pronoun or determiner ("SEN
    /// support plan – is the school bound by it?"). Inside a clause "is the" states: "so 6k
    /// is the most a school can ever spend?".
    static func clauseOpensAQuestion(_ text: String) -> Bool {
        // A sentence is a clause too: "She needs help with toileting. Is that something SEN
        // support covers?" asks.
        // A sentence opening with a question word or a verb asks, whatever follows: "… they
        // don't seem to have a SENCo. Who is meant to assess what he needs?", "… getting changed
        // for PE. Is helping him with that part of SEN support?" (folded, the first reads as
        // a relative clause).
        let opensAsked = text.split(separator: ". ").contains { sentence in
            let first = withoutOpeningConjunction(QuestionReading.foldForCues(String(sentence))).split(separator: " ").first
            return first.map { questionWords.contains($0) || questionVerbs.contains($0) } ?? false
        }
        if opensAsked { return true }
        let sentences = text.split(separator: ". ").flatMap { clauses(of: String($0)) }
        return sentences.contains { clause in
            let words = withoutOpeningConjunction(QuestionReading.foldForCues(String(clause))).split(separator: " ")
            guard words.count >= 2, words[0] == "is" || words[0] == "are" else { return false }
            return pronounSubjects.contains(String(words[1])) || statementOpeners.contains(words[1])
        }
    }

    /// True when a verb that could open a question ("is", "can", "does" …) stands anywhere in
    /// `folded` as it would in a question: any of them but "is" and "are", and those two
    /// before a pronoun ("… – is it legally binding"). "The plan is legally binding" states;
    /// "is" before a determiner opens a question only at a clause's start
    /// (``clauseOpensAQuestion(_:)``).
    static func opensAQuestionInside(_ folded: String) -> Bool {
        let words = folded.split(separator: " ")
        for (position, word) in words.enumerated() where questionVerbs.contains(word) {
            let next = position + 1 < words.count ? words[position + 1] : ""
            // "a school can ever spend", "sch has to deliver": said as a statement says them.
            if statementFollowers.contains(next) { continue }
            // "has to do everything in it": after "to" a verb is an infinitive.
            if position > 0, words[position - 1] == "to" { continue }
            guard word == "is" || word == "are" else { return true }
            if pronounSubjects.contains(String(next)) { return true }
        }
        return false
    }

    /// Words after which "can", "has", "need" … are used as a statement uses them.
    static let statementFollowers: Set<Substring> = [
        "to", "ever", "only", "still", "just", "really", "even", "never", "always", "also", "already", "not", "legally",
        "actually",
        // A verb straight after ("the sch can be made to deliver", "they can get one in"):
        // a question puts its subject between ("can the school be made …").
        "be", "get", "make", "have", "do", "go", "ask", "say",
    ]
    static let questionVerbs = Set((polarOpeners + statementQuestionOpeners).map { Substring($0.trimmingCharacters(in: " ")) })

    /// No question word, not opening as a question, and written as a sentence (four or more
    /// small words with a common verb or an opening article, or a verb and a word that makes
    /// a claim) rather than as search keywords.
    private static func isWrittenAsStatement(_ folded: String, analyzer: Analyzer) -> Bool {
        let words = folded.split(separator: " ")
        guard !(polarOpeners + statementQuestionOpeners + adviceOpeners).contains(where: { folded.hasPrefix($0) }),
            !asksWithAQuestionWord(words)
        else { return false }
        // A short statement states a claim with a verb and a word that makes one ("code of
        // practice is just advice", "the support plan is legally binding like an EHCP"); one
        // opening with a number is a staff search for a Code paragraph ("9.3 significant
        // difficulties setting should consider …"), "support plan legally binding" is
        // keywords, and "she has a support plan" only describes.
        // A modal named rather than used ("difference between must and should") is no verb.
        let verbs = words.indices.filter { !namesAModal(words, at: $0) }.map { words[$0] }
        if words.first?.first?.isNumber == false, verbs.contains(where: { statementVerbs.contains(String($0)) }),
            makesAClaim(folded)
        {
            return true
        }
        // A sentence-length text with no common verb that opens without an article reads
        // as a search ("meaning of 'must' in the SEND Code of Practice", "LA and CCG
        // responsibilities to support schools with pupils at SEN Support"); one opening with
        // an article ("the speech therapist's advice goes to the teachers") states.
        guard words.filter({ analyzer.isStopword(String($0)) }).count >= 4 else { return false }
        return words.first.map { statementOpeners.contains($0) } == true || verbs.contains(where: isCommonVerb)
    }

    /// True when the word at `index` is a modal verb named rather than used: followed by
    /// "and", "or", "in", "vs" or "mean", or closing the text ("meaning of must in the Code",
    /// "must vs should"), where a used modal is followed by its verb ("the school must tell").
    static func namesAModal(_ words: [Substring], at index: Int) -> Bool {
        guard namedModals.contains(words[index]) else { return false }
        let next = index + 1 < words.count ? words[index + 1] : ""
        return wordsAfterANamedModal.contains(next)
    }
    static let namedModals: Set<Substring> = ["must", "should", "can", "will", "may", "shall"]
    static let wordsAfterANamedModal: Set<Substring> = ["", "and", "or", "in", "vs", "versus", "mean", "means", "meaning"]

    /// Words opening a noun phrase that a statement opens with.
    static let statementOpeners: Set<Substring> = [
        "the", "a", "an", "my", "our", "his", "her", "their", "your", "this", "that", "these", "those", "every", "all",
        "any", "some", "no",
    ]

    /// A verb of ``statementVerbs`` or a contraction with one ("can't", "it's", "they're").
    static func isCommonVerb(_ word: Substring) -> Bool {
        statementVerbs.contains(String(word)) || ["n't", "'s", "'re", "'ve", "'ll", "'d", "'m"].contains { word.hasSuffix($0) }
    }

    /// Whether a question word (``openQuestionOpeners``) asks among `words`: not "will"
    /// after the start ("school will have to give him a 1:1" states); not a question word
    /// after a word that makes it part of a statement ("it's worked out from how many SEN
    /// pupils they've got", "that's why they put so many on it"); and not "which" opening a
    /// relative clause after the start ("… a support plan, which means they get extra money").
    static func asksWithAQuestionWord(_ words: [Substring]) -> Bool {
        words.indices.contains { index in
            guard questionWords.contains(words[index]) else { return false }
            guard index > words.startIndex else { return true }
            if statementQuestionWordLeads.contains(words[index - 1]) { return false }
            // "parents just get told what's been decided": after a verb of telling or knowing
            // a question word opens what is told, a noun clause.
            if tellingVerbs.contains(words[index - 1]) { return false }
            let next = index + 1 < words.endIndex ? String(words[index + 1]) : ""
            if words[index] == "which" && opensARelativeClause(next) { return false }
            // "it's the school who sets the targets": "who" after a noun opens a relative clause.
            if words[index] == "who", index >= 2, determiners.contains(words[index - 2]) { return false }
            // "… any say in what the outcomes are": "what" and a determiner open the clause's
            // subject; a question puts its verb first ("what are the outcomes").
            if words[index] == "what", index + 1 < words.endIndex, determiners.contains(words[index + 1]) { return false }
            // "it's up to the school what goes into his support": whose choice it is, told.
            if (" " + words[max(words.startIndex, index - 4)..<index].joined(separator: " ") + " ").includes(" up to ") {
                return false
            }
            if words[index] == "what", whatOpensANounClause(words[(index + 1)...]) { return false }
            return !introducesAClause(words[(index + 1)...])
        }
    }

    /// True when the words after a question word inside a sentence go on as a clause, its
    /// subject before any verb ("… and what support he gets is …", "… how much they spend"):
    /// a question told, not asked. "… what help can he get" asks.
    static func introducesAClause(_ following: ArraySlice<Substring>) -> Bool {
        for word in following.prefix(3) {
            if questionVerbs.contains(word) || modalVerbs.contains(String(word)) { return false }
            if pronounSubjects.contains(String(word)) { return true }
        }
        return false
    }

    /// True when "what" is followed by a noun and the subject of a clause ("deciding what
    /// outcomes a child is working towards is …", "what targets my son has"): told, not asked.
    /// "What happens at the review" puts its verb and a preposition first.
    static func whatOpensANounClause(_ following: ArraySlice<Substring>) -> Bool {
        let words = Array(following.prefix(3))
        guard words.count >= 2, !questionVerbs.contains(words[0]), !modalVerbs.contains(String(words[0])), !isCommonVerb(words[0])
        else { return false }
        return determiners.contains(words[1]) || (words.count == 3 && determiners.contains(words[2]) && !prepositions.contains(words[1]))
    }
    static let prepositions: Set<Substring> = ["at", "in", "on", "to", "into", "for", "with", "about", "from", "by", "of"]

    /// True when "which" followed by `next` opens a relative clause ("which means", "which
    /// they") rather than asking ("which school").
    static func opensARelativeClause(_ next: String) -> Bool {
        statementVerbs.contains(next) || pronounSubjects.contains(next)
    }

    /// Words that open a noun phrase ("the school", "a teacher").
    static let determiners: Set<Substring> = ["the", "a", "an", "my", "his", "her", "their", "our", "your"]

    /// Words after which a question word is part of a statement.
    static let statementQuestionWordLeads: Set<Substring> = ["from", "on", "by", "that's", "thats", "is", "to"]
    /// Verbs after which a question word opens what is told or known: "told what", "know how".
    static let tellingVerbs: Set<Substring> = ["told", "tells", "decide", "decides", "decided", "knows", "knew", "explains"]

    /// ``openQuestionOpeners`` as words, "will" left out.
    static let questionWords = Set(openQuestionOpeners.map { Substring($0.trimmingCharacters(in: " ")) }).subtracting(["will"])

    /// Words that make a short statement a claim about the rules rather than a description
    /// ("not", "only", "every", "must", "means", "like an EHCP", "legally" …).
    static let claimWords: Set<String> = [
        "not", "no", "never", "only", "just", "always", "every", "all", "must", "can", "can't", "cannot", "won't",
        "don't", "doesn't", "isn't", "aren't", "means", "without", "like", "same", "automatically", "legally", "legal",
        "law", "until", "before",
    ]
    static let claimPhrases = [" have to ", " has to ", " need to ", " needs to ", " got to "]

    /// True when `folded` holds a word or phrase that makes a claim (``claimWords``,
    /// ``claimPhrases``), or gives a reason or an assumption ("because", "so", "too young",
    /// "assuming").
    static func makesAClaim(_ folded: String) -> Bool {
        folded.split(separator: " ").contains { claimWords.contains(String($0)) }
            || (claimPhrases + reasonPhrases).contains { folded.includes($0) }
    }
    static let reasonPhrases = [" because ", " so ", " too young", " too old", " assum"]

    /// How a statement about the asker's own child or family opens.
    static let familyOpeners = [
        " my son ", " my daughter ", " my child ", " my kid ", " my boy ", " my girl ", " my grandson ",
        " my granddaughter ", " he ", " she ", " we ", " our ",
    ]
    static let statementVerbs: Set<String> = [
        "is", "are", "was", "were", "isn't", "aren't", "do", "does", "don't", "doesn't", "can", "can't", "cannot", "must",
        "will", "won't", "should", "means", "mean", "gets", "get", "pays", "has", "have", "need", "needs",
    ]
}
