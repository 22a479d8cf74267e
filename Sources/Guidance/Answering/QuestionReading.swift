import SearchCore

/// A question as the answerer reads it: spelling corrected against the corpus, then analysed.
struct QuestionReading: Sendable {
    /// The question as asked.
    let original: String
    /// The question with corrections applied (lowercase words where corrected).
    let corrected: String
    /// Each correction made, in order: (as typed, as corrected).
    let corrections: [(typed: String, corrected: String)]
    /// The analysed terms of the corrected question, repeats kept, filler words left out.
    let terms: [String]
    /// The same with filler words kept, for matching vocabulary phrases such as "what he
    /// thinks".
    let termsWithFiller: [String]
    /// The terms of the question's real English words (``SpellingCorrector/isRealWord(_:)``):
    /// those the guidance never uses weigh less in a long question (``ScopeJudge``).
    let everydayTerms: Set<String>
    /// The adjacent pairs of `terms`, for matching a passage's pairs of words: worked out once
    /// here, though both rankings of the passages weigh them.
    let termPairs: Set<TermPair>

    init(_ question: String, corrector: SpellingCorrector, analyzer: Analyzer) {
        original = question
        var output = ""
        var word = ""
        var corrections: [(String, String)] = []
        var previousWord = ""
        let characters = Array(question)
        var position = 0
        func flushWord() {
            defer { if !word.isEmpty { previousWord = word.lowercased() } }
            var trailing = ""
            while let last = word.last, last == "'" || last == "\u{2019}" {
                trailing = String(last) + trailing
                word.removeLast()
            }
            defer { output += trailing }
            guard !word.isEmpty else { return }
            let lower = word.lowercased()
            // "dose" is "does" typed with its letters swapped ("how dose the council decide"),
            // except where it names an amount of a medicine ("what dose of melatonin").
            if lower == "dose",
                QuestionReading.readsAsDoes(previous: previousWord, next: QuestionReading.word(in: characters, from: position))
            {
                output += "does"
                previousWord = lower
                word = ""
                return
            }
            // A capital R is Reception ("Year R"), not text-speak for "are".
            if let meant = QuestionReading.shortForms[lower], word != "R" {
                output += meant  // "arent" is "aren't", not a misspelt "parent"
                word = ""
                return
            }
            // A word typed with two or more capitals ("SATs", "PIP") is an abbreviation, written
            // as meant.
            if !analyzer.isStopword(lower), !QuestionReading.fillerWords.contains(lower),
                word.filter(\.isUppercase).count < 2,
                let fixed = corrector.correction(for: lower)
            {
                corrections.append((word, fixed))
                output += fixed
            } else {
                output += word
            }
            word = ""
        }
        for (index, character) in characters.enumerated() {
            position = index
            if character.isLetter || (character == "'" && !word.isEmpty) || (character == "\u{2019}" && !word.isEmpty) {
                word.append(character)
            } else {
                flushWord()
                output.append(character)
            }
        }
        position = characters.count
        flushWord()
        self.corrected = output
        self.corrections = corrections
        let tokens = analyzer.tokens(output)
        self.terms = tokens.compactMap { token in
            QuestionReading.fillerWords.contains(token) ? nil : analyzer.term(forToken: token)
        }
        self.termsWithFiller = tokens.compactMap { analyzer.term(forToken: $0) }
        self.termPairs = Set(zip(terms, terms.dropFirst()).map(TermPair.init))
        self.everydayTerms = Set(tokens.filter(corrector.isRealWord).compactMap { analyzer.term(forToken: $0) })
        self.folded = QuestionReading.foldForCues(output)
    }

    /// Whether "dose" between `previous` and `next` (lowercased words; "" at a question's end
    /// or before punctuation) is the verb "does": not after a word that makes it a noun ("a
    /// safe dose", "the right dose") and not before one that follows the noun ("dose of",
    /// "what dose should he have", "and what dose?").
    static func readsAsDoes(previous: String, next: String) -> Bool {
        !next.isEmpty && !doseNounLeads.contains(previous) && !doseNounFollowers.contains(next)
    }
    static let doseNounLeads: Set<String> = [
        "a", "the", "safe", "right", "correct", "daily", "high", "low", "higher", "lower", "his", "her", "my", "their",
        "your", "our", "this", "that", "same", "max", "maximum", "usual", "normal", "recommended", "starting", "big", "small",
    ]
    static let doseNounFollowers: Set<String> = [
        "of", "for", "is", "was", "should", "would", "do", "does", "did", "can", "could", "will", "to", "and", "or", "in",
        "at", "per", "a", "every",
    ]

    /// The word starting at or after `index` in `characters` past any spaces, lowercased; ""
    /// when punctuation or the end comes first.
    static func word(in characters: [Character], from index: Int) -> String {
        var at = index
        while at < characters.count, characters[at] == " " { at += 1 }
        var found = ""
        while at < characters.count, characters[at].isLetter || characters[at] == "'" {
            found.append(characters[at])
            at += 1
        }
        return found.lowercased()
    }

    /// Contractions typed without their apostrophe, which spelling correction would otherwise
    /// turn into other words ("arent" → "parent"), and question words and "year" typed short
    /// ("wat", "hw", "wen", "cud", "yr").
    static let shortForms: [String: String] = [
        "arent": "aren't", "isnt": "isn't", "dont": "don't", "doesnt": "doesn't", "didnt": "didn't",
        "cant": "can't", "wont": "won't", "wouldnt": "wouldn't", "shouldnt": "shouldn't", "couldnt": "couldn't",
        "wasnt": "wasn't", "werent": "weren't", "hasnt": "hasn't", "havent": "haven't", "hadnt": "hadn't",
        "im": "I'm", "ive": "I've", "youre": "you're", "theyre": "they're", "thats": "that's", "whats": "what's",
        "wheres": "where's", "hes": "he's", "shes": "she's", "lets": "let's", "mustnt": "mustn't",
        "whos": "who's", "hows": "how's", "wats": "what's", "theres": "there's",
        // Question words typed short or misspelt, which would otherwise be "corrected" to a
        // guidance word ("wich" → "with") or weigh as unknown words.
        "wat": "what", "wot": "what", "wht": "what", "wich": "which", "whch": "which", "hw": "how", "wen": "when",
        "wer": "where", "whre": "where", "wy": "why", "cud": "could", "cld": "could", "wud": "would", "shud": "should",
        "shld": "should", "yr": "year", "yrs": "years",
        // Words typed as parents type them on forums: "skool" as it sounds (two edits from
        // "school"), "dx" for a diagnosis ("waiting for an ASD dx").
        "skool": "school", "dx": "diagnosis",
        // Text-speak for everyday words, too short for spelling correction (three letters or
        // fewer) or spelt as they sound: "what gos in a sen plan", "how often r teachers meant
        // to check", "he's fine at home tho". Left as typed they weigh as words the guidance
        // never uses.
        "r": "are", "gos": "goes", "hav": "have", "sed": "said", "til": "until", "till": "until", "tho": "though",
        "thru": "through", "cos": "because", "coz": "because", "cuz": "because", "bc": "because", "becos": "because",
        "becoz": "because", "ppl": "people", "abt": "about", "bout": "about", "alot": "a lot", "noone": "no one",
        "pls": "please", "plz": "please", "thx": "thanks", "wiv": "with", "thay": "they", "ther": "there",
        "havnt": "haven't", "dosnt": "doesn't", "dosent": "doesn't", "enuf": "enough",
        // Forum shorthand: "SEN supp" (which the English word list holds as a word of its own,
        // so spelling would leave it), "DS" and "DD" for a son and a daughter.
        "supp": "support", "ds": "son", "dd": "daughter", "ds's": "son's", "dd's": "daughter's",
        // "asses" is a word of its own in the English list, so spelling leaves it, but a parent
        // asking "who is meant to asses her needs" means "assess".
        "asses": "assess", "ases": "assess",
    ]

    /// Words parents use around a question that say nothing about what the guidance should
    /// answer ("my son", "I think", "actually"): left out of the question's terms, so that a
    /// long, worried question is read for what it asks.
    static let fillerWords: Set<String> = Set<String>([
        "son", "sons", "son's", "daughter", "daughters", "daughter's", "boy", "girl", "kid", "kids", "mum", "dad",
        "husband", "wife", "partner", "think", "actually", "really", "please", "someone", "anyone", "anybody",
        "somebody", "something", "thing", "things", "lot", "lots", "know", "want", "wants", "get", "gets", "getting",
        "got", "go", "goes", "going", "thank", "thanks", "hi", "hello", "hey", "u", "ur", "im", "ive", "dont",
        "can", "could", "may", "might", "will", "shall", "would", "yes", "just", "also", "still", "like", "way",
        "much", "many", "say", "says", "said", "saying", "supposed", "meant", "now", "happen", "happens", "exactly", "basically", "sort", "sorts", "whole", "wondering", "wonder", "worried", "help", "he's", "she's", "him", "her",
        "until", "stuff", "nobody", "honestly", "today", "yesterday", "since", "ago", "recently", "last", "let", "bit",
    ]).union(claimReportWords)
    /// Words telling that a claim is reported ("apparently", "my mum reckons"): they say
    /// nothing of what the claim is about.
    static let claimReportWords: Set<String> = ["apparently", "reckon", "reckons", "supposedly", "presumably", "assume", "assuming"]

    /// The sentences of a question as typed: each ends at ".", "?" or "!" (parents often
    /// type in lower case, so no capital letter is needed after it, unlike
    /// ``SentenceSplitter`` for the guidance); a piece with no letter in it is not one.
    static func sentences(of text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == "." || character == "?" || character == "!" {
                if current.contains(where: \.isLetter) { sentences.append(current) }
                current = ""
            }
        }
        if current.contains(where: \.isLetter) { sentences.append(current) }
        return sentences
    }

    /// The last sentence ending in a question mark of a question of several sentences
    /// ("My daughter is 6. … Will the school listen to me?"), or nil.
    static func finalQuestion(of text: String) -> String? {
        let sentences = sentences(of: text)
        guard sentences.count >= 2 else { return nil }
        return sentences.last { $0.hasSuffix("?") }
    }

    /// The question folded for cue matching: lowercase, straight apostrophes, single spaces,
    /// with a space at each end so that " word " matches whole words.
    let folded: String

    /// What `folded` says before `part`, the folded text of its closing sentence or clause:
    /// the context a closing question follows. The whole of `folded` when `part` is not how it
    /// ends.
    static func context(of folded: String, before part: String) -> String {
        folded.hasSuffix(part) ? String(folded.dropLast(part.count)) + " " : folded
    }

    static func foldForCues(_ corrected: String) -> String {
        let text = TextFolding.fold(corrected)
        var result = " "
        for character in text {
            if character.isLetter || character.isNumber || character == "'" || character == "?" {
                result.append(character)
            } else if result.last != " " {
                result.append(" ")
            }
        }
        if result.last != " " { result.append(" ") }
        return result
    }
}
