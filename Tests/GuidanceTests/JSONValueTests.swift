import Foundation
import Testing

@testable import Guidance

@Test(arguments: [
    ("plain", #""plain""#),
    ("", #""""#),
    (#"say "no""#, #""say \"no\"""#),
    (#"back\slash"#, #""back\\slash""#),
    ("line\nbreak\r\ttab", #""line\nbreak\r\ttab""#),
    ("\u{0}\u{1}\u{1F}", #""\u0000\u0001\u001f""#),
    ("\u{7F} stays", "\"\u{7F} stays\""),
    ("a\u{2028}b\u{2029}c", #""a\u2028b\u2029c""#),
    ("£6,000 – café’s “plan” 😀", "\"£6,000 – café’s “plan” 😀\""),
    ("\u{2026}\u{20AC}\u{2027}\u{202A}", "\"\u{2026}\u{20AC}\u{2027}\u{202A}\""),
])
func stringsAreEscaped(text: String, expected: String) {
    #expect(JSONValue.string(text).serialized() == expected)
    #expect(JSONValue.string(text).bytes() == Array(expected.utf8))
}

@Test func documentKeepsMemberOrderAndFormatsNumbers() {
    let value = JSONValue.object([
        ("z", .integer(-3)), ("a", .number(2.0)), ("score", .number(2.372995)),
        ("nan", .number(.nan)), ("big", .number(1e20)), ("none", .null), ("yes", .bool(true)),
        ("list", .strings(["x", "y"])), ("empty", .array([])), ("nested", .object([("k", .bool(false))])),
    ])
    #expect(
        value.serialized()
            == #"{"z":-3,"a":2,"score":2.372995,"nan":null,"big":1e+20,"none":null,"yes":true,"list":["x","y"],"empty":[],"nested":{"k":false}}"#
    )
}

@Test func outputIsValidJSONForEveryScalarClass() throws {
    let text = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }.joined() + "\u{2028}\u{2029}é😀"
    let bytes = JSONValue.object([("text", .string(text))]).bytes()
    let decoded = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: String])
    #expect(decoded["text"] == text)
}

/// The pre-written search JSON is byte-for-byte what ``SearchHit/json`` writes: every
/// passage of the real corpus as a hit, with scores that round, and for real searches.
@Test func renderedSearchHitsMatchTheJSONTree() throws {
    let library = try #require(RealGuidance.answerer).library
    let rendered = RenderedSearchHits(library: library)
    let everyPassage = library.corpus.passages.indices.map { ordinal in
        SearchHit(
            ordinal: ordinal, passage: library.passage(at: ordinal), document: library.document(ofPassageAt: ordinal),
            score: Double(ordinal) * 1.234_567_891 - 3)
    }
    #expect(everyPassage.count == 134)
    let query = "a \"quoted\" question\nwith £ and \u{2028}"
    #expect(rendered.json(query: query, hits: everyPassage) == SearchHit.json(query: query, hits: everyPassage).bytes())
    #expect(rendered.json(query: "", hits: []) == Array(#"{"query":"","hits":[]}"#.utf8))
    for question in ["who is the SENCO", "notional SEN budget", "does my child need a diagnosis"] {
        let hits = library.search(question, limit: 5)
        #expect(hits.count == 5)
        #expect(rendered.json(query: question, hits: hits) == SearchHit.json(query: question, hits: hits).bytes())
    }
}
