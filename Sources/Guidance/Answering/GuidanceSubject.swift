import SearchCore

/// Whether a question is about the guidance's subject at all: a child or young person, their
/// schooling, special educational needs, or one of the guidance's own names.
///
/// The guidance answers parents about children at school, so a question it answers names at
/// least one of these. A question that names none ("my boiler keeps losing pressure – what
/// should I check?", "best broadband deals for a family") is not covered however many everyday
/// words it shares with a passage ("check", "keep", "family").
struct GuidanceSubject: Sendable {
    /// The analysed terms that name the subject.
    let terms: Set<String>
    /// Phrases of two words or more from the domain vocabulary ("local offer", "graduated
    /// approach", "quiet room"), which name it though each word alone is everyday.
    let phrases: [[String]]
    /// Everyday compounds with a subject word in them ("tax code", "head lice", "school run"),
    /// analysed: that word names nothing the guidance is about there.
    let everydayCompounds: Set<[String]>
    /// The analysed terms of ``personWords``.
    let personTerms: Set<String>

    /// Words that name a child, a setting or its staff, or what the guidance is about ("help"
    /// and "review" among them: "how do I ask for help" is a parent's question here). Not words
    /// that everyday questions use as readily ("plan", "year", "check").
    static let subjectWords = """
        child children childs kid kids son sons daughter daughters boy boys girl girls pupil pupils student students \
        toddler toddlers baby babies teen teens teenager teenagers youngster youngsters young grandson granddaughter \
        grandchild grandchildren nephew niece stepson stepdaughter ds dd dc learner learners parent parents carer carers \
        school schools nursery nurseries preschool playgroup childminder college academy setting settings class classes \
        classroom lesson lessons reception teacher teachers headteacher head staff senco sendco \
        special needs sen send disability disabilities disabled difficulty difficulties dyslexia dyslexic dyspraxia \
        autism autistic adhd asd speech communication sensory behaviour education educational learning learn \
        teaching reading writing maths spelling homework progress attainment target targets outcome outcomes \
        intervention interventions provision assessment assessed diagnosis diagnosed paediatrician psychologist \
        therapist therapy specialist specialists council authority statement statutory code paragraph para \
        endeavours mainstream inclusion support funding review reviews help
        """

    /// Words that name who a question is about (a child, a parent), not what: "board games
    /// for teenagers" and "cheap holidays with the kids" name a child and nothing the guidance
    /// is about.
    static let personWords = """
        child children childs kid kids son sons daughter daughters boy boys girl girls toddler toddlers baby babies \
        teen teens teenager teenagers youngster youngsters young grandson granddaughter grandchild grandchildren \
        nephew niece stepson stepdaughter ds dd dc parent parents carer carers
        """
    static let personWordSet = Set(personWords.split(whereSeparator: \.isWhitespace).map(String.init))

    /// Everyday compounds ending or beginning with a subject word.
    static let everydayCompoundPhrases = [
        "tax code", "post code", "dress code", "promo code", "discount code", "voucher code", "sort code", "area code",
        "zip code", "QR code", "bar code", "cheat code", "head lice",
        // …and beginning with one: "the school run" is a drive, "school nights" a bedtime.
        "school run", "school night", "school nights", "school uniform", "school shoes", "school holidays",
    ]

    /// Words of time, which no phrase made of them alone makes about the guidance.
    static let timeWords = "time times year years term terms month months week weeks day days hour hours once often every"

    /// `acronyms`: words the guidance writes with two or more capitals ("EHC", "SENCo",
    /// "ISL", "ENF"), which are its own names; `places`: the terms of its areas and publishers.
    /// `phrases`: the domain vocabulary's phrases, analysed (those of one word are left out).
    init(analyzer: Analyzer, acronyms: Set<String>, places: Set<String>, phrases: [[String]]) {
        var terms = Set(analyzer.terms(GuidanceSubject.subjectWords))
        for word in acronyms { terms.formUnion(analyzer.terms(word)) }
        terms.formUnion(places)
        self.terms = terms
        self.personTerms = Set(analyzer.terms(GuidanceSubject.personWords))
        self.everydayCompounds = Set(GuidanceSubject.everydayCompoundPhrases.map(analyzer.terms).filter { $0.count == 2 })
        // "times a year" is how often the guidance says something happens, but "best time of
        // year to plant bulbs" is not about the guidance: a phrase of words of time alone
        // does not name the subject.
        let timeWords = Set(analyzer.terms(GuidanceSubject.timeWords))
        self.phrases = Array(Set(phrases.filter { $0.count >= 2 && !$0.allSatisfy(timeWords.contains) }))
            .sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// The words of `text` written with two or more capitals ("EHC", "SENCo", "CYP").
    static func acronyms(in text: String) -> Set<String> {
        var found: Set<String> = []
        var word = ""
        func flush() {
            if word.filter(\.isUppercase).count >= 2 { found.insert(word) }
            word = ""
        }
        for character in text {
            if character.isLetter { word.append(character) } else { flush() }
        }
        flush()
        return found
    }

    /// Whether the question names the subject only by naming a person (``personWords``): no
    /// other subject word, phrase, paragraph, school year, capitalised abbreviation or
    /// misspelt subject word.
    func namesOnlyAPerson(in reading: QuestionReading) -> Bool {
        let questionTerms = reading.termsWithFiller
        let named = questionTerms.filter(terms.contains)
        guard !named.isEmpty, named.allSatisfy(personTerms.contains) else { return false }
        return !isNamed(in: reading, besides: personTerms)
    }

    /// Whether the question names the subject: one of ``terms`` or ``phrases`` among its terms
    /// (filler words kept), a Code of Practice paragraph ("6.45"), a school year, an
    /// abbreviation typed in capitals ("SA", "HNB"), or a subject word misspelt by one letter but begun alike ("daugter", "shcool"; not
    /// "glasses" for "classes").
    func isNamed(in reading: QuestionReading, besides ignored: Set<String> = []) -> Bool {
        let questionTerms = reading.termsWithFiller
        let namingTerm = questionTerms.indices.contains { index in
            let term = questionTerms[index]
            if GuidanceSubject.isParagraphNumber(term) { return true }
            guard terms.contains(term), !ignored.contains(term) else { return false }
            if index + 1 < questionTerms.endIndex, everydayCompounds.contains([term, questionTerms[index + 1]]) { return false }
            return index == questionTerms.startIndex || !everydayCompounds.contains([questionTerms[index - 1], term])
        }
        if namingTerm { return true }
        if phrases.contains(where: questionTerms.containsSequence) { return true }
        // A school year: "yr 8", "year 3". A child's age alone does not name it: "lunchbox ideas
        // for a fussy 6 year old" is not about schooling, though "my 6 year old" often opens a
        // question that is (and names the child's school or needs too).
        for (first, second) in zip(questionTerms, questionTerms.dropFirst())
        where first == "year" && second.allSatisfy(\.isNumber) {
            return true
        }
        if !GuidanceSubject.acronyms(in: reading.original).subtracting(GuidanceSubject.everydayAcronyms).isEmpty { return true }
        let words = reading.original.lowercased().split { !$0.isLetter }.filter { $0.count >= 5 }
        // A subject word spelt right was judged above, with the compound it may stand in; a
        // person's name misspelt is left out with the person words when they are.
        let candidates = ignored.isEmpty ? GuidanceSubject.spelledWords
            : GuidanceSubject.spelledWords.filter { !GuidanceSubject.personWordSet.contains($0) }
        return words.contains { word in
            let letters = Array(word)
            guard !GuidanceSubject.spelledWordSet.contains(String(word)) else { return false }
            return candidates.contains {
                abs($0.count - letters.count) <= 1 && SpellingCorrector.startsAlike(letters, $0)
                    && SpellingCorrector.editDistance(letters, Array($0), limit: 1) <= 1
            }
        }
    }

    /// Abbreviations of everyday life, not of schooling or needs ("plant strawberries in the
    /// UK", "is my TV licence …", "MOT due"): typed in capitals, they name nothing the
    /// guidance is about.
    static let everydayAcronyms: Set<String> = [
        "UK", "USA", "TV", "DIY", "MOT", "BBQ", "PC", "DVD", "VAT", "HMRC", "DVLA", "BBC", "EU", "OK", "PM", "AM", "ISA",
        "PAYE", "WiFi", "WIFI", "ID", "PIN", "ATM", "GPS", "UTI", "BMI",
    ]

    /// The subject words of five letters or more, as typed, for catching a misspelt one.
    static let spelledWords: [String] = subjectWords.split(whereSeparator: \.isWhitespace).map(String.init)
        .filter { $0.count >= 5 }

    static let spelledWordSet = Set(spelledWords)

    static func isParagraphNumber(_ term: String) -> Bool {
        let parts = term.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }
}
