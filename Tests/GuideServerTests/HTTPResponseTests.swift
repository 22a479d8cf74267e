import Testing
@testable import GuideServer

@Suite struct HTTPResponseTests {
    @Test func serialisesStatusHeadersLengthAndBody() {
        let response = HTTPResponse(status: 200, contentType: "application/json; charset=utf-8", body: Array("{}".utf8))
        let text = String(decoding: response.serialized(keepAlive: true, date: "D"), as: UTF8.self)
        #expect(text == "HTTP/1.1 200 OK\r\nDate: D\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: 2\r\n\r\n{}")
    }

    @Test func headKeepsTheLengthAndDropsTheBody() {
        let response = HTTPResponse(status: 200, contentType: "text/plain", body: Array("hello".utf8))
        let text = String(decoding: response.serialized(keepAlive: false, omitBody: true, date: "D"), as: UTF8.self)
        #expect(text.hasSuffix("Content-Length: 5\r\nConnection: close\r\n\r\n"))
    }

    @Test func http10KeepAliveIsSaid() {
        let response = HTTPResponse(status: 204, headers: [])
        let text = String(decoding: response.serialized(keepAlive: true, http10: true, date: "D"), as: UTF8.self)
        #expect(text == "HTTP/1.1 204 No Content\r\nDate: D\r\nConnection: keep-alive\r\n\r\n")
    }

    @Test func errorsAreJSONAndMayClose() {
        let error = HTTPError(status: 429, code: "rate_limited", message: "slow down", headers: [("Retry-After", "3")])
        let response = error.response
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"error":{"code":"rate_limited","message":"slow down"}}"#)
        #expect(response.headers.contains { $0 == ("Retry-After", "3") })
        #expect(!response.closesConnection)
        #expect(HTTPError.badRequest("x", "y").response.closesConnection)
    }

    @Test func jsonStringsAreEscaped() {
        var output: [UInt8] = []
        JSONText.appendString("a\"b\\c\nd\u{1}é", to: &output)
        #expect(String(decoding: output, as: UTF8.self) == #""a\"b\\c\nd\u0001é""#)
    }
}
