/// Trimming by Unicode scalar, the same sets as Foundation's `CharacterSet.whitespaces` and
/// `.whitespacesAndNewlines`, without linking all of Foundation (docs/DEPLOY.md).
///
/// ```swift
/// "\t ask me \n".trimmingScalars(where: \.isWhitespaceOrNewline)   // "ask me"
/// ```
///
/// `Tests/GuideServerTests/WhitespaceTests.swift` checks both sets against Foundation's over
/// every Unicode scalar.
extension Unicode.Scalar {
    /// Horizontal space: the tab and the space separators, as Foundation (CoreFoundation)
    /// defines `CharacterSet.whitespaces`. U+200B ZERO WIDTH SPACE is included, as there.
    package var isHorizontalWhitespace: Bool {
        switch value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Horizontal space and line ends (U+000A–U+000D, U+0085, U+2028, U+2029), as
    /// `CharacterSet.whitespacesAndNewlines`.
    package var isWhitespaceOrNewline: Bool {
        switch value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: isHorizontalWhitespace
        }
    }
}

extension StringProtocol {
    /// The text without the leading and trailing scalars for which `predicate` is true.
    ///
    /// - Complexity: O(*n*) in the scalars trimmed, plus the copy of what is kept.
    package func trimmingScalars(where predicate: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !predicate($0) }),
            let last = scalars.lastIndex(where: { !predicate($0) })
        else { return "" }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: scalars[first...last])
        return String(kept)
    }
}
