@_spi(_Unicode) import Swift
import Foundation
import Testing

@testable import SearchCore

/// The tokeniser folds diacritics with the standard library's canonical decomposition, not
/// Foundation's, so that SearchCore needs no Foundation (docs/DEPLOY.md). The two agree on
/// every scalar Foundation's tables know; Unicode 16 added 20 that only the standard
/// library decomposes.
struct CanonicalDecompositionTests {
    @Test func agreesWithFoundationUpToUnicode15() {
        var differences: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), let age = scalar.properties.age, age.major < 16 else { continue }
            let text = String(scalar)
            if Array(text._nfd) != Array(text.decomposedStringWithCanonicalMapping.unicodeScalars) {
                differences.append("U+" + String(value, radix: 16))
            }
        }
        #expect(differences == [])
    }

    @Test(arguments: ["Café", "naïve SENCo", "e\u{301}\u{323}", "\u{1E0B}\u{323}", "Zoë’s EHCP", "한국어"])
    func stringsAgreeWithFoundation(text: String) {
        #expect(Array(text._nfd) == Array(text.decomposedStringWithCanonicalMapping.unicodeScalars))
    }

    @Test func diacriticsStillFold() {
        #expect(WordTokenizer.foldedBytes("Café Zoë") == Array("cafe zoe".utf8))
    }
}
