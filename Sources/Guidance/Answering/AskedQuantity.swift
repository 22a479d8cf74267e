/// What a question asks for when it asks for a number: a time limit ("how many weeks has the
/// council got to decide", "what's the deadline") or a sum of money ("how much is Carer's
/// Allowance a week").
///
/// The guidance states very few such numbers (the £6,000 a school pays towards a child's
/// support, a SENCo's three years to qualify, reviews every three months), and a parent who
/// asks "how long does the council have" is not answered by a passage that says the council
/// must decide without saying by when. A question asking for a number is covered only when a
/// passage to be quoted states a number of that kind: the expected answer type of question
/// answering, read from a few fixed phrases.
enum AskedQuantity: Equatable, Sendable {
    /// A duration or a date: how long, how many weeks, the deadline, by when.
    case time
    /// An amount of money: how much does it cost, how much is it a week.
    case money

    /// The kind of number `question` asks for, or nil when it asks for none. "How long",
    /// "how many weeks", "how much … cost", "by what date" must open a clause
    /// ("how does the council work out how much money the school gets" asks how, not how
    /// much); "deadline", "closing date", "time limit" ask for a time wherever they stand, and
    /// "the maximum" or "minimum" beside a word of money ("pays", "funding") for a sum.
    /// "How often" is answered in words ("termly", "at least once a year"), "how many
    /// children" counts something other than time or money, and "from what age" is answered
    /// by "some young children will have SEN": none of them is asked for here.
    static func asked(in question: String) -> AskedQuantity? {
        for clause in clauses(of: question.lowercased()) {
            let words = clause.split(whereSeparator: \.isWhitespace).map(String.init)
            if words.contains(where: timeNouns.contains) { return .time }
            // "the hourly rate", "a weekly rate": a sum wherever it stands.
            for (position, word) in words.enumerated() where word == "rate" || word == "rates" {
                if position > 0, ["hourly", "daily", "weekly", "annual", "yearly"].contains(words[position - 1]) { return .money }
            }
            // "the maximum Element 3 top-up the council pays": the most (or least) of a sum.
            if words.contains(where: { $0 == "maximum" || $0 == "minimum" }),
                words.contains(where: { moneyWords.contains($0) || $0 == "pays" || $0.hasPrefix("£") })
            {
                return .money
            }
            for (position, word) in words.enumerated() where word == "date" || word == "limit" || word == "limits" {
                if position > 0, ["closing", "time", "what", "which"].contains(words[position - 1]) { return .time }
            }
            var opening = words.drop { clauseOpeners.contains($0) }
            if let first = opening.first, ["at", "from", "until", "till"].contains(first) { opening = opening.dropFirst() }
            guard let first = opening.first else { continue }
            let second = opening.dropFirst().first ?? ""
            let rest = opening.dropFirst(2).prefix(10)
            switch (first, second) {
            case ("how", "long"): return .time
            case ("what", "date"), ("what", "time"), ("by", "when"): return .time
            case ("by", "what") where rest.first == "date" || rest.first == "time": return .time
            case ("how", "many") where rest.prefix(2).contains(where: timeUnits.contains): return .time
            case ("how", "much") where rest.contains(where: moneyWords.contains): return .money
            default: continue
            }
        }
        return nil
    }

    /// The clauses of `text`, split at sentence and clause marks and at a hyphen standing as a
    /// dash ("EHCP - how long"), not one inside a word ("top-up").
    static func clauses(of text: String) -> [Substring] {
        let characters = Array(text)
        var pieces: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        for (position, character) in characters.enumerated() {
            let inWord = position > 0 && position + 1 < characters.count
                && characters[position - 1].isLetter && characters[position + 1].isLetter
            if ".?!,;:–—()\n".contains(character) || (character == "-" && !inWord) {
                pieces.append(text[start..<index])
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        pieces.append(text[start...])
        return pieces.filter { !$0.isEmpty }
    }

    /// Words before the question proper in a clause: "and how long …", "so how much …".
    static let clauseOpeners: Set<String> = ["and", "but", "so", "also", "then", "ok", "okay", "just", "please", "roughly", "exactly"]
    static let timeNouns: Set<String> = ["deadline", "deadlines", "timescale", "timescales", "timeframe", "timeframes"]
    static let timeUnits: Set<String> = [
        "hour", "hours", "hrs", "day", "days", "week", "weeks", "wks", "month", "months", "year", "years", "term",
        "terms",
    ]
    static let moneyWords: Set<String> = [
        "money", "cost", "costs", "pay", "paid", "charge", "charges", "fee", "fees", "worth", "week", "month",
        "allowance", "funding", "fund", "funds", "grant", "grants", "premium", "rate", "per",
    ]

    /// True when `passage` states a number of this kind: "within 3 years", "every 3 months",
    /// "£6,000".
    func isStated(in passage: String) -> Bool {
        let words = AskedQuantity.words(passage)
        for (position, word) in words.enumerated() {
            let next = position + 1 < words.count ? words[position + 1] : ""
            switch self {
            case .money:
                if word.hasPrefix("£"), word.dropFirst().first?.isNumber == true { return true }
                if AskedQuantity.isNumber(word), next == "pounds" { return true }
            case .time:
                if AskedQuantity.isNumber(word), AskedQuantity.timeUnits.contains(next) { return true }
                if AskedQuantity.isNumber(word), next == "school", position + 2 < words.count,
                    AskedQuantity.timeUnits.contains(words[position + 2])
                {
                    return true
                }
            }
        }
        return false
    }

    /// The passage's words, lowercased, split at spaces and at punctuation other than the
    /// marks inside a number ("£6,000", "3.5"); a hyphen splits too ("0-25", "16-year-old").
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previous: Character = " "
        for character in text.lowercased() {
            let insideNumber = (character == "," || character == ".") && previous.isNumber
            if character.isLetter || character.isNumber || character == "£" || insideNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current.trimmingCharacters(in: ",."))
                current = ""
            }
            previous = character
        }
        if !current.isEmpty { words.append(current.trimmingCharacters(in: ",.")) }
        return words
    }

    static let numberWords: Set<String> = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "fifteen", "eighteen", "twenty", "thirty", "forty", "fifty", "sixty",
    ]

    static func isNumber(_ word: String) -> Bool {
        numberWords.contains(word) || (!word.isEmpty && word.allSatisfy { $0.isNumber || $0 == "," || $0 == "." })
    }
}
