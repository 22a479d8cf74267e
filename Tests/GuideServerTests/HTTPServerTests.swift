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
        #expect(response.json?["kind"] as? String == "answer")
        #expect(response.json?["length"] as? Int == "can under-5s have SEN".count)
    }
}
