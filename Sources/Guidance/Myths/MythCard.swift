/// A common misconception that the guidance clearly contradicts, with the passages that prove
/// it wrong.
///
/// A card's ``fact`` is plain English written only from what its ``evidence`` passages say;
/// ``check(against:)`` makes sure each piece of evidence exists and holds the quoted words.
public struct MythCard: Sendable, Equatable, Identifiable {
    /// A short stable id, e.g. `under-fives`.
    public let id: String
    /// The claim as people say it.
    public let claim: String
    /// The verdict: "No" when the claim is false, "Not quite" when it is partly true.
    public let verdict: String
    /// One or two sentences in plain English, taken only from the evidence passages.
    public let fact: String
    /// The passages that prove the claim wrong, each with the words the fact rests on.
    public let evidence: [MythEvidence]
    /// Other ways people word the claim.
    public let phrasings: [String]
    /// Words of which a question must use one to be about this claim, or empty for none:
    /// a claim about Carer's Allowance is not made by a question that names no benefit,
    /// however closely its other words ("nursery", "30 hours") match.
    public let about: [String]
    /// The misconception is so common that a plain yes/no question about it ("can under-5s
    /// have SEN?", "do you need a diagnosis to get SEN support?") is taken to rest on it. Set
    /// on the four myths the IPSEA document busts and the ones the product brief names; a
    /// yes/no question about any other card only asks ("can an FE college in Herts apply for
    /// ENF?"), unless it presumes or reports the claim or puts a restriction to the test
    /// ("only", "just").
    public let isCommon: Bool
    /// The 1-based line of the card's heading in the myths file.
    public let line: Int

    public init(
        id: String, claim: String, verdict: String, fact: String, evidence: [MythEvidence],
        phrasings: [String], about: [String] = [], isCommon: Bool = false, line: Int
    ) {
        self.id = id
        self.claim = claim
        self.verdict = verdict
        self.fact = fact
        self.evidence = evidence
        self.phrasings = phrasings
        self.about = about
        self.isCommon = isCommon
        self.line = line
    }

    /// Problems with the card's evidence in `corpus`: a passage that does not exist, or that
    /// does not contain the quoted words. Empty when the card is sound.
    public func check(against corpus: Corpus) -> [String] {
        evidence.compactMap { item in
            guard let passage = corpus.passage(id: item.passageID) else {
                return "myth \(id): evidence passage \(item.passageID) does not exist"
            }
            guard TextFolding.fold(passage.text).contains(TextFolding.fold(item.quote)) else {
                return "myth \(id): passage \(item.passageID) does not contain \"\(item.quote)\""
            }
            return nil
        }
    }
}

/// One passage a myth card cites, and the words in it the card's fact rests on.
public struct MythEvidence: Sendable, Equatable {
    public let passageID: String
    public let quote: String

    public init(passageID: String, quote: String) {
        self.passageID = passageID
        self.quote = quote
    }
}

/// Folding for comparing texts: case, curly quotes and apostrophes, and runs of white space.
public enum TextFolding {
    public static func fold(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text.lowercased() {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            switch character {
            case "\u{2018}", "\u{2019}", "\u{02BC}": result.append("'")
            case "\u{201C}", "\u{201D}": result.append("\"")
            default: result.append(character)
            }
        }
        return result
    }
}
