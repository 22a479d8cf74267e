import Testing
@testable import GuideServer

/// The HTTP/1.1 framing rules, without sockets.
@Suite struct HTTPRequestParserTests {
    static let limits = HTTPRequestParser.Limits(maxHeaderBytes: 8192, maxBodyBytes: 65_536)

    /// Feeds `text` and returns the requests framed, or the error.
    static func parse(_ text: String, limits: HTTPRequestParser.Limits = limits) throws(HTTPError)
        -> [HTTPRequest]
    {
        var parser = HTTPRequestParser(limits: limits)
        parser.append(Array(text.utf8))
        var requests: [HTTPRequest] = []
        while let request = try parser.nextRequest() { requests.append(request) }
        return requests
    }

    static func error(_ text: String, limits: HTTPRequestParser.Limits = limits) -> HTTPError? {
        do {
            _ = try parse(text, limits: limits)
            return nil
        } catch {
            return error
        }
    }

    @Test func framesASimpleGet() throws {
        let requests = try Self.parse("GET /v1/search?q=ehcp&limit=3 HTTP/1.1\r\nHost: a\r\nX-A:  b \r\n\r\n")
        let request = try #require(requests.first)
        #expect(request.method == "GET")
        #expect(request.path == "/v1/search")
        #expect(request.query == "q=ehcp&limit=3")
        #expect(request.header("x-a") == "b")
        #expect(request.keepAlive)
        #expect(request.minorVersion == 1)
    }

    @Test func framesPipelinedRequestsWithBodiesInOrder() throws {
        let text =
            "POST /v1/ask HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello"
            + "GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n"
        let requests = try Self.parse(text)
        #expect(requests.map(\.method) == ["POST", "GET"])
        #expect(requests.first?.body == Array("hello".utf8))
    }

    @Test func framesARequestFedOneByteAtATime() throws {
        var parser = HTTPRequestParser(limits: Self.limits)
        var requests: [HTTPRequest] = []
        for byte in "POST /v1/ask HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\n{}".utf8 {
            parser.append([byte])
            if let request = try parser.nextRequest() { requests.append(request) }
        }
        #expect(requests.count == 1)
        #expect(!parser.hasPartialRequest)
    }

    @Test func acceptsBareLineFeedsAndSkipsLeadingEmptyLines() throws {
        let requests = try Self.parse("\r\n\nGET / HTTP/1.1\nHost: a\n\n")
        #expect(requests.count == 1)
    }

    @Test func reducesAbsoluteFormToPathAndQuery() throws {
        let requests = try Self.parse("GET http://example.org/v1/ask?q=x HTTP/1.1\r\nHost: example.org\r\n\r\n")
        #expect(requests.first?.target == "/v1/ask?q=x")
    }

    @Test func http10ClosesUnlessKeepAlive() throws {
        let plain = try Self.parse("GET / HTTP/1.0\r\n\r\n")
        #expect(plain.first?.keepAlive == false)
        let kept = try Self.parse("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        #expect(kept.first?.keepAlive == true)
        let closed = try Self.parse("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
        #expect(closed.first?.keepAlive == false)
    }

    @Test(arguments: [
        ("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", 400, "ambiguous_length"),
        ("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", 400, "ambiguous_length"),
        ("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 3, 4\r\n\r\nabcd", 400, "ambiguous_length"),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n", 501, "transfer_encoding_not_implemented"),
        ("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", 400, "bad_content_length"),
        ("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n", 413, "body_too_large"),
        ("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 65537\r\n\r\n", 413, "body_too_large"),
        ("GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n", 400, "obsolete_line_folding"),
        ("GET / HTTP/1.1\r\nHost : a\r\n\r\n", 400, "bad_header"),
        ("GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n", 400, "bad_header"),
        ("GET / HTTP/1.1\r\nHost: a\u{0}b\r\n\r\n", 400, "nul_byte"),
        ("GET / HTTP/1.1\r\nHost: a\u{1}b\r\n\r\n", 400, "bad_header"),
        ("GET / HTTP/1.1\r\n\r\n", 400, "bad_host"),
        ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400, "bad_host"),
        ("GET / HTTP/1.1\rHost: a\r\n\r\n", 400, "bare_cr"),
        ("GET  / HTTP/1.1\r\nHost: a\r\n\r\n", 400, "bad_request_line"),
        ("GET / HTTP/1.1 extra\r\nHost: a\r\n\r\n", 400, "bad_request_line"),
        ("G\u{0}T / HTTP/1.1\r\nHost: a\r\n\r\n", 400, "nul_byte"),
        ("GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505, "version_not_supported"),
        ("GET / HTTX/1.1\r\nHost: a\r\n\r\n", 400, "bad_version"),
        ("GET nopath HTTP/1.1\r\nHost: a\r\n\r\n", 400, "bad_target"),
        ("GET /caf\u{e9} HTTP/1.1\r\nHost: a\r\n\r\n", 400, "bad_target"),
        ("BREW / HTTP/1.1\r\nHost: a\r\n\r\n", 501, "method_not_implemented"),
        ("GET / HTTP/1.1\r\nHost: a\r\nExpect: 200-ok\r\n\r\n", 417, "expectation_failed"),
    ])
    func rejects(text: String, status: Int, code: String) {
        let error = Self.error(text)
        #expect(error?.status == status)
        #expect(error?.code == code)
        #expect(error?.closesConnection == true)
    }

    @Test func rejectsInvalidUTF8InAHeaderValue() {
        var parser = HTTPRequestParser(limits: Self.limits)
        parser.append(Array("GET / HTTP/1.1\r\nHost: a\r\nX: ".utf8) + [0xC3, 0x28] + Array("\r\n\r\n".utf8))
        #expect(throws: HTTPError.badRequest("invalid_utf8", "a header value is not valid UTF-8")) {
            try parser.nextRequest()
        }
    }

    @Test func identicalContentLengthsAreOneLength() throws {
        let requests = try Self.parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nab")
        #expect(requests.first?.body == Array("ab".utf8))
    }

    @Test func aLongRequestLineIs414AndLongHeadersAre431() {
        let small = HTTPRequestParser.Limits(maxHeaderBytes: 256, maxBodyBytes: 10)
        let longTarget = "GET /" + String(repeating: "a", count: 300) + " HTTP/1.1\r\nHost: a\r\n\r\n"
        #expect(Self.error(longTarget, limits: small)?.status == 414)
        let unfinishedTarget = "GET /" + String(repeating: "a", count: 300)
        #expect(Self.error(unfinishedTarget, limits: small)?.status == 414)
        let longHeader = "GET / HTTP/1.1\r\nHost: a\r\nX: " + String(repeating: "b", count: 300) + "\r\n\r\n"
        #expect(Self.error(longHeader, limits: small)?.status == 431)
        let unfinishedHeader = "GET / HTTP/1.1\r\nX: " + String(repeating: "b", count: 300)
        #expect(Self.error(unfinishedHeader, limits: small)?.status == 431)
    }

    @Test func aMegabyteWithoutNewlineFailsAtTheLimitAndStaysFailed() {
        var parser = HTTPRequestParser(limits: Self.limits)
        parser.append([UInt8](repeating: UInt8(ascii: "A"), count: 9000))
        #expect(throws: HTTPError.self) { try parser.nextRequest() }
        #expect(throws: HTTPError.self) { try parser.nextRequest() }
    }

    @Test func halfAReqestAtEndOfInputIs400() throws {
        var parser = HTTPRequestParser(limits: Self.limits)
        parser.append(Array("GET / HTTP/1.1\r\nHo".utf8))
        #expect(try parser.nextRequest() == nil)
        let error = #expect(throws: HTTPError.self) { try parser.finishInput() }
        #expect(error?.code == "incomplete_request")
    }

    @Test func expectContinueIsAnsweredOnce() throws {
        var parser = HTTPRequestParser(limits: Self.limits)
        parser.append(Array("POST /v1/ask HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n".utf8))
        #expect(try parser.nextRequest() == nil)
        let first = parser.takeContinueRequest()
        let second = parser.takeContinueRequest()
        #expect(first && !second)
        parser.append(Array("{}".utf8))
        #expect(try parser.nextRequest()?.body == Array("{}".utf8))
    }
}

@Suite struct QueryStringTests {
    @Test func pairsAreSplitAndDecoded() throws {
        let pairs = try QueryString.parse("q=can+under-5s+have+SEN&limit=5&&flag&price=%C2%A3&eq=a=b&")
        #expect(pairs.map(\.name) == ["q", "limit", "flag", "price", "eq"])
        #expect(pairs.map(\.value) == ["can under-5s have SEN", "5", "", "£", "a=b"])
        #expect(try QueryString.parse("").isEmpty)
        #expect(try QueryString.parse("&&").isEmpty)
    }

    @Test(arguments: ["q=%", "q=%4", "q=%zz", "q=%00", "q=%C3%28", "%FF=x"])
    func badEncodingIs400(query: String) {
        #expect(throws: HTTPError.self) { try QueryString.parse(query[...]) }
    }

    /// tchar of RFC 9110 §5.6.2, byte by byte.
    @Test func tokenBytesAreExactlyTchar() {
        let tchar = Set("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
        for byte in UInt8.min...UInt8.max {
            #expect(HTTPRequestParser.isTokenByte(byte) == tchar.contains(byte), "byte \(byte)")
        }
    }
}
