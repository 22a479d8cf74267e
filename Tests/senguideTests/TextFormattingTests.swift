import Foundation
import Testing

@testable import senguide

/// The CLI's own number formatting and JSON field reading, which replace `String(format:)`
/// and `JSONSerialization` so that the shipped binary links only FoundationEssentials.
struct TextFormattingTests {
    static let values: [Double] = [
        0, -0.0, 1, 2.345, 2.355, 7.3125, 0.0005, -0.0005, 1.0000005, 123456.789, 1e20, -1e-7,
        .pi, 2.5, 3.5, .greatestFiniteMagnitude, .leastNonzeroMagnitude, .infinity, -.infinity, .nan,
    ]

    @Test(arguments: [0, 1, 2, 3, 6])
    func fixedIsStringFormat(places: Int) {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<2000).map { _ in Double.random(in: -50...50, using: &generator) }
        for value in Self.values + random {
            #expect(TextFormatting.fixed(value, places: places) == String(format: "%.\(places)f", value))
        }
    }

    @Test(arguments: [("ask", 9), ("analyze", 9), ("abstention_recall", 20), ("a-very-long-name", 9), ("", 3)])
    func columnIsPadding(text: String, width: Int) {
        #expect(TextFormatting.column(text, width: width) == text.padding(toLength: width, withPad: " ", startingAt: 0))
    }

    /// Each line read as `JSONSerialization` and `as?` read it before.
    @Test(arguments: [
        #"{"id": "q1", "text": "best endeavours"}"#, #"{"id": 7, "text": "EHCP"}"#, #"{"id": 7.5, "text": 3}"#,
        #"{"question": "x", "expect": "myth", "evidence": ["a", "b"]}"#, #"{"evidence": ["a", 1]}"#,
        #"{"id": null, "text": "t\u00e9\n"}"#, #"["id"]"#, #""id""#, #"{"id": "a""#, "", "  {\"id\":\"x\"}  ",
        #"{"nested": {"id": "no"}, "id": "yes"}"#, #"{"id": true}"#,
    ])
    func jsonFieldsReadAsJSONSerialization(line: String) {
        let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        let fields = JSONFields.parse(Array(line.utf8))
        #expect((object == nil) == (fields == nil))
        for key in ["id", "text", "question", "expect", "evidence"] {
            #expect(fields?.string(key) == object?[key] as? String)
            #expect(fields?.strings(key) == object?[key] as? [String])
        }
    }

    /// A query id may be a number (batch search); only whole numbers read as integers.
    @Test(arguments: [(#"{"id": 7}"#, 7), (#"{"id": -3}"#, -3), (#"{"id": 7.5}"#, nil), (#"{"id": "7"}"#, nil)] as [(String, Int?)])
    func integerIDs(line: String, expected: Int?) {
        #expect(JSONFields.parse(Array(line.utf8))?.integer("id") == expected)
    }
}
