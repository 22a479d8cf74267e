#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The string, integer and string-array fields of one JSON object, for the CLI's JSON Lines
/// inputs (eval questions, batch queries, `--jsonl` documents that ``JSONLine`` passes over).
///
/// Parsing is strict (the line must be one JSON object); reading a field is lenient: a field
/// of another type reads as absent, as `object["id"] as? String` did with `JSONSerialization`.
///
/// ```swift
/// let fields = JSONFields.parse(Array(#"{"id": 7, "text": "EHCP"}"#.utf8))
/// fields?.string("text")    // "EHCP"
/// fields?.integer("id")     // 7
/// fields?.string("id")      // nil
/// ```
struct JSONFields: Decodable {
    private var strings: [String: String] = [:]
    private var integers: [String: Int] = [:]
    private var stringArrays: [String: [String]] = [:]

    /// The fields of `bytes`, or nil unless they are one JSON object.
    static func parse<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> JSONFields? {
        try? JSONDecoder().decode(JSONFields.self, from: Data(bytes))
    }

    func string(_ key: String) -> String? { strings[key] }
    func integer(_ key: String) -> Int? { integers[key] }
    func strings(_ key: String) -> [String]? { stringArrays[key] }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        for key in container.allKeys {
            if let text = try? container.decode(String.self, forKey: key) {
                strings[key.stringValue] = text
            } else if let number = try? container.decode(Int.self, forKey: key) {
                integers[key.stringValue] = number
            } else if let texts = try? container.decode([String].self, forKey: key) {
                stringArrays[key.stringValue] = texts
            }
        }
    }

    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
