#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Number and column formatting for the CLI's text output, without all of Foundation
/// (`String(format:)` and `padding(toLength:)` live there; docs/DEPLOY.md says why not).
enum TextFormatting {
    /// `value` with exactly `places` decimals, rounded as C's `printf("%.*f")` rounds, the
    /// same text as `String(format: "%.6f", value)`.
    ///
    /// ```swift
    /// TextFormatting.fixed(7.3125, places: 2)   // "7.31"
    /// ```
    static func fixed(_ value: Double, places: Int) -> String {
        let precision = Int32(max(0, min(places, 40)))
        // Enough for any finite double: up to 309 integer digits, a sign, a point, the decimals.
        var buffer = [CChar](repeating: 0, count: 360)
        let written = withVaList([precision, value]) { arguments in
            buffer.withUnsafeMutableBufferPointer { pointer in
                vsnprintf(pointer.baseAddress, pointer.count, "%.*f", arguments)
            }
        }
        guard written > 0 else { return "\(value)" }
        let bytes = buffer.prefix(min(Int(written), buffer.count - 1)).map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `text` cut or padded with spaces to exactly `width` characters, as
    /// `padding(toLength: width, withPad: " ", startingAt: 0)` does for ASCII text.
    static func column(_ text: String, width: Int) -> String {
        let kept = text.prefix(width)
        return String(kept) + String(repeating: " ", count: max(0, width - kept.count))
    }
}
