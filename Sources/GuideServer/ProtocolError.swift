/// Why a line-protocol request was refused; sent back as `{"error":{"code","message"}}`.
public enum ProtocolError: Error, Equatable, Sendable, CustomStringConvertible {
    case emptyLine
    case invalidUTF8
    case nulByte
    /// The line has no newline within `limit` bytes; the connection is closed after this.
    case lineTooLong(limit: Int)
    case invalidJSON
    case unknownCommand
    case emptyField(String)
    case badLimit(allowed: ClosedRange<Int>)
    case unexpectedLimit
    case notAParagraph
    case rateLimited(retryAfterSeconds: Int)
    /// A line was started but not finished in time; the connection is closed after this.
    case readTimeout(seconds: Double)
    /// No request came in time; the connection is closed after this.
    case idleTimeout(seconds: Double)

    /// The stable machine-readable code.
    public var code: String {
        switch self {
        case .emptyLine: "empty_line"
        case .invalidUTF8: "invalid_utf8"
        case .nulByte: "nul_byte"
        case .lineTooLong: "line_too_long"
        case .invalidJSON: "invalid_json"
        case .unknownCommand: "unknown_command"
        case .emptyField: "empty_field"
        case .badLimit: "bad_limit"
        case .unexpectedLimit: "unexpected_limit"
        case .notAParagraph: "not_a_paragraph"
        case .rateLimited: "rate_limited"
        case .readTimeout: "read_timeout"
        case .idleTimeout: "idle_timeout"
        }
    }

    /// Whether the server closes the connection after sending this error.
    public var closesConnection: Bool {
        switch self {
        case .lineTooLong, .readTimeout, .idleTimeout: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .emptyLine:
            "the line is empty; send a question, or a JSON object such as {\"search\": \"EHCP\"}"
        case .invalidUTF8: "the line is not valid UTF-8"
        case .nulByte: "the line contains a NUL byte"
        case .lineTooLong(let limit):
            "no newline within \(limit) bytes; send one request per line, each shorter than that"
        case .invalidJSON:
            "a line starting with { must be a JSON object such as {\"ask\": \"…\"}"
        case .unknownCommand:
            "a JSON request needs exactly one of \"ask\", \"search\" or \"cite\""
        case .emptyField(let field): "\"\(field)\" is empty"
        case .badLimit(let allowed):
            "limit must be a whole number from \(allowed.lowerBound) to \(allowed.upperBound)"
        case .unexpectedLimit: "only \"search\" takes a \"limit\""
        case .notAParagraph:
            "cite takes a Code of Practice paragraph number such as \"6.45\""
        case .rateLimited(let seconds):
            "too many requests from this address; retry in \(seconds) s"
        case .readTimeout(let seconds):
            "the line was not finished within \(Self.format(seconds)) s; closing"
        case .idleTimeout(let seconds):
            "no request for \(Self.format(seconds)) s; closing"
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
