/// Small, allocation-light JSON writing for the servers' own documents (errors, health).
///
/// The answering engine writes its own JSON; the servers only ever need objects of strings,
/// so this is a string escaper and an object builder, not a general encoder.
enum JSONText {
    /// Appends `value` as a JSON string literal (RFC 8259 §7) to `output`.
    ///
    /// Escapes `"`, `\` and the C0 controls; everything else, including non-ASCII, is copied
    /// as UTF-8.
    static func appendString(_ value: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): output.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                output.append(contentsOf: Array("\\u00".utf8))
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0x0F)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// A JSON object of string members, in the order given.
    static func object(_ members: [(String, String)]) -> [UInt8] {
        var output: [UInt8] = [UInt8(ascii: "{")]
        for (index, member) in members.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            appendString(member.0, to: &output)
            output.append(UInt8(ascii: ":"))
            appendString(member.1, to: &output)
        }
        output.append(UInt8(ascii: "}"))
        return output
    }

    /// `{"error":{"code":…,"message":…}}`, the error shape both servers use (CONTRACT.md).
    static func error(code: String, message: String) -> [UInt8] {
        var output = Array(#"{"error":"#.utf8)
        output.append(contentsOf: object([("code", code), ("message", message)]))
        output.append(UInt8(ascii: "}"))
        return output
    }
}
