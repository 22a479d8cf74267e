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
        var head = "HTTP/1.1 \(status) \(HTTPResponse.reasonPhrase(status))\r\n"
        head += "Date: \(date)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if status != 204 && !(100..<200).contains(status) {
            head += "Content-Length: \(body.count)\r\n"
        }
        if !keepAlive {
            head += "Connection: close\r\n"
        } else if http10 {
            head += "Connection: keep-alive\r\n"
        }
        head += "\r\n"
        var bytes = Array(head.utf8)
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
