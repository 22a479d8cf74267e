/// An HTTP request the server refuses, with the status to answer and a message saying what
/// to do instead.
///
/// Errors found while framing a request (by ``HTTPRequestParser``) always close the
/// connection: the server can no longer tell where the next request starts. Errors found
/// after a request was framed (by ``Router``) leave a keep-alive connection open, except 400s,
/// which close it so that a confused client starts afresh.
struct HTTPError: Error, Equatable, Sendable {
    /// The status code, e.g. 400.
    let status: Int
    /// A stable machine-readable code, e.g. `header_too_large`.
    let code: String
    /// One sentence for a person, saying what was wrong and what to do.
    let message: String
    /// Headers the status requires, e.g. `Allow` for 405 or `Retry-After` for 429.
    var headers: [(String, String)] = []

    init(status: Int, code: String, message: String, headers: [(String, String)] = []) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    static func == (lhs: HTTPError, rhs: HTTPError) -> Bool {
        lhs.status == rhs.status && lhs.code == rhs.code && lhs.message == rhs.message
            && lhs.headers.elementsEqual(rhs.headers, by: { $0 == $1 })
    }

    /// Whether the connection must close after this error is answered.
    var closesConnection: Bool {
        switch status {
        case 400, 408, 413, 414, 417, 431, 501, 505: true
        default: false
        }
    }

    /// The JSON response for this error (CONTRACT.md: `{"error":{"code","message"}}`).
    var response: HTTPResponse {
        var response = HTTPResponse(
            status: status, contentType: HTTPResponse.jsonContentType,
            body: JSONText.error(code: code, message: message))
        response.headers.append(contentsOf: headers)
        response.closesConnection = closesConnection
        return response
    }
}

extension HTTPError {
    static func badRequest(_ code: String, _ message: String) -> HTTPError {
        HTTPError(status: 400, code: code, message: message)
    }
}
