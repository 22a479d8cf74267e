import Foundation
import Testing
@testable import GuideServer

/// Routing, query decoding, body validation and CORS, without sockets.
@Suite struct RouterTests {
    static func request(
        _ method: String, _ target: String, headers: [(String, String)] = [], body: String = ""
    ) -> HTTPRequest {
        HTTPRequest(
            method: method, target: target, minorVersion: 1,
            fields: [.init(name: "host", value: "a")] + headers.map { .init(name: $0.0, value: $0.1) },
            body: Array(body.utf8))
    }

    static func route(_ request: HTTPRequest, origins: Set<String> = []) -> Router.Outcome {
        Router(allowedOrigins: origins).route(request, service: FakeGuideService())
    }

    static func json(_ response: HTTPResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
    }

    static func code(_ response: HTTPResponse) -> String? {
        (json(response)["error"] as? [String: Any])?["code"] as? String
    }

    @Test func getAskPassesTheDecodedQuestion() {
        let outcome = Self.route(Self.request("GET", "/v1/ask?q=caf%C3%A9+au+lait"))
        #expect(outcome.response.status == 200)
        #expect(Self.json(outcome.response)["length"] as? Int == "café au lait".count)
        #expect(outcome.endpoint == "GET /v1/ask")
        #expect(outcome.response.headers.contains { $0 == ("Cache-Control", "no-store") })
    }

    @Test func postAskPassesTheHistory() {
        let body = #"{"question": "and after that?", "history": ["what is SEN support", "who decides"]}"#
        let outcome = Self.route(
            Self.request("POST", "/v1/ask", headers: [("content-type", "application/json; charset=UTF-8")], body: body))
        #expect(outcome.response.status == 200)
        #expect(Self.json(outcome.response)["history"] as? Int == 2)
    }

    @Test(arguments: [
        ("text/plain", #"{"question":"x"}"#, 415, "unsupported_media_type"),
        ("application/json; charset=latin1", #"{"question":"x"}"#, 415, "unsupported_media_type"),
        ("application/json", #"{"question":5}"#, 400, "bad_body"),
        ("application/json", #"{"question":"x","history":"y"}"#, 400, "bad_body"),
        ("application/json", #"["x"]"#, 400, "bad_body"),
        ("application/json", #"{"question":"   "}"#, 400, "missing_question"),
        ("application/json", #"{"question":"a\u0000b"}"#, 400, "nul_byte"),
        ("application/json", "{", 400, "bad_body"),
    ])
    func badPostBodies(contentType: String, body: String, status: Int, code: String) {
        let outcome = Self.route(Self.request("POST", "/v1/ask", headers: [("content-type", contentType)], body: body))
        #expect(outcome.response.status == status)
        #expect(Self.code(outcome.response) == code)
    }

    @Test func postWithoutContentTypeIs415() {
        let outcome = Self.route(Self.request("POST", "/v1/ask", body: #"{"question":"x"}"#))
        #expect(outcome.response.status == 415)
    }

    @Test func postBodyThatIsNotUTF8Is400() {
        var request = Self.request("POST", "/v1/ask", headers: [("content-type", "application/json")])
        request = HTTPRequest(
            method: request.method, target: request.target, minorVersion: 1, fields: request.fields,
            body: [0x7B, 0xFF, 0x7D])
        #expect(Self.code(Self.route(request).response) == "invalid_utf8")
    }

    @Test(arguments: [
        ("/v1/ask", "missing_query"),
        ("/v1/ask?q=", "missing_query"),
        ("/v1/ask?q=%FF", "invalid_utf8"),
        ("/v1/ask?q=%00", "nul_byte"),
        ("/v1/ask?q=%G1", "bad_percent_encoding"),
        ("/v1/search?q=x&limit=0", "bad_limit"),
        ("/v1/search?q=x&limit=51", "bad_limit"),
        ("/v1/search?q=x&limit=ten", "bad_limit"),
    ])
    func badQueriesAre400(target: String, code: String) {
        let outcome = Self.route(Self.request("GET", target))
        #expect(outcome.response.status == 400)
        #expect(Self.code(outcome.response) == code)
        #expect(outcome.response.closesConnection)
    }

    @Test func searchPassesTheLimit() {
        let outcome = Self.route(Self.request("GET", "/v1/search?q=ehcp&limit=7"))
        #expect(Self.json(outcome.response)["limit"] as? Int == 7)
        let byDefault = Self.route(Self.request("GET", "/v1/search?q=ehcp"))
        #expect(Self.json(byDefault.response)["limit"] as? Int == Router.defaultSearchLimit)
    }

    @Test func healthzHasStatusAndTheServiceFields() {
        let outcome = Self.route(Self.request("GET", "/healthz"))
        #expect(Self.json(outcome.response)["status"] as? String == "ok")
        #expect(Self.json(outcome.response)["passages"] as? String == "3")
    }

    @Test func widgetAndPageAreServed() {
        let script = Self.route(Self.request("GET", "/widget.js")).response
        #expect(script.status == 200)
        #expect(script.headers.first?.1 == "text/javascript; charset=utf-8")
        let page = Self.route(Self.request("GET", "/")).response
        #expect(page.headers.first?.1 == "text/html; charset=utf-8")
    }

    @Test func unknownPathIs404AndTheLogNeverHoldsIt() {
        let outcome = Self.route(Self.request("GET", "/v1/ask/my-son-tom?q=private"))
        #expect(outcome.response.status == 404)
        #expect(outcome.endpoint == "GET (unknown)")
        #expect(!outcome.response.closesConnection)
    }

    @Test func wrongMethodIs405WithAllow() {
        let outcome = Self.route(Self.request("DELETE", "/v1/search?q=x"))
        #expect(outcome.response.status == 405)
        #expect(outcome.response.headers.contains { $0 == ("Allow", "GET, HEAD, OPTIONS") })
        let post = Self.route(Self.request("POST", "/healthz"))
        #expect(post.response.status == 405)
    }

    @Test func corsIsOffByDefault() {
        let outcome = Self.route(Self.request("GET", "/healthz", headers: [("origin", "https://school.example")]))
        #expect(!outcome.response.headers.contains { $0.0 == "Access-Control-Allow-Origin" })
        let preflight = Self.route(
            Self.request("OPTIONS", "/v1/ask", headers: [("origin", "https://school.example"), ("access-control-request-method", "POST")]))
        #expect(preflight.response.status == 403)
    }

    @Test func corsAllowsTheOriginsGiven() {
        let origins: Set = ["https://school.example"]
        let outcome = Self.route(
            Self.request("GET", "/healthz", headers: [("origin", "https://school.example")]), origins: origins)
        #expect(outcome.response.headers.contains { $0 == ("Access-Control-Allow-Origin", "https://school.example") })
        #expect(outcome.response.headers.contains { $0 == ("Vary", "Origin") })
        let preflight = Self.route(
            Self.request(
                "OPTIONS", "/v1/ask",
                headers: [("origin", "https://school.example"), ("access-control-request-method", "POST")]),
            origins: origins)
        #expect(preflight.response.status == 204)
        #expect(preflight.response.headers.contains { $0 == ("Access-Control-Allow-Headers", "Content-Type") })
        let other = Self.route(
            Self.request("GET", "/healthz", headers: [("origin", "https://evil.example")]), origins: origins)
        #expect(!other.response.headers.contains { $0.0 == "Access-Control-Allow-Origin" })
    }

    @Test func optionsWithoutPreflightListsTheMethods() {
        let outcome = Self.route(Self.request("OPTIONS", "/v1/ask"))
        #expect(outcome.response.status == 204)
        #expect(outcome.response.headers.contains { $0 == ("Allow", "GET, HEAD, POST, OPTIONS") })
    }
}
