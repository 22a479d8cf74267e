import Foundation
import Testing
@testable import GuideServer

/// Every bad input gets a clear error, the next client is served, and memory comes back.
@Suite(.serialized) struct BadInputTests {
    /// Bad HTTP inputs and the status each must get.
    static let httpInputs: [(name: String, bytes: [UInt8], status: Int)] = [
        ("invalid UTF-8", Array("GET /v1/ask?q=".utf8) + [0xC3, 0x28] + Array(" HTTP/1.1\r\nHost: t\r\n\r\n".utf8), 400),
        ("NUL bytes", Array("GET /v1/ask?q=a".utf8) + [0] + Array(" HTTP/1.1\r\nHost: t\r\n\r\n".utf8), 400),
        ("binary garbage", (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }, 400),
        ("a megabyte with no newline", [UInt8](repeating: UInt8(ascii: "A"), count: 1 << 20), 414),
        ("Content-Length with Transfer-Encoding",
         Array("POST /v1/ask HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n".utf8), 400),
        ("two Content-Lengths",
         Array("POST /v1/ask HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\nContent-Length: 30\r\n\r\nx".utf8), 400),
    ]

    static let lineInputs: [(name: String, bytes: [UInt8], code: String)] = [
        ("invalid UTF-8", [0x61, 0xC3, 0x28, 0x0A], "invalid_utf8"),
        ("NUL bytes", [0x61, 0x00, 0x62, 0x0A], "nul_byte"),
        ("binary garbage", (0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) | 0x80 } + [0x0A], "invalid_utf8"),
        ("a megabyte with no newline", [UInt8](repeating: UInt8(ascii: "A"), count: 1 << 20), "line_too_long"),
    ]

    @Test func httpBadInputIsAnsweredAndOthersAreServed() throws {
        let server = try TestServer()
        for input in Self.httpInputs {
            let bad = try TestClient(port: server.httpPort)
            bad.send(input.bytes)
            let response = try bad.readResponse()
            #expect(response.status == input.status, "\(input.name)")
            #expect(response.header("connection") == "close", "\(input.name)")
            #expect(response.errorCode != nil, "\(input.name)")
            #expect(bad.isClosedByServer(), "\(input.name)")
            let good = try TestClient(port: server.httpPort)
            good.send(get("/v1/search?q=x"))
            #expect(try good.readResponse().status == 200, "after \(input.name)")
        }
    }

    @Test func httpHalfClosedMidRequestIs400() throws {
        let server = try TestServer()
        let bad = try TestClient(port: server.httpPort)
        bad.send("GET /v1/ask?q=x HTTP/1.1\r\nHo")
        bad.shutdownWrite()
        let response = try bad.readResponse()
        #expect(response.status == 400)
        #expect(response.errorCode == "incomplete_request")
        let complete = try TestClient(port: server.httpPort)
        complete.send(get("/healthz"))
        complete.shutdownWrite()
        #expect(try complete.readResponse().status == 200)
        #expect(complete.isClosedByServer())
    }

    @Test func lineBadInputIsAnsweredAndOthersAreServed() throws {
        let server = try TestServer()
        for input in Self.lineInputs {
            let bad = try TestClient(port: server.linesPort)
            bad.send(input.bytes)
            let line = try bad.readLine()
            #expect(LineServerTests.errorCode(line) == input.code, "\(input.name)")
            let good = try TestClient(port: server.linesPort)
            good.send("still there?\n")
            #expect(LineServerTests.json(try good.readLine())["kind"] as? String == "answer", "after \(input.name)")
        }
    }

    /// After rounds of every bad input, the process's resident memory is within 10% of what
    /// it was after the first round (which warms the allocator's caches).
    @Test func memoryComesBackAfterBadInput() throws {
        let server = try TestServer()
        func round() throws {
            for input in Self.httpInputs {
                let bad = try TestClient(port: server.httpPort)
                bad.send(input.bytes)
                _ = bad.readToEnd()
            }
            for input in Self.lineInputs {
                let bad = try TestClient(port: server.linesPort)
                bad.send(input.bytes)
                bad.shutdownWrite()
                _ = bad.readToEnd()
            }
        }
        try round()
        let before = residentBytes()
        for _ in 0..<5 { try round() }
        let after = residentBytes()
        #expect(Double(after) <= Double(before) * 1.10, "RSS \(before) → \(after) bytes")
        let deadline = Date().addingTimeInterval(3)
        while server.server.openConnectionCount > 0 && Date() < deadline { usleep(10_000) }
        #expect(server.server.openConnectionCount == 0)
    }
}
