import Foundation
import GuideServer
import Synchronization

/// A stand-in for the answering engine: fixed JSON that counts calls and never repeats the
/// question text. The question `slow` signals ``slowStarted`` and then takes half a second,
/// and `gated` waits (at most five seconds) until a test signals ``gate``, to test requests
/// in flight.
final class FakeGuideService: GuideService {
    let generation: Int
    private let calls = Atomic<Int>(0)

    static let gate = DispatchSemaphore(value: 0)
    /// Signalled when a `slow` question starts being answered: the request is then in flight.
    static let slowStarted = DispatchSemaphore(value: 0)

    init(generation: Int = 1) {
        self.generation = generation
    }

    func ask(_ question: String, history: [String]) -> [UInt8] {
        let call = calls.wrappingAdd(1, ordering: .relaxed).newValue
        if question == "slow" {
            FakeGuideService.slowStarted.signal()
            usleep(500_000)
        }
        if question == "gated" { _ = FakeGuideService.gate.wait(timeout: .now() + 5) }
        return Array(
            #"{"kind":"answer","generation":\#(generation),"call":\#(call),"history":\#(history.count),"length":\#(question.count)}"#
                .utf8)
    }

    func search(_ query: String, limit: Int) -> [UInt8] {
        let call = calls.wrappingAdd(1, ordering: .relaxed).newValue
        return Array(
            #"{"query":"q","generation":\#(generation),"call":\#(call),"limit":\#(limit),"hits":[]}"#.utf8)
    }

    func cite(_ paragraph: String) -> [UInt8]? {
        guard paragraph.allSatisfy({ $0.isNumber || $0 == "." }), paragraph.contains(".") else {
            return nil
        }
        return Array(#"{"paragraph":"\#(paragraph)","passages":[]}"#.utf8)
    }

    var healthFields: [(String, String)] { [("generation", String(generation)), ("passages", "3")] }

    var summary: String { "fake index generation \(generation)" }
}
