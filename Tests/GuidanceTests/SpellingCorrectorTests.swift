import Testing

@testable import Guidance

struct SpellingCorrectorTests {
    @Test func correctsWithinOneOrTwoEditsAndLeavesRealWordsAlone() {
        let corrector = SpellingCorrector(knownWords: ["school": 9, "support": 9, "assessment": 3], englishWords: ["daughter"])
        #expect(corrector.correction(for: "shcool") == "school")
        #expect(corrector.correction(for: "suport") == "support")
        #expect(corrector.correction(for: "assesment") == "assessment")
        #expect(corrector.correction(for: "daughter") == nil)
        #expect(corrector.correction(for: "school") == nil)
        #expect(corrector.correction(for: "xyzzy") == nil)
        #expect(corrector.correction(for: "sch") == "school")
        #expect(corrector.correction(for: "supp") == "support")
        #expect(corrector.correction(for: "ab") == nil)
    }

    @Test func readsAMissedDoubleLetterBeforeANearerCommonWord() {
        let corrector = SpellingCorrector(
            knownWords: ["actual": 5, "later": 9, "letter": 2, "assessing": 2, "setting": 9, "governors": 3],
            englishWords: ["asses", "spot", "fine", "care", "provide", "govern"], undoublingWords: ["actually", "wife"])
        #expect(corrector.correction(for: "actualy") == "actually")
        #expect(corrector.correction(for: "leter") == "letter")
        #expect(corrector.correction(for: "assesing") == "assessing")
        // A filler word is reached only by a missed double, never by any other edit.
        #expect(SpellingCorrector(knownWords: ["school": 1], undoublingWords: ["wife"]).correction(for: "wifi") == nil)
    }

    /// A word spelt as it sounds ("definishun", three edits from "definition") is read as the
    /// word its sound is written as.
    @Test func readsAnEndingSpeltAsItSounds() {
        let corrector = SpellingCorrector(knownWords: ["education": 4, "school": 9], englishWords: ["definition"])
        #expect(corrector.correction(for: "definishun") == "definition")
        #expect(corrector.correction(for: "educashon") == "education")
        #expect(corrector.correction(for: "cushun") == nil)
    }

    @Test func neverChangesTheFirstLetterButMaySwapTheFirstTwo() {
        let corrector = SpellingCorrector(knownWords: ["site": 9, "autism": 3, "school": 9, "which": 9])
        #expect(corrector.correction(for: "nite") == nil)
        #expect(corrector.correction(for: "mutism") == nil)
        #expect(corrector.correction(for: "shcool") == "school")
        #expect(corrector.correction(for: "hwich") == "which")
    }

    @Test func leavesInflectionsOfRealWordsAlone() {
        let corrector = SpellingCorrector(
            knownWords: ["setting": 9, "find": 9, "care": 9, "provides": 3, "governors": 3],
            englishWords: ["spot", "fine", "provide", "govern"])
        #expect(corrector.correction(for: "spotting") == nil)
        #expect(corrector.correction(for: "fined") == nil)
        #expect(corrector.correction(for: "carer") == nil)
        #expect(corrector.correction(for: "providers") == nil)
        // "-ers" on a base that is a word only by itself is still a slip: "govern" + "ers".
        #expect(corrector.correction(for: "governers") == "governors")
    }

    @Test func restoresAMissingVowelBeforeCompletingAnAbbreviation() {
        let corrector = SpellingCorrector(
            knownWords: ["mental": 9, "psychologist": 5, "support": 9], englishWords: ["meant", "psyche"])
        #expect(corrector.correction(for: "ment") == "meant")
        // Only inside the word: a vowel added at the end is a completion's business.
        #expect(corrector.correction(for: "psych") == "psychologist")
        #expect(corrector.correction(for: "supp") == "support")
    }

    @Test func editDistanceCountsASwapAsOne() {
        #expect(SpellingCorrector.editDistance(Array("daugther"), Array("daughter"), limit: 2) == 1)
        #expect(SpellingCorrector.editDistance(Array("kitten"), Array("sitting"), limit: 5) == 3)
    }
}
