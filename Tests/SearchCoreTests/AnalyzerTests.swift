import Testing

@testable import SearchCore

/// Tokeniser and analyzer cases, most taken from the guidance corpus.
struct AnalyzerTests {
    @Test(arguments: [
        ("Can under-5s have SEN?", ["can", "5", "sen"]),
        ("under 5", ["5"]),
        ("£6,000 pa", ["6000", "pa"]),
        ("6k", ["6000"]),
        ("paragraph 6.45 of the Code", ["paragraph", "6.45", "code"]),
        ("s66 (2) of the Children and Families Act 2014", ["s66", "2", "children", "famili", "act", "2014"]),
        ("the child’s needs", ["child", "need"]),
        ("the child's needs", ["child", "need"]),
        ("co-ordinator", ["co", "ordin", "coordin"]),
        ("Café NAÏVE", ["cafe", "naiv"]),
        ("‘best endeavours’", ["best", "endeavour"]),
        ("11.9 % of pupils", ["11.9", "pupil"]),
        ("SENCo / SENCO", ["senco", "senco"]),
        ("1990s", ["1990"]),
        ("assess, plan, do and review (APDR).", ["assess", "plan", "review", "apdr"]),
    ])
    func analyzerProducesTheseTerms(text: String, terms: [String]) {
        #expect(Analyzer.english.terms(text) == terms)
    }

    @Test func tokensKeepStopWordsAndSkipPunctuation() {
        #expect(WordTokenizer().tokens("Don't - stop!") == ["don't", "stop"])
        #expect(WordTokenizer().tokens("'quoted'") == ["quoted"])
        #expect(WordTokenizer().tokens("") == [])
    }

    @Test func overlongTokensAreDropped() {
        let long = String(repeating: "a", count: WordTokenizer.maximumTokenBytes + 1)
        #expect(Analyzer.english.terms("short \(long) words") == ["short", "word"])
    }

    @Test func invalidAndControlInputDoesNotCrash() {
        #expect(Analyzer.english.terms("\u{0}\u{1}\u{7F}\u{FFFD}") == [])
        #expect(Analyzer.english.terms(String(repeating: "-", count: 10_000)) == [])
    }
}
