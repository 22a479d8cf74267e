// Fuzz target: the myth card parser (Corpus/myths.md); cards it accepts are checked against
// the real corpus, as `senguide` does at start-up, and a myth detector is built from them and
// asked about each card's own claim.
// Build and run: Fuzz/run.sh MythCards
import Foundation
@testable import Guidance
import SearchCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMythCards(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let library = RealGuidance.answerer.library
    let cards: [MythCard]
    do {
        cards = try MythCardParser.parse(fileName: "myths.md", text: text)
    } catch {
        precondition(error.description.hasPrefix("myths.md:"), "a myth card error must name the file and line")
        return 0
    }
    for card in cards { _ = card.check(against: library.corpus) }
    let detector = MythDetector(cards: cards, index: library.index, analyzer: .english) { Analyzer.english.terms($0) }
    let answerer = RealGuidance.answerer
    for card in cards.prefix(4) {
        let reading = QuestionReading(card.claim, corrector: answerer.corrector, analyzer: .english)
        _ = detector.detect(reading, bestPassageID: card.evidence.first?.passageID)
    }
    return 0
}
