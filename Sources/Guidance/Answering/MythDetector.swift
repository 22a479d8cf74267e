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
        /// The question ends by asking what ought to happen, after context that reports a claim
        /// (``MythDetector/asksWhatOughtToHappen(_:)``): "the school says he can't have SEN
        /// support without a diagnosis. Should I just accept that?"
        let presumedInContext: Bool
        /// The question closes by asking what ought to happen after some context: not a
        /// statement typed with a question mark, however its context is worded.
        let asksWhatOughtToHappen: Bool
        /// The question puts a yes/no question after a condition: "if the school writes a
        /// support plan, does that bring in more money from the LA?"
        let asksYesOrNoAfterACondition: Bool
        /// The card matching next best, another card than `card`, and how strongly.
        var runnerUp: (card: MythCard, strength: Double)? = nil
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
    /// Each card's ``MythCard/about`` words that analysis drops as stop words ("yourself",
    /// "any more"), as folded words: a question uses them when its folded text holds them.
    let aboutStopWords: [[String]]

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
    /// A statement typed with a question mark ("the plan belongs to the LA, so I take it up
    /// with them?") is a myth when it matches this strongly: it states its claim, though less
    /// surely than a cued one (``cuedMatch``). Measured over the read sets: 0.50 myths +3 and
    /// no false alarm once a sentence opening with a question word counts as a question and
    /// "or" keeps ``polarMatch`` (docs/ANSWERS.md).
    static let declarativeMatch = 0.50
    static let polarOpeners = [" can ", " could ", " is ", " are ", " does ", " do ", " am "]
    /// Words by which a yes/no question puts a restriction to the test.
    static let restrictingWords = [" only ", " just "]

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
        self.aboutStopWords = cards.map { card in
            card.about.filter { analyzer.terms($0).isEmpty }.map { " \($0.lowercased()) " }
        }
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
        // How strongly each card matches, by its number, for the card matching next best.
        var cardStrengths: [(number: Int, strength: Double)] = []
        // What the asker asks: a closing open or yes/no question after some context, read
        // from the question after a condition ("if … can they …?"); otherwise the whole.
        // A plain statement ("The council has no duty until there is an EHCP.") is put up
        // for confirmation as much as one ending "right?".
        let asked = MythDetector.askedPart(of: reading.corrected, folded: reading.folded)
        // An open question ("what is the school supposed to be looking at?") asks; only a
        // claim it reports ("what do I do now the school says she can't have SEN support?")
        // is put up for confirmation. A "why" question takes its premise as given ("why
        // can't under-5s have SEN?") and is read like any other.
        // A yes/no question ("does the school have to use the money only on my son?") asks
        // too: only a claim it reports, or a negation it presumes ("is there no SEN support in
        // sixth form?"), is put up for confirmation; it is otherwise judged by ``polarMatch``.
        let openAsked = MythDetector.isOpenQuestion(asked)
        // A question asking what ought to happen after some context ("… the school says it's
        // easier. Shouldn't he be joining in?") asks about a duty; a claim the context reports
        // counts only when it matches a card as closely as any cued myth must. What the school
        // does, told in the context ("the school won't tell me what she said. Shouldn't they
        // be sharing that?"), is no claim: the asker asks what ought to happen instead.
        // The context is what comes before the asked part: "supposed to" in "SENCo + class
        // teacher assessing his needs – are parents supposed to be part of that?" is the
        // question's, not a presumption of its context.
        // So is a yes/no question closing some context ("I've been told parents can't ask the
        // council themselves. Is there really nothing I can do?") unless it offers a choice
        // ("Is it the SENCo or his teacher who …?").
        let asksWhatOught = asked != reading.folded && MythDetector.asksWhatOughtToHappen(asked)
        let polarAsked = MythDetector.polarOpeners.contains { asked.hasPrefix($0) }
        let closesWithAYesOrNo = polarAsked && asked != reading.folded && !MythDetector.offersAlternative(asked)
        let presumedInContext =
            (asksWhatOught || closesWithAYesOrNo)
            && MythDetector.reportsAClaim(QuestionReading.context(of: reading.folded, before: asked))
        // A request for tips or ideas ("my 3 year old won't sleep in her own bed, any tips?")
        // seeks advice: its "won't" describes; only a claim it reports is put up.
        // A question offering a choice ("can colleges apply for it, or is it schools
        // only?", "does that count as SEN or is it just medical?") weighs the two; only a
        // claim it reports is put up.
        let presumes =
            openAsked || polarAsked || MythDetector.asksForAdvice(asked) || MythDetector.asksBetweenAlternatives(asked)
            ? MythDetector.reportsAClaim(asked) || (polarAsked && MythDetector.presumedNegations.contains { asked.includes($0) })
            : MythDetector.hasPresumptionCue(asked) || MythDetector.isStatement(asked, analyzer: analyzer)
        // Words putting a claim up to be checked ("is it true", "the school says", "I was
        // told") make any question but an open one a presumption, and a closer look at a card.
        let checksAClaim =
            (presumes || !openAsked) && MythDetector.claimChecks.contains { MythDetector.holds($0, in: reading.folded) }
        let cue = presumes || checksAClaim || MythDetector.equatesTwoThings(reading.corrected)
        let said = Set(reading.termsWithFiller)
        let followsFromACondition = MythDetector.asksWhatFollowsFromACondition(reading.folded)
        for (number, (card, (cardPhrasings, (masses, vocabulary)))) in zip(cards, zip(phrasings, zip(phrasingMasses, cardVocabularies))).enumerated()
        where (aboutTerms[number].isEmpty && aboutStopWords[number].isEmpty) || !aboutTerms[number].isDisjoint(with: said)
            || aboutStopWords[number].contains(where: { reading.folded.includes($0) })
        {
            var cardStrength = 0.0
            defer { cardStrengths.append((number, cardStrength)) }
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
                cardStrength = max(cardStrength, strength)
                if strength > (best?.strength ?? 0) {
                    best = Match(
                        card: card, strength: strength, hasCue: cue, checksAClaim: checksAClaim, sharedTerms: sharedCount,
                        presumedInContext: presumedInContext, asksWhatOughtToHappen: asksWhatOught,
                        asksYesOrNoAfterACondition: followsFromACondition)
                }
            }
        }
        guard var match = best else { return nil }
        let second = cardStrengths.filter { cards[$0.number].id != match.card.id }.max { $0.strength < $1.strength }
        if let second, second.strength > 0 { match.runnerUp = (cards[second.number], second.strength) }
        return match
    }

    /// Whether `folded` asks yes or no about what follows from a condition: "if sch writes a
    /// support plan for my DD does that bring in more £ from the LA?", "if he goes on SEN
    /// support, will that mean extra money for his school?"
    ///
    /// "if the school applies for an assessment, what paperwork do they send?" asks an open
    /// question: a consequence question with a question word among the two words before it is
    /// no yes/no. "… do they have to let me know?" asks about a duty, not a consequence. The
    /// consequence may name who acts ("if sch writes a plan for my DD does the LA give them
    /// extra £?"); "… does the school have to tell me?" still asks about a duty.
    static func asksWhatFollowsFromACondition(_ folded: String) -> Bool {
        guard folded.hasPrefix(" if ") else { return false }
        return consequenceQuestions.contains { consequence in
            guard let found = folded.firstRange(of: consequence) else { return false }
            let leading = folded[..<found.lowerBound].split(separator: " ").suffix(2)
            let following = String(folded[found.upperBound...])
            // A named subject ("the LA", "the local authority") comes before any duty wording.
            let subjectWords = consequence.hasSuffix(" the ") ? 2 : 0
            let duty = following.split(separator: " ").prefix(subjectWords + 3).joined(separator: " ") + " "
            return !leading.contains { questionWords.contains($0) }
                && !dutyWordings.contains { duty.hasPrefix($0) || (subjectWords > 0 && duty.includes(" " + $0)) }
        }
    }
    static let dutyWordings = ["have to ", "need to ", "have got to ", "still have to ", "has to ", "needs to ", "must "]
    static let consequenceQuestions = [
        " does that ", " will that ", " would that ", " does this ", " will this ", " would this ", " does it ", " will it ",
        " would it ", " do they ", " will they ", " would they ", " does the ", " will the ", " would the ",
    ]

    /// A presumption naming a not-covered topic (a waiting list, CAMHS, toilet training) is
    /// answered with a card it matches this strongly: the topic is often the context of a
    /// misconception the guidance corrects ("no SEN support until the CAMHS assessment comes
    /// back"). Lowered from ``cuedMatch`` over the read sets: +6 myths, no false alarm or
    /// abstention lost (docs/ANSWERS.md).
    static let topicOverrideMatch = 0.35

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
        " said that", " says that", " says ", " said ", " myth", " i read ", " i've read", " is it right",
        " is it correct", " is it the case", " under the impression", " are they right", " is she right", " is he right",
        " am i right", " are they correct",
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
        // Checked before the cards are matched: a report that the school pays, a question
        // asking for money beyond a budget run dry, a Code paragraph cited first, or one
        // asked for, puts up no card whatever the match.
        guard !MythDetector.reportsTheSchoolPaying(reading.folded), !MythDetector.asksForMoneyBeyondTheBudget(reading.folded),
            !MythDetector.opensWithAParagraph(reading.corrected),
            !MythDetector.asksForAParagraph(reading.corrected, folded: reading.folded),
            let match = bestMatch(for: reading)
        else { return nil }
        if match.presumedInContext && match.strength >= MythDetector.cuedMatch { return match }
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
        // A yes/no question tests a claim only when the claim is a common one
        // (``MythCard/isCommon``) or when it puts a restriction to the test ("is SEN Support
        // just for children who struggle with learning?"): "can under-5s have SEN?" rests on a
        // misconception, "can an FE college in Herts apply for ENF?" asks. So does one asking
        // what follows from a condition ("if sch writes a support plan, does that bring in
        // more £?"). A statement typed with a question mark states its claim whatever the card,
        // and needs a less close match (``declarativeMatch``) unless an "or" may offer a choice.
        let testsAClaim =
            match.card.isCommon || MythDetector.restrictingWords.contains { reading.folded.includes($0) }
        let declarative =
            MythDetector.isDeclarativeQuestion(reading.folded, text: reading.corrected, analyzer: analyzer) && !match.asksWhatOughtToHappen
        let polar =
            (testsAClaim && (MythDetector.polarOpeners.contains { reading.folded.hasPrefix($0) } || match.asksYesOrNoAfterACondition)
                || declarative)
            && !MythDetector.offersAlternative(reading.corrected)
        let needed = declarative && !reading.folded.includes(" or ") ? MythDetector.declarativeMatch : MythDetector.polarMatch
        return polar && match.strength >= needed ? match : nil
    }
}
