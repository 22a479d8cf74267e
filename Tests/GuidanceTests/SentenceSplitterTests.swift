import Testing

@testable import Guidance

struct SentenceSplitterTests {
    @Test func splitsOnSentenceEndsButNotInsideNumbers() {
        #expect(
            SentenceSplitter.sentences("Schools should take seriously any concerns (paragraph 6.45). At college too.")
                == ["Schools should take seriously any concerns (paragraph 6.45).", "At college too."])
        #expect(SentenceSplitter.sentences("e.g. the SENCo. Next") == ["e.g. the SENCo.", "Next"])
        #expect(SentenceSplitter.sentences("- one\n- two") == ["- one", "- two"])
    }
}
