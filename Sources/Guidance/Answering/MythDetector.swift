import SearchCore

/// Tells whether a question rests on one of the myth cards' misconceptions.
///
/// Two signals must agree: the question must say much of what a card's claim (or one of its
/// phrasings) says, weighted by how rare each word is in the guidance; and the question must
/// be worded as a presumption — "right?", "I assume", "surely", "only", "can't", "too young",
/// "does that stop", or a plain statement — rather than as an open question. "What is School
/// Action Plus?" asks; "my son is on School Action Plus – that's separate, isn't it?"
/// presumes. A yes/no question ("can under-5s have SEN?") needs a closer match.
struct MythDetector: Sendable {
    struct Match: Sendable {
        let card: MythCard
        /// 0...1: how much of the question the card explains (mostly by its best phrasing, a
        /// quarter by all its phrasings together), times how much of that phrasing the
        /// question says (geometric mean).
        let strength: Double
        let hasCue: Bool
        /// The asker puts a claim up to be checked: ``claimChecks``.
        let checksAClaim: Bool
        /// How many of the question's terms the best-matching phrasing holds.
        let sharedTerms: Int
    }

    let cards: [MythCard]
    /// Each card's claim and phrasings as sets of analysed terms, read as a question is
    /// (spelling corrected, abbreviations completed), so that "sch" in a phrasing and in a
    /// question both mean "school".
    let phrasings: [[Set<String>]]
    /// The summed weight of each phrasing's terms, alongside `phrasings`.
    let phrasingMasses: [[Double]]
    /// Every term of each card's claim and phrasings together: the words people use for that
    /// misconception, spread over its phrasings.
    let cardVocabularies: [Set<String>]
    let index: InvertedIndex
    let analyzer: Analyzer
    /// Each card's ``MythCard/about`` words as analysed terms (empty: any question may match).
    let aboutTerms: [Set<String>]

    /// How much of the question's share of a match comes from the card's whole vocabulary
    /// rather than from the one phrasing compared: a question that words a myth in a way no
    /// single phrasing does, using words from several, still matches (calibrated on the
    /// held-out sets: docs/ANSWERS.md).
    static let cardVocabularyMix = 0.25

    /// A match this strong with a presumption cue is a myth (calibrated: docs/ANSWERS.md).
    static let cuedMatch = 0.45
    /// A yes/no question that puts a card's claim to the test ("can under-5s have SEN?",
    /// "is SEN support available at college?") is a myth when it matches this strongly.
    static let polarMatch = 0.58
    static let polarOpeners = [" can ", " could ", " is ", " are ", " does ", " do "]

    /// - Parameter read: the analysed terms of a text read as a question, filler words kept.
    init(cards: [MythCard], index: InvertedIndex, analyzer: Analyzer, read: (String) -> [String]) {
        self.cards = cards
        self.analyzer = analyzer
        self.index = index
        let phrasings = cards.map { card in
            ([card.claim] + card.phrasings).map { Set(read($0)) }.filter { !$0.isEmpty }
        }
        self.phrasings = phrasings
        self.aboutTerms = cards.map { Set($0.about.flatMap { analyzer.terms($0) }) }
        self.cardVocabularies = phrasings.map { $0.reduce(into: Set<String>()) { $0.formUnion($1) } }
        self.phrasingMasses = phrasings.map { sets in
            sets.map { set in set.reduce(0) { $0 + ScopeJudge.weight($1, in: index) } }
        }
    }

    /// The best-matching card for `reading`, whether or not it is a myth.
    func bestMatch(for reading: QuestionReading) -> Match? {
        let question = Set(reading.terms).map { ($0, ScopeJudge.weight($0, in: index)) }
        guard !question.isEmpty else { return nil }
        let questionMass = question.reduce(0) { $0 + $1.1 }
        var best: Match?
        // A plain statement ("The council has no duty until there is an EHCP.") is put up
        // for confirmation as much as one ending "right?".
        let asked = MythDetector.finalOpenQuestion(reading.corrected).map(QuestionReading.foldForCues) ?? reading.folded
        // An open question ("what is the school supposed to be looking at?") asks; only a
        // claim it reports ("what do I do now the school says she can't have SEN support?")
        // is put up for confirmation. A "why" question takes its premise as given ("why
        // can't under-5s have SEN?") and is read like any other.
        // A yes/no question ("does the school have to use the money only on my son?") asks
        // too: only a claim it reports, or a negation it presumes ("is there no SEN support in
        // sixth form?"), is put up for confirmation; it is otherwise judged by ``polarMatch``.
        let openAsked = MythDetector.isOpenQuestion(asked)
        let polarAsked = MythDetector.polarOpeners.contains { asked.hasPrefix($0) }
        let presumes =
            openAsked || polarAsked
            ? MythDetector.reportsAClaim(asked) || (polarAsked && MythDetector.presumedNegations.contains { asked.includes($0) })
            : MythDetector.hasPresumptionCue(asked) || MythDetector.isStatement(asked, analyzer: analyzer)
        // Words putting a claim up to be checked ("is it true", "the school says", "I was
        // told") make any question but an open one a presumption, and a closer look at a card.
        let checksAClaim =
            (presumes || !openAsked) && MythDetector.claimChecks.contains { reading.folded.includes($0) }
        let cue = presumes || checksAClaim || MythDetector.equatesTwoThings(reading.corrected)
        let said = Set(reading.termsWithFiller)
        for (number, (card, (cardPhrasings, (masses, vocabulary)))) in zip(cards, zip(phrasings, zip(phrasingMasses, cardVocabularies))).enumerated()
        where aboutTerms[number].isEmpty || !aboutTerms[number].isDisjoint(with: said) {
            var sharedWithCard = 0.0
            for (term, weight) in question where vocabulary.contains(term) { sharedWithCard += weight }
            for (phrasing, phrasingMass) in zip(cardPhrasings, masses) {
                var shared = 0.0
                var sharedCount = 0
                for (term, weight) in question where phrasing.contains(term) { shared += weight; sharedCount += 1 }
                guard shared > 0, phrasingMass > 0 else { continue }
                let questionShare =
                    (1 - MythDetector.cardVocabularyMix) * shared / questionMass
                    + MythDetector.cardVocabularyMix * sharedWithCard / questionMass
                let strength = (questionShare * (shared / phrasingMass)).squareRoot()
                if strength > (best?.strength ?? 0) { best = Match(card: card, strength: strength, hasCue: cue, checksAClaim: checksAClaim, sharedTerms: sharedCount) }
            }
        }
        return best
    }

    /// A match this strong is a myth when the asker puts a claim up to be checked
    /// (``claimChecks``): they tell us a claim is in question, so a looser match to a card's
    /// claim is enough (measured on the eight question sets: docs/ANSWERS.md).
    static let checkedClaimMatch = 0.40

    /// Words with which an asker puts a claim up to be checked: a claim reported from
    /// someone else ("the school says", "I was told", "I heard") or asked about outright
    /// ("is it true", "is that right", "I thought").
    static let claimChecks = [
        " is it true", " is this true", " is that true", " is that right", " is this right", " i heard", " i've heard",
        " i was told", " was told", " told me", " apparently ", " surely ", " i thought ", " someone said",
        " said that", " says that", " says ", " said ", " myth", " i read ", " i've read",
    ]

    /// A weaker match with a presumption cue is a myth when the passage that answers the
    /// question best is one of the card's own evidence: the guidance itself says the question
    /// is about what the card corrects (calibrated: docs/ANSWERS.md).
    static let confirmedMatch = 0.30

    /// A presumption that the guidance would otherwise call "not covered" (its best passage
    /// holds too little of the question) is a myth when it matches a card this strongly: a
    /// parent stating a misconception in their own words ("the school says he doesn't tick
    /// enough boxes to have SEN") shares few words with the passages, and the card is then a
    /// better answer than a signpost (measured on all four question sets: docs/ANSWERS.md).
    static let uncoveredMatch = 0.32
    /// …and when it shares at least this many words with the card's phrasing: an off-topic
    /// statement ("write me a python function to sort a list") can match a short phrasing on
    /// one word by chance.
    static let uncoveredSharedTerms = 2

    /// The card whose misconception the question rests on, or nil. `bestPassageID` is the
    /// passage that answers the question best, if any; `otherwiseNotCovered` tells that the
    /// scope judge finds the guidance holds too little of the question.
    func detect(_ reading: QuestionReading, bestPassageID: String? = nil, otherwiseNotCovered: Bool = false) -> Match? {
        guard let match = bestMatch(for: reading) else { return nil }
        if match.hasCue {
            if match.strength >= MythDetector.cuedMatch { return match }
            if match.checksAClaim && match.strength >= MythDetector.checkedClaimMatch { return match }
            if otherwiseNotCovered && match.strength >= MythDetector.uncoveredMatch
                && match.sharedTerms >= MythDetector.uncoveredSharedTerms
            {
                return match
            }
            let confirmed = bestPassageID.map { id in match.card.evidence.contains { $0.passageID == id } } ?? false
            return confirmed && match.strength >= MythDetector.confirmedMatch ? match : nil
        }
        let polar =
            (MythDetector.polarOpeners.contains { reading.folded.hasPrefix($0) }
                || MythDetector.isDeclarativeQuestion(reading.folded, analyzer: analyzer))
            && !MythDetector.offersAlternative(reading.corrected)
        return polar && match.strength >= MythDetector.polarMatch ? match : nil
    }

    /// Words that mark a presumption: the asker states something and seeks confirmation, or
    /// reports what someone told them. Matched as whole words in the folded question.
    static let presumptionCues: [String] = [
        " right? ", " right ", " isn't it", " is it not", " don't they", " doesn't it", " aren't they",
        " isn't that", " is that right", " is that true", " is that correct", " legal requirement",
        " i assume", " assume ", " surely ", " i heard", " i've heard", " i was told", " told me",
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
        // Tag questions: a statement put up for confirmation.
        " do they? ", " does it? ", " does she? ", " does he? ", " can they? ", " is it? ", " are they? ",
        " will they? ", " yes? ", " yeah? ", " no? ", " ok? ", " okay? ", " eh? ", " innit", " correct? ",
        " fair enough", " that's fine", " is that ok", " that's normal", " that's standard", " that's how it works",
        " how it works", " presumably ", " i take it ", " i suppose ", " i gather ", " is she right", " is he right",
        " are they right", " am i right", " is that allowed",
    ]

    /// Openers of an open question ("who does the assessment, or is it only …?"): in such a
    /// question "only" offers a choice rather than presuming.
    static let openQuestionOpeners = [
        " what ", " how ", " who ", " when ", " where ", " why ", " which ", " will ", " what's ", " whats ", " wat ",
        " wot ", " how's ", " who's ", " where's ",
    ]

    /// True when `folded` opens as an open question, other than "why".
    static func isOpenQuestion(_ folded: String) -> Bool {
        openQuestionOpeners.contains { $0 != " why " && folded.hasPrefix($0) }
    }

    /// Negations a yes/no question presumes ("is there no …", "not allowed", "too young").
    static let presumedNegations = [
        " is there no ", " no sen ", " no help", " no point", " no more ", " no longer", " not entitled", " not eligible",
        " not allowed", " any more", " anymore", " too young", " too old",
    ]

    /// Words reporting a claim someone made or the asker holds ("the school says", "I was
    /// told", "surely"): a presumption even inside an open question.
    static let claimReports = [
        " says ", " said ", " told me", " was told", " i heard", " i've heard", " apparently ", " assume", " surely ",
        " i take it ", " i gather ", " presumably ",
    ]

    static func reportsAClaim(_ folded: String) -> Bool {
        let asksWhatWasSaid = asksWhatSomeoneSaid(folded)
        return claimReports.contains { folded.includes($0) && !($0 == " said " && asksWhatWasSaid) }
    }

    /// True when "said" closes a "what …" of a few words ("will I be told what they said?",
    /// "what the physio and the ed psych said after the visit"): the asker asks what was
    /// said rather than reporting it.
    static func asksWhatSomeoneSaid(_ folded: String) -> Bool {
        let words = folded.split(separator: " ")
        for (position, word) in words.enumerated() where word == "said" || word == "say" || word == "says" {
            let before = words[max(0, position - 7)..<position]
            // "… the SENCo said he is too young" reports: a clause follows what was said.
            let next = position + 1 < words.count ? String(words[position + 1]) : ""
            if before.contains("what"), !before.contains(where: { $0.hasSuffix("?") }), !clauseOpeningWords.contains(next) {
                return true
            }
        }
        return false
    }

    /// Words that open what someone said ("said he is too young", "said that …", "said no").
    static let clauseOpeningWords = modalSubjects.union(["that", "no", "this"])

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
            if ["is", "are", "do", "does"].contains(verb), pronounSubjects.contains(subject), subject != "it" || verb == "is" {
                return true
            }
        }
        return false
    }

    static let modalVerbs: Set<String> = ["can", "could", "should", "would", "will", "shall"]
    static let pronounSubjects: Set<String> = ["i", "we", "they", "he", "she", "you", "there", "it"]
    static let modalSubjects = pronounSubjects.union(["the", "my", "our", "his", "her", "their", "school", "schools", "senco"])

    /// The last sentence of a question of several sentences when it is an open question
    /// ("… the school says it's easier. Who decides what he needs?"), or the part of the
    /// last sentence after its last comma when that is one ("If the diagnosis doesn't decide
    /// what help he gets, what is the school supposed to be looking at?"): what the asker
    /// asks, after the context they give; nil otherwise.
    static func finalOpenQuestion(_ text: String) -> String? {
        let sentences = QuestionReading.sentences(of: text)
        guard let last = sentences.last else { return nil }
        if let comma = last.lastIndex(of: ",") {
            let after = String(last[last.index(after: comma)...])
            let foldedAfter = QuestionReading.foldForCues(after)
            if openQuestionOpeners.contains(where: { foldedAfter.hasPrefix($0) }) { return after }
        }
        guard sentences.count >= 2 else { return nil }
        let folded = QuestionReading.foldForCues(last)
        return openQuestionOpeners.contains { folded.hasPrefix($0) } ? last : nil
    }

    /// True for an alternative question ("Is the plan the council's, or is it the school's?"):
    /// it asks which, rather than putting one claim up to be confirmed.
    static func offersAlternative(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return alternativeMarkers.contains { lowered.includes($0) }
    }

    /// ", or" and "or" opening a second question ("or is it", "or does the council").
    static let alternativeMarkers = [", or ", " or is ", " or are ", " or do ", " or does ", " or can ", " or will "]

    static func hasPresumptionCue(_ folded: String) -> Bool {
        let openQuestion = openQuestionOpeners.contains { folded.hasPrefix($0) }
        return presumptionCues.contains { cue in
            guard !openQuestion || cue != " only ", folded.includes(cue) else { return false }
            // "what are they?" asks; "… are they?" after a statement presumes.
            return !openQuestionOpeners.contains { folded.includes($0.dropLast() + cue) }
        }
    }

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
    /// ("is", "can", "does" …) anywhere in it, so that an inverted question after some context
    /// ("SEN support plan - is it legally binding?") is not read as one.
    static func isDeclarativeQuestion(_ folded: String, analyzer: Analyzer) -> Bool {
        var body = Substring(folded)
        while body.last == " " { body.removeLast() }
        guard body.last == "?" else { return false }
        body.removeLast()
        let statement = String(body) + " "
        guard !statement.contains("?"), !(polarOpeners + statementQuestionOpeners).contains(where: { statement.includes($0) })
        else { return false }
        return isWrittenAsStatement(statement, analyzer: analyzer)
    }

    /// No question word, not opening as a question, and written as a sentence (four or more
    /// small words, or a word that makes a claim) rather than as search keywords.
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
        if words.first?.first?.isNumber == false, words.contains(where: { statementVerbs.contains(String($0)) }),
            makesAClaim(folded)
        {
            return true
        }
        return words.filter { analyzer.isStopword(String($0)) }.count >= 4
    }

    /// Whether a question word (``openQuestionOpeners``) asks among `words`: not "will"
    /// after the start ("school will have to give him a 1:1" states), and not a question word
    /// after a preposition that makes it part of a statement ("it's worked out from how many
    /// SEN pupils they've got").
    static func asksWithAQuestionWord(_ words: [Substring]) -> Bool {
        words.indices.contains { index in
            questionWords.contains(words[index]) && !(index > words.startIndex && ["from", "on", "by"].contains(words[index - 1]))
        }
    }

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

    /// How a request for advice typed without a question word opens ("best way to get a 2
    /// year old to sleep through the night"): it asks, however many small words it has.
    static let adviceOpeners = [" best way ", " the best way ", " best ways ", " easiest way ", " quickest way ", " tips ", " ideas "]

    static let statementQuestionOpeners = [" should ", " would ", " has ", " have ", " did ", " was ", " were ", " am ", " need "]
}
