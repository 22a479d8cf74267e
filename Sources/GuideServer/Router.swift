#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Maps a framed request to a response from a ``GuideService``, with no socket in sight.
///
/// | path | methods |
/// | --- | --- |
/// | `/v1/ask` | GET (`q`), POST (`{"question", "history"}`), HEAD, OPTIONS |
/// | `/v1/search` | GET (`q`, `limit`), HEAD, OPTIONS |
/// | `/healthz` | GET, HEAD, OPTIONS |
/// | `/widget.js`, `/` | GET, HEAD, OPTIONS |
///
/// CORS: a request whose `Origin` is in ``allowedOrigins`` (or any origin, when it holds
/// `*`) gets `Access-Control-Allow-Origin`; a preflight from any other origin gets 403.
struct Router: Sendable {
    /// The result of routing: the response and the endpoint name for the access log. The
    /// endpoint never holds the query or an unknown path, which could carry a question.
    struct Outcome {
        var endpoint: String
        var response: HTTPResponse
    }

    static let defaultSearchLimit = 10
    static let maxSearchLimit = 50

    /// Origins allowed to call the API from a browser, e.g. `https://school.example`.
    let allowedOrigins: Set<String>

    static let routes: [(path: String, methods: [String])] = [
        ("/v1/ask", ["GET", "HEAD", "POST", "OPTIONS"]),
        ("/v1/search", ["GET", "HEAD", "OPTIONS"]),
        ("/healthz", ["GET", "HEAD", "OPTIONS"]),
        ("/widget.js", ["GET", "HEAD", "OPTIONS"]),
        ("/", ["GET", "HEAD", "OPTIONS"]),
    ]

    /// The access-log name of the endpoint `request` is for, e.g. `GET /v1/ask`.
    func endpointName(_ request: HTTPRequest) -> String {
        let path = request.path
        guard Self.routes.contains(where: { $0.path == path }) else {
            return "\(request.method) (unknown)"
        }
        return "\(request.method) \(path)"
    }

    /// Answers `request` from `service`.
    func route(_ request: HTTPRequest, service: any GuideService) -> Outcome {
        if request.target == "*" {
            return Outcome(
                endpoint: "OPTIONS *",
                response: HTTPResponse(status: 204, headers: [("Allow", "GET, HEAD, POST, OPTIONS")]))
        }
        let path = String(request.path)
        guard let route = Self.routes.first(where: { $0.path == path }) else {
            let error = HTTPError(
                status: 404, code: "not_found",
                message: "no such endpoint; try /v1/ask, /v1/search or /healthz")
            return Outcome(endpoint: "\(request.method) (unknown)", response: withCORS(error.response, request))
        }
        let endpoint = "\(request.method) \(route.path)"
        guard route.methods.contains(request.method) else {
            let allow = route.methods.joined(separator: ", ")
            let error = HTTPError(
                status: 405, code: "method_not_allowed",
                message: "\(route.path) accepts \(allow)", headers: [("Allow", allow)])
            return Outcome(endpoint: endpoint, response: withCORS(error.response, request))
        }
        if request.method == "OPTIONS" {
            return Outcome(endpoint: endpoint, response: options(request, methods: route.methods))
        }
        let response: HTTPResponse
        do {
            response = try handle(path: route.path, request, service: service)
        } catch {
            response = error.response
        }
        return Outcome(endpoint: endpoint, response: withCORS(response, request))
    }

    private func handle(path: String, _ request: HTTPRequest, service: any GuideService)
        throws(HTTPError) -> HTTPResponse
    {
        switch path {
        case "/v1/ask":
            if request.method == "POST" {
                let body = try AskBody.decode(request)
                return json(service.ask(body.question, history: body.history))
            }
            let pairs = try QueryString.parse(request.query ?? "")
            return json(service.ask(try requiredQuery(pairs), history: []))
        case "/v1/search":
            let pairs = try QueryString.parse(request.query ?? "")
            let query = try requiredQuery(pairs)
            return json(service.search(query, limit: try searchLimit(pairs)))
        case "/healthz":
            return json(JSONText.object([("status", "ok")] + service.healthFields))
        case "/widget.js":
            return HTTPResponse(
                status: 200, contentType: StaticAssets.widgetContentType, body: StaticAssets.widgetScript,
                headers: [("Cache-Control", "public, max-age=300")])
        default:
            return HTTPResponse(
                status: 200, contentType: StaticAssets.pageContentType, body: StaticAssets.indexPage,
                headers: [("Cache-Control", "public, max-age=300")])
        }
    }

    private func json(_ body: [UInt8]) -> HTTPResponse {
        HTTPResponse(
            status: 200, contentType: HTTPResponse.jsonContentType, body: body,
            headers: [("Cache-Control", "no-store")])
    }

    private func requiredQuery(_ pairs: [(name: String, value: String)]) throws(HTTPError) -> String {
        guard let query = QueryString.value("q", in: pairs),
            query.contains(where: { !$0.isWhitespace })
        else {
            throw .badRequest("missing_query", "add the question or query as ?q=…")
        }
        return query
    }

    private func searchLimit(_ pairs: [(name: String, value: String)]) throws(HTTPError) -> Int {
        guard let text = QueryString.value("limit", in: pairs) else { return Self.defaultSearchLimit }
        guard let limit = Int(text), (1...Self.maxSearchLimit).contains(limit) else {
            throw .badRequest(
                "bad_limit", "limit must be a whole number from 1 to \(Self.maxSearchLimit)")
        }
        return limit
    }

    /// 204 to `OPTIONS`, with the CORS preflight headers when the origin is allowed.
    private func options(_ request: HTTPRequest, methods: [String]) -> HTTPResponse {
        let allow = methods.joined(separator: ", ")
        guard let origin = request.header("origin"),
            request.header("access-control-request-method") != nil
        else {
            return HTTPResponse(status: 204, headers: [("Allow", allow)])
        }
        guard isAllowed(origin) else {
            return HTTPError(
                status: 403, code: "origin_not_allowed",
                message: "this server does not accept browser requests from that origin"
            ).response
        }
        return HTTPResponse(
            status: 204,
            headers: [
                ("Allow", allow),
                ("Access-Control-Allow-Origin", allowedOrigins.contains("*") ? "*" : origin),
                ("Access-Control-Allow-Methods", allow),
                ("Access-Control-Allow-Headers", "Content-Type"),
                ("Access-Control-Max-Age", "600"),
                ("Vary", "Origin"),
            ])
    }

    private func isAllowed(_ origin: String) -> Bool {
        allowedOrigins.contains("*") || allowedOrigins.contains(origin)
    }

    private func withCORS(_ response: HTTPResponse, _ request: HTTPRequest) -> HTTPResponse {
        guard let origin = request.header("origin"), isAllowed(origin) else { return response }
        var response = response
        response.headers.append(
            ("Access-Control-Allow-Origin", allowedOrigins.contains("*") ? "*" : origin))
        response.headers.append(("Vary", "Origin"))
        return response
    }
}
