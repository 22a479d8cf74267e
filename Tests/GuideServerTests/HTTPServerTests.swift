import Foundation
import Testing
@testable import GuideServer

/// End to end over loopback: every endpoint and status of the HTTP server.
@Suite struct HTTPServerTests {
    @Test func askAnswersJSON() throws {
        let server = try TestServer()
        let client = try TestClient(port: server.httpPort)
        client.send(get("/v1/ask?q=can+under-5s+have+SEN"))
        let response = try client.readResponse()
        #expect(response.status == 200)
        #expect(response.header("content-type") == "application/json; charset=utf-8")
        #expect(response.header("date") != nil)
        #expect(response.json?["kind"] as? String == "answer")
        #expect(response.json?["length"] as? Int == "can under-5s have SEN".count)
    }

    @Test func everyEndpointAnswers() throws {
        let server = try TestServer()
        let client = try TestClient(port: server.httpPort)
        let body = #"{"question":"and then?","history":["what is SEN support"]}"#
        client.send(
            "POST /v1/ask HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
        let post = try client.readResponse()
        #expect(post.status == 200)
        #expect(post.json?["history"] as? Int == 1)
        client.send(get("/v1/search?q=graduated+approach&limit=4"))
        let search = try client.readResponse()
        #expect(search.json?["limit"] as? Int == 4)
        client.send(get("/healthz"))
        #expect(try client.readResponse().json?["status"] as? String == "ok")
        client.send(get("/widget.js"))
        let script = try client.readResponse()
        #expect(script.header("content-type") == "text/javascript; charset=utf-8")
        #expect(script.body == StaticAssets.widgetScript)
        client.send(get("/"))
        #expect(try client.readResponse().header("content-type") == "text/html; charset=utf-8")
    }

    @Test func headSendsTheHeadersOnly() throws {
        let server = try TestServer()
        let client = try TestClient(port: server.httpPort)
        client.send("HEAD /widget.js HTTP/1.1\r\nHost: t\r\n\r\n")
        let head = try client.readResponse(head: true)
        #expect(head.status == 200)
        #expect(head.header("content-length") == String(StaticAssets.widgetScript.count))
        client.send(get("/healthz"))
        #expect(try client.readResponse().status == 200)
    }

    @Test func keepAliveServesManyRequestsOnOneConnection() throws {
        let server = try TestServer()
        let client = try TestClient(port: server.httpPort)
        for _ in 0..<20 {
            client.send(get("/v1/search?q=x"))
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.header("connection") == nil)
        }
        client.send(get("/healthz", "Connection: close\r\n"))
        #expect(try client.readResponse().header("connection") == "close")
        #expect(client.isClosedByServer())
    }

    @Test func http10IsServed() throws {
        let server = try TestServer()
        let client = try TestClient(port: server.httpPort)
        client.send("GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        #expect(try client.readResponse().header("connection") == "keep-alive")
        client.send("GET /healthz HTTP/1.0\r\n\r\n")
        #expect(try client.readResponse().header("connection") == "close")
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        let server = try TestServer()
        let client = try TestClient(port: server.httpPort)
        let count = 50
        client.send(String(repeating: get("/v1/search?q=x"), count: count))
        var calls: [Int] = []
        for _ in 0..<count {
            let response = try client.readResponse()
            calls.append(response.json?["call"] as? Int ?? -1)
        }
        #expect(calls == calls.sorted())
        #expect(Set(calls).count == count)
    }

    @Test func expectContinueGetsAnInterimResponse() throws {
        let server = try TestServer()
        let client = try TestClient(port: server.httpPort)
        let body = #"{"question":"x"}"#
        client.send(
            "POST /v1/ask HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: \(body.utf8.count)\r\n\r\n")
        #expect(try client.readResponse().status == 100)
        client.send(body)
        #expect(try client.readResponse().status == 200)
    }

    @Test(arguments: [
        (get("/nowhere"), 404, "not_found", false),
        ("DELETE /v1/ask HTTP/1.1\r\nHost: t\r\n\r\n", 405, "method_not_allowed", false),
        (get("/v1/ask"), 400, "missing_query", true),
        (get("/v1/ask?q=%FF%FE"), 400, "invalid_utf8", true),
        ("POST /v1/ask HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain\r\nContent-Length: 1\r\n\r\nx", 415, "unsupported_media_type", false),
        ("POST /v1/ask HTTP/1.1\r\nHost: t\r\nContent-Length: 70000\r\n\r\n", 413, "body_too_large", true),
        ("POST /v1/ask HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 501, "transfer_encoding_not_implemented", true),
        ("BREW /v1/ask HTTP/1.1\r\nHost: t\r\n\r\n", 501, "method_not_implemented", true),
        ("GET / HTTP/3.0\r\nHost: t\r\n\r\n", 505, "version_not_supported", true),
        ("GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\nHost: t\r\n\r\n", 414, "uri_too_long", true),
        ("GET / HTTP/1.1\r\nHost: t\r\nX: " + String(repeating: "a", count: 9000) + "\r\n\r\n", 431, "header_too_large", true),
    ])
    func errorStatus(request: String, status: Int, code: String, closes: Bool) throws {
        let server = try TestServer()
        let client = try TestClient(port: server.httpPort)
        client.send(request)
        let response = try client.readResponse()
        #expect(response.status == status)
        #expect(response.errorCode == code)
        #expect(response.header("content-type") == "application/json; charset=utf-8")
        if status == 405 { #expect(response.header("allow") == "GET, HEAD, POST, OPTIONS") }
        #expect((response.header("connection") == "close") == closes)
        if closes {
            #expect(client.isClosedByServer())
        } else {
            client.send(get("/healthz"))
            #expect(try client.readResponse().status == 200)
        }
    }

    @Test func tooManyRequestsIs429WithRetryAfter() throws {
        let server = try TestServer { $0.requestsPerMinute = 3 }
        let client = try TestClient(port: server.httpPort)
        for _ in 0..<3 {
            client.send(get("/v1/search?q=x"))
            #expect(try client.readResponse().status == 200)
        }
        client.send(get("/v1/search?q=x"))
        let limited = try client.readResponse()
        #expect(limited.status == 429)
        #expect(limited.header("retry-after") == "20")
        client.send(get("/healthz"))
        #expect(try client.readResponse().status == 200, "health checks are not rate-limited")
    }

    @Test func aStartedRequestNotFinishedInTimeIs408() throws {
        let server = try TestServer { $0.readTimeout = 0.3 }
        let client = try TestClient(port: server.httpPort)
        client.send("GET /healthz HTTP/1.1\r\nHo")
        let response = try client.readResponse()
        #expect(response.status == 408)
        #expect(response.errorCode == "request_timeout")
        #expect(client.isClosedByServer())
    }

    @Test func anIdleConnectionIsClosedSilently() throws {
        let server = try TestServer { $0.idleTimeout = 0.3 }
        let client = try TestClient(port: server.httpPort)
        client.send(get("/healthz"))
        #expect(try client.readResponse().status == 200)
        #expect(client.readToEnd().isEmpty)
    }

    @Test func corsPreflightAndResponseForAnAllowedOrigin() throws {
        let server = try TestServer { $0.allowedOrigins = ["https://school.example"] }
        let client = try TestClient(port: server.httpPort)
        client.send(
            "OPTIONS /v1/ask HTTP/1.1\r\nHost: t\r\nOrigin: https://school.example\r\n"
                + "Access-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: content-type\r\n\r\n")
        let preflight = try client.readResponse()
        #expect(preflight.status == 204)
        #expect(preflight.header("access-control-allow-origin") == "https://school.example")
        #expect(preflight.header("access-control-allow-methods") == "GET, HEAD, POST, OPTIONS")
        client.send(get("/v1/ask?q=x", "Origin: https://school.example\r\n"))
        #expect(try client.readResponse().header("access-control-allow-origin") == "https://school.example")
        client.send(get("/v1/ask?q=x", "Origin: https://other.example\r\n"))
        #expect(try client.readResponse().header("access-control-allow-origin") == nil)
    }

    @Test func theLogHasOneLinePerRequestWithoutQuestionsOrAddresses() throws {
        let server = try TestServer()
        let client = try TestClient(port: server.httpPort)
        client.send(get("/v1/ask?q=does+my+son+Tom+need+an+EHCP"))
        _ = try client.readResponse()
        client.send(get("/v1/ask/Tom"))
        _ = try client.readResponse()
        let log = server.log
        #expect(log.first?.contains("senguide serve: HTTP on 127.0.0.1:\(server.httpPort)") == true)
        #expect(log.first?.contains("fake index generation 1") == true)
        let access = log.filter { $0.contains(" http ") }
        #expect(access.count == 2)
        #expect(access.first?.contains(" http GET /v1/ask 200 ") == true)
        #expect(access.last?.contains(" http GET (unknown) 404 ") == true)
        #expect(!log.contains { $0.contains("Tom") || $0.contains("127.0.0.1:") && $0.contains(" http ") })
    }
}
