#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One request of the line protocol (docs/PROTOCOL.md).
public enum Command: Sendable, Equatable {
    /// A question to answer; plain text or `{"ask": "…"}`.
    case ask(String)
    /// `{"search": "…", "limit": N}`: ranked passages.
    case search(String, limit: Int)
    /// `{"cite": "6.45"}`: the passages citing a Code of Practice paragraph.
    case cite(String)
}

/// The line protocol's codec: one request per line in, one JSON line out, no sockets.
///
/// A request line is UTF-8 without NUL, ends in `\n` (a preceding `\r` is dropped) and is at
/// most ``ServerConfiguration/maxLineBytes`` long. It is either plain text, a question, or a
/// JSON object with exactly one of `ask`, `search` (with an optional `limit`, 1–50) or `cite`.
public enum LineProtocol {
    static let defaultSearchLimit = 10
    static let maxSearchLimit = 50

    /// Parses one line, already split from the stream and decoded, without its terminator.
    ///
    /// ```swift
    /// try LineProtocol.parseCommand("can under-5s have SEN")        // .ask("can under-5s have SEN")
    /// try LineProtocol.parseCommand(#"{"search": "EHCP", "limit": 3}"#) // .search("EHCP", limit: 3)
    /// ```
    public static func parseCommand(_ line: Substring) throws(ProtocolError) -> Command {
        let text = trimmingWhitespace(line)
        guard !text.isEmpty else { throw .emptyLine }
        if text.contains("\0") { throw .nulByte }
        guard text.hasPrefix("{") else { return .ask(text) }
        let request: LineRequest
        do {
            request = try JSONDecoder().decode(LineRequest.self, from: Data(text.utf8))
        } catch {
            throw .invalidJSON
        }
        switch (request.ask, request.search, request.cite) {
        case (let question?, nil, nil):
            guard request.limit == nil else { throw .unexpectedLimit }
            return .ask(try nonEmpty(question, field: "ask"))
        case (nil, let query?, nil):
            let limit = request.limit ?? defaultSearchLimit
            guard (1...maxSearchLimit).contains(limit) else {
                throw .badLimit(allowed: 1...maxSearchLimit)
            }
            return .search(try nonEmpty(query, field: "search"), limit: limit)
        case (nil, nil, let paragraph?):
            guard request.limit == nil else { throw .unexpectedLimit }
            return .cite(try nonEmpty(paragraph, field: "cite"))
        default:
            throw .unknownCommand
        }
    }

    /// The response line for an error, newline included.
    static func errorLine(_ error: ProtocolError) -> [UInt8] {
        JSONText.error(code: error.code, message: error.description) + [0x0A]
    }

    /// `line` without leading and trailing spaces (Unicode `Zs`) and tabs.
    ///
    /// Most lines start and end with a visible ASCII character, which no trimming can remove;
    /// they skip the scan by scalar and are only copied.
    private static func trimmingWhitespace(_ line: Substring) -> String {
        let visibleASCII = UInt8(ascii: "!")...UInt8(ascii: "~")
        if let first = line.utf8.first, let last = line.utf8.last,
            visibleASCII.contains(first), visibleASCII.contains(last)
        {
            return String(line)
        }
        return line.trimmingScalars(where: \.isHorizontalWhitespace)
    }

    private static func nonEmpty(_ value: String, field: String) throws(ProtocolError) -> String {
        guard value.contains(where: { !$0.isWhitespace }) else { throw .emptyField(field) }
        guard !value.utf8.contains(0) else { throw .nulByte }
        return value
    }
}

/// A JSON request line. Every field is optional here; ``LineProtocol/parseCommand(_:)``
/// checks that exactly one command is present.
private struct LineRequest: Decodable {
    var ask: String?
    var search: String?
    var cite: String?
    var limit: Int?
}
