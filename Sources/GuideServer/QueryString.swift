/// Decoding of URL query strings (`q=can+under-5s+have+SEN&limit=5`).
///
/// The query is read as `application/x-www-form-urlencoded` (WHATWG URL §5): `&` separates
/// pairs, `=` separates name from value, `+` is a space and `%XX` a byte. The decoded bytes
/// must be UTF-8 without NUL; anything else is a 400.
enum QueryString {
    /// The decoded name–value pairs, in order; a name without `=` has the empty value.
    ///
    /// The query is split on its UTF-8 bytes: the request parser lets only visible ASCII
    /// into a target, so a byte and a character are the same thing here, and bytes need no
    /// grapheme breaking.
    static func parse(_ query: Substring) throws(HTTPError) -> [(name: String, value: String)] {
        // One copy into an array, then plain indexing: splitting the Substring's UTF-8 view
        // through closures was 7% of a search request's instructions.
        let bytes = Array(query.utf8)
        var pairs: [(name: String, value: String)] = []
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "&")) ?? bytes.count
            if end > start {
                let part = bytes[start..<end]
                if let equals = part.firstIndex(of: UInt8(ascii: "=")) {
                    pairs.append((try decode(part[..<equals]), try decode(part[(equals + 1)...])))
                } else {
                    pairs.append((try decode(part), ""))
                }
            }
            start = end + 1
        }
        return pairs
    }

    /// The first value for `name`, if present.
    static func value(_ name: String, in pairs: [(name: String, value: String)]) -> String? {
        pairs.first(where: { $0.name == name })?.value
    }

    /// Percent-decodes `text` (UTF-8), with `+` as a space.
    static func decode(_ text: some Collection<UInt8>) throws(HTTPError) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count)
        var iterator = text.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(0x20)
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue),
                    let low = iterator.next().flatMap(hexValue)
                else {
                    throw .badRequest(
                        "bad_percent_encoding", "a % in the query is not followed by two hex digits")
                }
                bytes.append(high << 4 | low)
            default: bytes.append(byte)
            }
        }
        if bytes.contains(0) {
            throw .badRequest("nul_byte", "the query contains a NUL byte (%00)")
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw .badRequest("invalid_utf8", "the query is not valid UTF-8 once percent-decoded")
        }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
