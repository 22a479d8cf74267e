/// A response ready to be written: status, headers and body.
///
/// The serialiser adds `Content-Length` and `Connection`; handlers never set them.
struct HTTPResponse: Sendable {
    static let jsonContentType = "application/json; charset=utf-8"

    var status: Int
    /// Extra header fields, in order; names as they should appear on the wire.
    var headers: [(String, String)]
    var body: [UInt8]
    /// Set when the server must close the connection after writing this response.
    var closesConnection = false

    init(status: Int, contentType: String, body: [UInt8], headers: [(String, String)] = []) {
        self.status = status
        self.headers = [("Content-Type", contentType)] + headers
        self.body = body
    }

    /// A response with no body, such as 204 to a CORS preflight.
    init(status: Int, headers: [(String, String)]) {
        self.status = status
        self.headers = headers
        self.body = []
    }

    /// The bytes to write: status line, headers, blank line and (unless `omitBody`, for
    /// `HEAD`) the body.
    ///
    /// - Parameters:
    ///   - keepAlive: whether the connection stays open; adds `Connection: close` if not.
    ///   - http10: the request was HTTP/1.0, so a kept-alive connection says `keep-alive`.
    ///   - date: the `Date` header value (RFC 9110 §6.6.1), formatted once a second by the caller.
    func serialized(keepAlive: Bool, http10: Bool = false, omitBody: Bool = false, date: String)
        -> [UInt8]
    {
        // Written straight into bytes: building the head by string interpolation was ~5% of
        // a search request's instructions (Benchmarks/http/instructions.sh).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(160 + headers.reduce(0) { $0 + $1.0.utf8.count + $1.1.utf8.count + 4 }
            + (omitBody ? 0 : body.count))
        func line(_ parts: String...) {
            for part in parts { bytes.append(contentsOf: part.utf8) }
            bytes.append(contentsOf: [0x0D, 0x0A])
        }
        line("HTTP/1.1 ", String(status), " ", HTTPResponse.reasonPhrase(status))
        line("Date: ", date)
        for (name, value) in headers { line(name, ": ", value) }
        if status != 204 && !(100..<200).contains(status) {
            line("Content-Length: ", String(body.count))
        }
        if !keepAlive {
            line("Connection: close")
        } else if http10 {
            line("Connection: keep-alive")
        }
        line()
        if !omitBody { bytes.append(contentsOf: body) }
        return bytes
    }

    /// The reason phrase for `status` (RFC 9110 §15); the empty string for codes not used here.
    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 200: "OK"
        case 204: "No Content"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 413: "Content Too Large"
        case 414: "URI Too Long"
        case 415: "Unsupported Media Type"
        case 417: "Expectation Failed"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 503: "Service Unavailable"
        case 505: "HTTP Version Not Supported"
        default: ""
        }
    }
}
