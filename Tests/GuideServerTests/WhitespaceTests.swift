import Foundation
import Synchronization
import Testing

@testable import GuideServer

/// The server's own whitespace sets and threads, which replace Foundation's so that the
/// shipped binary links only FoundationEssentials (docs/DEPLOY.md).
struct WhitespaceTests {
    /// Every Unicode scalar: the sets are exactly Foundation's.
    @Test func setsAreFoundationsForEveryScalar() {
        var differences: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if scalar.isHorizontalWhitespace != CharacterSet.whitespaces.contains(scalar) {
                differences.append("whitespaces U+\(String(value, radix: 16))")
            }
            if scalar.isWhitespaceOrNewline != CharacterSet.whitespacesAndNewlines.contains(scalar) {
                differences.append("whitespacesAndNewlines U+\(String(value, radix: 16))")
            }
        }
        #expect(differences == [])
    }

    @Test(arguments: [
        "", " ", "\t\t", "ask me", "  ask me  ", "\u{3000}ask\u{A0}me\u{2009}", "\r\nline\r\n",
        "\u{85}x\u{2028}", " \u{301}e ", "\u{200B}zero width\u{200B}", "é\t", " 6.45 ", "\n\n",
    ])
    func trimmingMatchesFoundation(text: String) {
        #expect(text.trimmingScalars(where: \.isHorizontalWhitespace) == text.trimmingCharacters(in: .whitespaces))
        #expect(
            text.trimmingScalars(where: \.isWhitespaceOrNewline)
                == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(
            text.unicodeScalars.elementsEqual(text.trimmingScalars(where: { _ in false }).unicodeScalars))
    }

    @Test func namedThreadRunsItsBodyUnderItsName() throws {
        let done = ConditionLock()
        let seen = Mutex<String?>(nil)
        #expect(NamedThread.start(name: "senguide-test-name-too-long") {
            let comm = (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? "?"
            seen.withLock { $0 = comm.trimmingCharacters(in: .newlines) }
            done.lock()
            done.signal()
            done.unlock()
        })
        done.lock()
        var waited = 0
        while seen.withLock({ $0 }) == nil && waited < 50 {
            _ = done.wait(seconds: 0.1)
            waited += 1
        }
        done.unlock()
        #expect(seen.withLock { $0 } == "senguide-test-n")
    }

    @Test func conditionWaitTimesOut() {
        let condition = ConditionLock()
        let start = Date()
        condition.lock()
        let signalled = condition.wait(seconds: 0.05)
        condition.unlock()
        #expect(!signalled)
        #expect(Date().timeIntervalSince(start) >= 0.04)
    }
}
