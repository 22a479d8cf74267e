/// Claims a question reports, as the myth check reads them: "the school says", "I was told",
/// "surely" — unless the report is negated ("nobody has told me"), asks what was said ("will I
/// be told what they said?"), or is the law's own ("which law says …"); and what a question
/// reports that puts up no claim: the school paying, as the guidance says it does, or a Code
/// paragraph cited first. Pure functions of the folded question
/// (``QuestionReading/foldForCues(_:)``) or the text, with the word lists they use.
extension MythDetector {
    /// Words reporting a claim someone made or the asker holds ("the school says", "I was
    /// told", "surely"): a presumption even inside an open question.
    static let claimReports = [
        " says ", " said ", " saying ", " told me", " was told", " been told", " i heard", " i've heard", " apparently ", " assume", " surely ",
        " i take it ", " i gather ", " presumably ", " assuming ",
    ]

    /// True when `folded` reports that the school has to pay for something ("they'd have to
    /// pay for the EP out of their own budget", "school has to buy in the specialist
    /// teacher"): the guidance says so too — schools pay for SEN support from their own
    /// budgets and often buy in specialist services — so the asker checks a fact, and no card's
    /// misconception is put up however closely the question's money words match one.
    /// "Won't have to pay" is not among these.
    static func reportsTheSchoolPaying(_ folded: String) -> Bool {
        schoolPaysReports.contains { folded.includes($0) }
    }
    /// True when `folded` tells that the school cannot afford what a child needs ("the head
    /// says they simply can't afford any more") and asks whether more money can be found ("is
    /// there an extra pot of money they could apply to?", "can an academy go to the council for
    /// extra money?"): the guidance answers where further funding comes from, and the asker
    /// presumes nothing about it. "… so he can't get any more help until April" asks nothing.
    static func asksForMoneyBeyondTheBudget(_ folded: String) -> Bool {
        guard affordabilityReports.contains(where: { folded.includes($0) }), moneySought.contains(where: { folded.includes($0) }),
            // A sum to be "used up" first is the £6,000 misconception, not a budget run dry.
            !thresholdSums.contains(where: { folded.includes($0) })
        else { return false }
        return folded.includes("?") || fundingQuestionOpeners.contains { folded.includes($0) }
    }
    static let affordabilityReports = [
        " can't afford", " cannot afford", " cant afford", " can not afford", " not enough in the budget", " doesn't stretch",
        " doesnt stretch", " costs far more", " costs more than", " more than they can afford", " run out of", " ran out of",
        " used up", " used all their", " all used up", " can't fund", " cannot fund", " it can afford",
        " isnt enough in the budget", " isn't enough in the budget", " not enough money", " costs them far more",
        " spent everything in their",
    ]
    static let moneySought = [
        " extra money", " more money", " any money", " extra funding", " more funding", " further funding", " pot of money",
        " extra pot", " money from", " money off", " anywhere else", " top up", " top-up", " additional funding",
        // Or what comes next: "does that mean it's time to think about an EHC plan?"
        " ehc plan", " ehcp", " what happens now", " what can we do", " what does that mean for",
    ]
    static let thresholdSums = [" 6 000", " 6000", " 6k", " six thousand", " six grand", " 6 grand"]
    static let fundingQuestionOpeners = [" is there ", " are there ", " can they ", " can the school ", " could they ", " where can "]

    static let schoolPaysReports = [
        " they have to pay", " they'd have to pay", " they would have to pay", " they had to pay", " they'll have to pay",
        " it has to pay", " it would have to pay", " school has to pay", " school have to pay", " school would have to pay",
        " school had to pay", " school will have to pay", " they have to buy", " they'd have to buy", " school has to buy",
        " have to 'buy in", " costs them money", " cost them money", " costs the school money", " 'costs them", " traded", " 'traded",
        " pay for it out of their own", " out of their own pot", " buy that in", " buy them in", " it has to come out of their own",
        " visits come out of their own", " visit comes out of their own", " would cost them", " has to be bought in",
        " have to be bought in",
    ]

    /// True when `text` opens by citing a Code of Practice paragraph ("Para 6.49: which staff
    /// need to be told …", "Code 6.23 - what should schools not assume …", "6.45 parents'
    /// concerns", "Under para 6.2, …", "According to CoP 6.2 …"): a helpline worker asking what
    /// the Code says there. No read question so opening rests on a misconception (317 ask),
    /// however its words ("assume", "only") read.
    static func opensWithAParagraph(_ text: String) -> Bool {
        let words = text.lowercased().split { $0 == " " || $0 == ":" || $0 == "-" || $0 == "," || $0 == "(" }
        for word in words.prefix(4) {
            if GuidanceSubject.isParagraphNumber(String(word)) { return true }
            guard paragraphCiting.contains(word) else { return false }
        }
        return false
    }
    static let paragraphCiting: Set<Substring> = [
        "para", "paragraph", "code", "cop", "send", "the", "of", "practice", "sendcop", "under", "in", "per", "as", "according", "to",
    ]

    /// True when the question asks for a Code of Practice paragraph ("is there a Code para on
    /// this?", "which paragraph covers it?") or closes by citing one in brackets ("… listened
    /// to? (7.13)"): a helpline worker looking for the reference, not a parent putting up a
    /// claim, however the words before it read.
    static func asksForAParagraph(_ text: String, folded: String) -> Bool {
        if paragraphRequests.contains(where: { folded.includes($0) }) { return true }
        var closing = Substring(text)
        while let last = closing.last, last == "?" || last == " " || last == "." { closing = closing.dropLast() }
        guard closing.hasSuffix(")"), let open = closing.lastIndex(of: "(") else { return false }
        return closing[open...].split { !($0.isNumber || $0 == ".") }.contains { GuidanceSubject.isParagraphNumber(String($0)) }
    }
    static let paragraphRequests = [
        " which para", " what para", " is there a para", " is there a code para", " is there a cop para", " any para",
        " code para on", " para on this", " paragraph on this", " para about this", " paragraph about this",
        // "… CoP ref?", "code reference please": the reference asked for in shorthand.
        " cop ref", " code ref", " para ref", " paragraph ref", " cop reference", " code reference",
    ]

    static func reportsAClaim(_ folded: String) -> Bool {
        let asksWhatWasSaid = asksWhatSomeoneSaid(folded)
        return claimReports.contains { holds($0, in: folded) && !($0 == " said " && asksWhatWasSaid) }
    }

    /// True when `cue` is in `folded` (its closing space may be a question mark) and, for a
    /// cue reporting speech ("told me", "says"), something is reported: "nobody has told me
    /// anything" and "school haven't said what she found" report nothing.
    static func holds(_ cue: String, in folded: String) -> Bool {
        // A question mark ends a word as a space does: "… comes with it, surely?"
        guard folded.includesWords(cue) else { return false }
        if inabilityCues.contains(cue) { return presumesAnInability(folded) }
        if cue == " same as " { return !asksWhetherTheSame(folded) }
        if cue == " surely " { return !surelyAsksWhatOught(folded) }
        if cue == " i heard" || cue == " i've heard" { return !heardNothingBack(folded, cue: cue) }
        // "I've heard nothing" tells of a wait, not of a claim that nothing can be done.
        if cue == " nothing " { return folded.replacing(" heard nothing ", with: " ").includesWords(cue) }
        return !speechCues.contains(cue) || reportsSpeech(folded)
    }

    /// Whether each "I heard" / "I've heard" in `folded` is hearing nothing back ("I've heard
    /// nothing", "I haven't heard back", "I heard from the council"): no claim is reported.
    static func heardNothingBack(_ folded: String, cue: String) -> Bool {
        var rest = Substring(folded)
        var found = false
        while let range = rest.firstRange(of: cue + " ") {
            found = true
            let next = rest[range.upperBound...].split(separator: " ").first ?? ""
            guard heardNothingWords.contains(next) else { return false }
            rest = rest[range.upperBound...]
        }
        return found
    }
    static let heardNothingWords: Set<Substring> = ["nothing", "anything", "back", "from", "zilch", "nowt"]

    /// Whether "surely" opens what ought to happen ("Surely I should have been told?",
    /// "surely they should be helping him"): a duty asked about, not a claim put up.
    static func surelyAsksWhatOught(_ folded: String) -> Bool {
        let words = folded.split(separator: " ")
        return words.indices.contains { index in
            // "surely I should …", "surely they ought …": a modal second after "surely".
            guard words[index] == "surely", index + 2 < words.count else { return false }
            return hypotheticalModals.contains(words[index + 2])
        }
    }

    /// Whether `folded` asks whether two things are the same ("is that the same as a support
    /// plan?", "n is it the same as an EHCP"): the likeness is asked about, not put up.
    static func asksWhetherTheSame(_ folded: String) -> Bool {
        sameAsQuestions.contains { folded.includes($0) }
    }
    static let sameAsQuestions = [
        " is that the same as ", " is it the same as ", " is this the same as ", " are they the same as ",
        " is that the same thing as ", " is it the same thing as ",
    ]

    /// "Can't" says what a child cannot do ("she can't manage her buttons", "he can't sit
    /// still") as often as what someone claims cannot happen ("he can't have SEN support"):
    /// a cue only when some "can't" is not followed by a word of what children do.
    static func presumesAnInability(_ folded: String) -> Bool {
        let words = folded.split(separator: " ")
        return words.indices.contains { index in
            guard inabilityWords.contains(words[index]) else { return false }
            let next = index + 1
            guard next < words.count else { return true }
            return !childActivities.contains(String(words[next].filter(\.isLetter)))
        }
    }
    static let inabilityCues: Set<String> = [" can't ", " cannot "]
    static let inabilityWords: Set<Substring> = ["can't", "cannot", "cant"]
    static let childActivities: Set<String> = [
        "do", "manage", "read", "write", "cope", "sit", "eat", "open", "tie", "hold", "speak", "talk", "sleep", "focus",
        "concentrate", "follow", "remember", "walk", "dress", "use", "cut", "catch", "settle", "keep", "stay", "understand",
        "spell", "count", "put", "button", "stand", "wait", "make", "play", "join", "find", "sound", "pronounce",
        "copy", "finish", "swallow", "chew", "run", "jump", "climb", "ride", "see", "hear", "stop",
    ]

    /// The words by which a cue reports what someone said.
    static let speechCueWords = ["told", "said", "says", "saying"]
    /// The cues that hold one of them ("told me", "the school says"), found once.
    static let speechCues = Set(
        (presumptionCues + claimReports + claimChecks).filter { cue in
            speechCueWords.contains { cue.includes(" \($0) ") || cue.hasSuffix(" \($0)") }
        })

    /// True when some "told", "said" or "says" in `folded` is not negated by one of the three
    /// words before it ("nobody has told me", "they haven't said", "no one ever said"), does
    /// not close a "what …" (``closesAWhatQuestion(_:at:)``: "nobody has told me what she
    /// said" reports nothing), and is not said by the law itself (``citesTheLaw(_:at:)``).
    static func reportsSpeech(_ folded: String) -> Bool {
        let words = folded.split(separator: " ")
        return words.indices.contains { index in
            guard speechCueWords.contains(String(words[index])) else { return false }
            if closesAWhatQuestion(words, at: index) || citesTheLaw(words, at: index) { return false }
            // "which staff need to be told", "shouldn't they be told?": who ought to hear,
            // not what someone said ("I've been told" reports).
            // So does "get told" ("do I get told what they said?").
            if words[index] == "told", index > 0, words[index - 1] == "be" || words[index - 1] == "get" { return false }
            // "shouldn't someone have told me?", "they should have said": what ought to have
            // been said, not what was.
            if index > 1, words[index - 1] == "have",
                words[max(words.startIndex, index - 3)..<(index - 1)].contains(where: { hypotheticalModals.contains($0) })
            {
                return false
            }
            return !words[max(words.startIndex, index - 3)..<index].contains { speechNegators.contains($0) }
        }
    }
    static let hypotheticalModals: Set<Substring> = [
        "should", "shouldn't", "shouldnt", "would", "wouldn't", "wouldnt", "could", "couldn't", "couldnt", "ought", "must",
    ]
    static let speechNegators: Set<Substring> = [
        "nobody", "nobody's", "nobodys", "noone", "no", "not", "never", "anyone", "anybody", "hasn't", "haven't", "hadn't", "didn't", "hasnt", "havent", "hadnt",
        "didnt", "won't", "wont", "isn't", "aren't", "weren't", "wasn't",
    ]

    /// True when the word at `position` ("says", "said") has the law or the Code as its
    /// subject ("which law says schools must provide SEN support", "when the CoP says 'must'"):
    /// the asker asks what the guidance says, not whether a claim someone made is true. A
    /// mother-in-law is a person.
    static func citesTheLaw(_ words: [Substring], at position: Int) -> Bool {
        // An adverb may stand between: "what law actually says …".
        var subject = position - 1
        if subject > 0, words[subject].hasSuffix("ly") || words[subject] == "actualy" { subject -= 1 }
        guard subject >= 0, lawWords.contains(words[subject]) else { return false }
        return subject < 1 || words[subject - 1] != "in"
    }
    /// The law, the Code, and a document saying what it says ("his plan says SMART targets"):
    /// what a document holds is no claim someone made.
    static let lawWords: Set<Substring> = [
        "law", "code", "cop", "act", "practice", "guidance", "legislation", "plan", "report", "letter", "leaflet", "website",
    ]

    /// True when "said" closes a "what …" of a few words ("will I be told what they said?",
    /// "what the physio and the ed psych said after the visit"): the asker asks what was
    /// said rather than reporting it.
    static func asksWhatSomeoneSaid(_ folded: String) -> Bool {
        let words = folded.split(separator: " ")
        return words.indices.contains { closesAWhatQuestion(words, at: $0) }
    }

    /// True when the word at `position` is "said", "say" or "says" closing a "what …" of a
    /// few words, with no clause of what was said after it.
    static func closesAWhatQuestion(_ words: [Substring], at position: Int) -> Bool {
        let word = words[position]
        guard word == "said" || word == "say" || word == "says" else { return false }
        let before = words[max(0, position - 7)..<position]
        // "… the SENCo said he is too young" reports: a clause follows what was said.
        let next = position + 1 < words.count ? String(words[position + 1]) : ""
        return before.contains { whatSpellings.contains($0) } && !before.contains(where: { $0.hasSuffix("?") })
            && !clauseOpeningWords.contains(next)
    }

    /// "What" as parents type it.
    static let whatSpellings: Set<Substring> = ["what", "wat", "wot"]

    /// Words that open what someone said ("said he is too young", "said that …", "said no").
    static let clauseOpeningWords = modalSubjects.union(["that", "no", "this"])
}
