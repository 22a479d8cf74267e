import SearchCore

/// How a question is worded, as the myth check reads it: presumption cues, open and yes/no
/// questions and alternatives (statements are told from questions in
/// MythDetector+Statements.swift, the claims a question reports are read in
/// MythDetector+ReportedClaims.swift). Pure functions of the folded question
/// (``QuestionReading/foldForCues(_:)``), with the word lists they use.
extension MythDetector {
    /// Words that mark a presumption: the asker states something and seeks confirmation, or
    /// reports what someone told them. Matched as whole words in the folded question.
    static let presumptionCues: [String] = [
        " right? ", " right ", " isn't it", " is it not", " don't they", " doesn't it", " aren't they",
        " isn't that", " is that right", " is that true", " is that correct", " legal requirement",
        " i assume", " assume ", " assuming ", " surely ", " i heard", " i've heard", " i was told", " told me",
        " says ", " said ", " apparently ", " only ", " no money", " nothing ", " can't ", " cannot ",
        " won't ", " don't need", " doesn't need", " dont need", " not allowed", " too young", " too old",
        " automatically", " every child", " have to be ", " has to be ", " needs to be ", " need to be ",
        " until ", " til ", " till ", " before you can", " before they can", " is there no ", " no sen ",
        " counts as", " count as", " no longer", " any more", " anymore", " never ", " must have ",
        " need a ", " need an ", " have to have", " has to have", " separate ", " instead ",
        " even ", " just stop", " stop ", " stops ", " still a thing", " supposed to", " run out", " ran out",
        " no more ", " does that mean ", " doesn't that mean", " does that stop", " allowed to ",
        " can they ", " isn't ", " aren't ", " don't have to", " doesn't have to", " not entitled",
        " no point", " no help", " not eligible", " can't get", " cannot get", " won't get", " only if ",
        " must first", " first have to", " has to spend", " have to spend", " got to ", " gotta ",
        " doesn't count", " don't count", " wouldn't count", " won't count", " doesn't really count", " doesn't matter", " don't matter", " doesn't really matter",
        // Tag questions: a statement put up for confirmation.
        " do they? ", " does it? ", " does she? ", " does he? ", " can they? ", " is it? ", " are they? ",
        " will they? ", " yes? ", " yeah? ", " no? ", " ok? ", " okay? ", " eh? ", " innit", " correct? ",
        " fair enough", " that's fine", " is that ok", " that's normal", " that's standard", " that's how it works",
        " how it works", " presumably ", " i take it ", " i suppose ", " i gather ", " is she right", " is he right",
        " are they right", " am i right", " is that allowed",
        // Likening one thing to another puts the likeness up to be confirmed: "so they have to
        // deliver it all, same as an EHCP?" (and ``likensToAnEHCP(_:)``).
        " same as ", " as good as ", " just like an ", " just like a ",
    ]

    /// Openers of an open question ("who does the assessment, or is it only …?"): in such a
    /// question "only" offers a choice rather than presuming.
    static let openQuestionOpeners = [
        " what ", " how ", " who ", " when ", " where ", " why ", " which ", " will ", " what's ", " whats ", " wat ",
        " wot ", " how's ", " who's ", " where's ",
    ]

    /// True when `folded` opens as an open question, other than "why", or asks what ought to
    /// happen (``asksWhatOughtToHappen(_:)``).
    static func isOpenQuestion(_ folded: String) -> Bool {
        guard !opensWithAWhatClause(folded), !whenClauseEndsWithATag(folded) else { return false }
        let question = withoutLeadingPhrase(folded)
        // "Why would they do a support plan instead?" asks for a reason; "why can't …" and "why
        // does she need …" take their premise as given.
        return openQuestionOpeners.contains { $0 != " why " && question.hasPrefix($0) } || asksWhatOughtToHappen(folded)
            || reasonQuestionOpeners.contains { question.hasPrefix($0) }
    }

    /// `folded` after a short phrase saying where or when that leads into a question word
    /// ("at the assess stage who is the SENCo supposed to work with?" asks who), or as it is.
    static func withoutLeadingPhrase(_ folded: String) -> String {
        guard leadingPrepositions.contains(where: { folded.hasPrefix($0) }) else { return folded }
        let words = folded.split(separator: " ")
        guard words.count > 1 else { return folded }
        for index in 1..<min(words.count, 6) where openQuestionOpeners.contains(" \(words[index]) ") && words[index] != "will" {
            return " " + words[index...].joined(separator: " ") + " "
        }
        return folded
    }
    static let reasonQuestionOpeners = [" why would ", " why might ", " why should "]
    static let leadingPrepositions = [" at ", " in ", " on ", " during ", " after ", " before ", " for "]

    /// True when `folded` opens with a "what" clause that is the subject of a statement, with
    /// no question mark anywhere: "what parents think doesn't really count", "what I notice at
    /// home doesn't count". "What" followed by its own subject, not by a verb, names a thing.
    static func opensWithAWhatClause(_ folded: String) -> Bool {
        guard folded.hasPrefix(" what "), !folded.contains("?") else { return false }
        let second = folded.split(separator: " ").dropFirst().first ?? ""
        return whatClauseSubjects.contains(second)
    }
    static let whatClauseSubjects = determiners.union(["i", "we", "you", "they", "parents", "teachers"])

    /// True for a question asking what ought to happen ("Shouldn't everyone who teaches him
    /// be told?", "Should the school check with me first?", "Is the school supposed to make
    /// that clear to me?", "Am I entitled to know what was said?"): the asker asks about a
    /// duty or for advice, and presumes only what such a sentence itself reports.
    static func asksWhatOughtToHappen(_ folded: String) -> Bool {
        if oughtQuestionOpeners.contains(where: { folded.hasPrefix($0) }) { return true }
        let words = folded.split(separator: " ").prefix(5)
        guard let first = words.first, dutyQuestionVerbs.contains(first) else { return false }
        return words.dropFirst().contains { dutyWords.contains($0) }
    }
    static let oughtQuestionOpeners = [" should ", " shouldn't ", " shouldnt "]
    static let dutyQuestionVerbs: Set<Substring> = ["is", "isn't", "are", "aren't", "am"]
    static let dutyWords: Set<Substring> = ["supposed", "meant", "entitled", "obliged", "required"]

    /// Negations a yes/no question presumes ("is there no …", "not allowed", "too young").
    static let presumedNegations = [
        " is there no ", " no sen ", " no help", " no point", " no more ", " no longer", " not entitled", " not eligible",
        " not allowed", " any more", " anymore", " too young", " too old",
    ]

    /// True when a question typed without a question mark has a question's word order
    /// somewhere in it — a verb before its subject ("my daughter has no friends … can the
    /// school help with that as part of SEN support", "… should we be going for an EHC
    /// assessment now"): a run-on question, not a statement. "Is", "are", "do" and "does"
    /// count only before a pronoun ("is there", "do they"), since "the school is the one
    /// that pays" and "they have to do the assessment" are statements.
    static func hasInvertedWordOrder(_ folded: String) -> Bool {
        let words = folded.split(separator: " ").map(String.init)
        for (verb, subject) in zip(words, words.dropFirst()) {
            if modalVerbs.contains(verb), modalSubjects.contains(subject) { return true }
            // "Is it" asks; "do it" and "does it" are usually "do" as the main verb.
            if auxiliaryVerbs.contains(verb), pronounSubjects.contains(subject), subject != "it" || verb == "is" {
                return true
            }
        }
        return false
    }

    static let modalVerbs: Set<String> = ["can", "could", "should", "would", "will", "shall"]
    /// Verbs that open a question before a pronoun ("is there", "do they").
    static let auxiliaryVerbs: Set<String> = ["is", "are", "do", "does"]
    static let pronounSubjects: Set<String> = ["i", "we", "they", "he", "she", "you", "there", "it"]
    static let modalSubjects = pronounSubjects.union(["the", "my", "our", "his", "her", "their", "school", "schools", "senco"])

    /// True when `folded` is a question (a question mark closes it) offering a choice
    /// (``offersAlternative(_:)``) with no tag asking to confirm a statement: "can colleges
    /// apply, or is it schools only?" weighs two answers; "SEN is only for kids who can't read
    /// or do maths, isn't it?" and a statement with "or" in it do not.
    static func asksBetweenAlternatives(_ folded: String) -> Bool {
        folded.includes("?") && !confirmingTags.contains { folded.includes($0) } && offersAlternative(folded)
    }
    static let confirmingTags = [
        " isn't it", " isnt it", " right?", " innit", " is that right", " is that true", " am i right", " aren't they",
        " don't they", " doesn't it", " yes?", " correct?", " i suppose", " surely ", " i assume",
    ]

    /// True for an alternative question ("Is the plan the council's, or is it the school's?"):
    /// it asks which, rather than putting one claim up to be confirmed.
    static func offersAlternative(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return alternativeMarkers.contains { lowered.includes($0) } || asksWhichOfTwo(QuestionReading.foldForCues(text))
    }

    /// True when a yes/no question offers two things to choose between ("is the SEN support
    /// plan owned by the school or the LA?", "is it the TA or the class teacher who …"): it
    /// asks which, and holds no claim. The choice closes the question, or follows "is it";
    /// "can the school or the council ask for an assessment?" asks whether either can, and
    /// "two or three rounds" offers a count, not a choice.
    static func asksWhichOfTwo(_ folded: String) -> Bool {
        guard polarOpeners.contains(where: { folded.hasPrefix($0) }) else { return false }
        let words = folded.split(separator: " ")
        let cleft = words.count > 1 && words[1] == "it"
        // "is the class teacher or the TA responsible for …": after "is" or "are", two noun
        // phrases offered ask which, however long the rest.
        let copula = words.first == "is" || words.first == "are"
        return words.indices.contains { index in
            guard words[index] == "or", index > 0, index + 1 < words.count else { return false }
            guard !isCount(words[index - 1]), !isCount(words[index + 1]) else { return false }
            if copula, determiners.contains(words[index + 1]) { return true }
            // The words after "or" to the end of its question: "… the councils or the
            // schools? who owns it" closes its first question with the choice.
            let end = words[(index + 1)...].firstIndex { $0.hasSuffix("?") } ?? words.count - 1
            return cleft || end - index <= closingChoiceWords
        }
    }
    /// How many words at most follow "or" in a choice that closes the question: "or the LA",
    /// "or by the local authority".
    static let closingChoiceWords = 4
    static func isCount(_ word: Substring) -> Bool {
        word.first?.isNumber == true || countWords.contains(word)
    }
    static let countWords: Set<Substring> = ["one", "two", "three", "four", "five", "six", "several", "more", "less", "so"]

    /// ", or" and "or" opening a second question ("or is it", "or does the council"), or
    /// offering a narrower alternative ("does the duty apply to a PRU, or only to mainstream
    /// schools?" asks which).
    static let alternativeMarkers = [
        ", or ", " or is ", " or are ", " or do ", " or does ", " or can ", " or will ", " or only ", " or just ",
    ]

    static func hasPresumptionCue(_ folded: String) -> Bool {
        let openQuestion = openQuestionOpeners.contains { folded.hasPrefix($0) }
        if endsWithATag(folded) || whenClauseEndsWithATag(folded) || likensToAnEHCP(folded) { return true }
        return presumptionCues.contains { cue in
            guard !openQuestion || cue != " only ", holds(cue, in: folded) else { return false }
            // "what are they?" asks; "… are they?" after a statement presumes.
            return !openQuestionOpeners.contains { folded.includes($0.dropLast() + cue) }
        }
    }

    /// True when `folded` likens something to an EHC plan ("SEN supp plan legally enforceable
    /// like an EHCP?", "SSP is statutory like an EHCP so …"): the likeness is put up to be
    /// checked. Wanting one ("we'd like an EHCP for him", "would you like an EHCP") likens
    /// nothing.
    static func likensToAnEHCP(_ folded: String) -> Bool {
        ehcpLikenings.contains { likening in
            guard let range = folded.firstRange(of: likening) else { return false }
            let before = folded[..<range.lowerBound].split(separator: " ").suffix(2)
            return !before.contains { wantingWords.contains($0) || $0.hasSuffix("'d") }
        }
    }
    static let ehcpLikenings = [" like an ehcp", " like an ehc plan", " like a ehcp"]
    static let wantingWords: Set<Substring> = ["would", "id", "wed", "really", "to", "i", "we"]

    /// Whether `folded` asks for tips, ideas or the best way to do something.
    static func asksForAdvice(_ folded: String) -> Bool {
        adviceRequests.contains { folded.includes($0) }
    }
    static let adviceRequests = [
        " any tips", " tips for ", " tips on ", " best way to ", " best ways to ", " any ideas", " any advice", " recommend ",
    ]

    /// How a request for advice typed without a question word opens ("best way to get a 2
    /// year old to sleep through the night"): it asks, however many small words it has.
    static let adviceOpeners = [" best way ", " the best way ", " best ways ", " easiest way ", " quickest way ", " tips ", " ideas "]

    static let statementQuestionOpeners = [" should ", " would ", " has ", " have ", " did ", " was ", " were ", " am ", " need "]
}
