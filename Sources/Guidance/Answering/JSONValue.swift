/// A JSON value with deterministic output: object keys keep the order they were given in.
///
/// Used for every JSON the product writes (answers, search hits, errors), so that output is
/// byte-for-byte reproducible and needs no reflection.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case integer(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (left: JSONValue, right: JSONValue) -> Bool {
        left.bytes() == right.bytes()
    }

    /// Compact JSON text, UTF-8, no trailing newline.
    public func serialized() -> String { String(decoding: bytes(), as: UTF8.self) }

    /// Compact JSON as UTF-8 bytes.
    ///
    /// Written straight into a byte array: a search's JSON is a few kilobytes, mostly
    /// passage text, and copying the text in runs rather than a Unicode scalar at a time
    /// halved the CPU time of a `/v1/search` request (docs/BENCHMARKS.md).
    public func bytes() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(to: &output)
        return output
    }

    func write(to output: inout [UInt8]) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .integer(let value): output.append(contentsOf: String(value).utf8)
        case .number(let value):
            if value.isFinite {
                let text = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
                output.append(contentsOf: text.utf8)
            } else {
                output.append(contentsOf: "null".utf8)
            }
        case .string(let value): JSONValue.writeString(value, to: &output)
        case .array(let values):
            output.append(UInt8(ascii: "["))
            for (position, value) in values.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                value.write(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (position, (key, value)) in members.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                JSONValue.writeString(key, to: &output)
                output.append(UInt8(ascii: ":"))
                value.write(to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Appends `string` as a JSON string literal (RFC 8259 §7).
    ///
    /// Escapes `"`, `\` and the C0 controls (`\n`, `\r`, `\t`, else `\u00XX`), and U+2028
    /// and U+2029, which JavaScript before ES2019 does not allow in a string; everything else
    /// is copied as UTF-8, in runs between the bytes that need escaping.
    ///
    /// - Complexity: O(*n*), *n* = UTF-8 bytes of `string`.
    static func writeString(_ string: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            var copiedUpTo = 0
            var index = 0
            while index < utf8.count {
                guard mayNeedEscape(utf8[index]), let (escape, length) = escapeSequence(at: index, in: utf8)
                else {
                    index += 1
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copiedUpTo..<index]))
                output.append(contentsOf: escape.utf8)
                index += length
                copiedUpTo = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copiedUpTo...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Whether `byte` may start a character that needs escaping: the bytes of `"`, `\`, the
    /// C0 controls, and the lead byte of U+2028 and U+2029. Every other byte is copied.
    @inline(__always)
    private static func mayNeedEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0xE2
    }

    /// The escape for the character starting at `utf8[index]` and how many bytes it
    /// replaces, or nil when it is copied as it is.
    private static func escapeSequence(at index: Int, in utf8: UnsafeBufferPointer<UInt8>)
        -> (String, Int)?
    {
        let byte = utf8[index]
        switch byte {
        case UInt8(ascii: "\""): return ("\\\"", 1)
        case UInt8(ascii: "\\"): return ("\\\\", 1)
        case 0x0A: return ("\\n", 1)
        case 0x0D: return ("\\r", 1)
        case 0x09: return ("\\t", 1)
        case 0x00..<0x20:
            let hex = String(byte, radix: 16)
            return ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex, 1)
        case 0xE2:
            // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8.
            guard index + 2 < utf8.count, utf8[index + 1] == 0x80,
                utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9
            else { return nil }
            return (utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029", 3)
        default: return nil
        }
    }
}

extension JSONValue {
    /// A string, or null when nil.
    public static func optional(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
    /// An array of strings.
    public static func strings(_ values: [String]) -> JSONValue { .array(values.map { .string($0) }) }
}
