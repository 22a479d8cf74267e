/// A word, number or symbol of a passage, as ``CodeReferenceParser`` sees it.
///
/// Words are runs of letters, lowercased; numbers are runs of ASCII digits with any `.` that
/// stands between digits (`6.45`, `11.9`, `6.45.2`); every other character but whitespace is a
/// symbol of its own (`(`, `,`, `%`, `£`).
struct ReferenceToken: Sendable, Equatable {
    enum Kind: Sendable { case word, number, symbol }

    let kind: Kind
    /// The text, lowercased for a word.
    let text: String
    /// True when whitespace (or the start of the text) comes before the token.
    let spaceBefore: Bool

    /// The value of a number with no `.` and no leading zero, else nil.
    var integer: Int? {
        guard kind == .number, !text.hasPrefix("0"), !text.contains(".") else { return nil }
        return Int(text)
    }

    /// The tokens of `text`, in order.
    ///
    /// - Complexity: O(*n*), *n* = the length of `text`.
    static func tokenize(_ text: String) -> [ReferenceToken] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [ReferenceToken] = []
        var spaceBefore = true
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.properties.isWhitespace {
                spaceBefore = true
                index += 1
                continue
            }
            var end = index + 1
            let kind: Kind
            if scalar.properties.isAlphabetic {
                kind = .word
                while end < scalars.count, scalars[end].properties.isAlphabetic { end += 1 }
            } else if isDigit(scalar) {
                kind = .number
                while end < scalars.count,
                    isDigit(scalars[end])
                        || (scalars[end] == "." && end + 1 < scalars.count && isDigit(scalars[end + 1]))
                {
                    end += 1
                }
            } else {
                kind = .symbol
            }
            var word = String(String.UnicodeScalarView(scalars[index..<end]))
            if kind == .word { word = word.lowercased() }
            tokens.append(ReferenceToken(kind: kind, text: word, spaceBefore: spaceBefore))
            spaceBefore = false
            index = end
        }
        return tokens
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
}
