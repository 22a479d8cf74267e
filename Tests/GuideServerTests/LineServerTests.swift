import Foundation
import Testing
@testable import GuideServer

/// End to end over loopback: the line protocol.
@Suite struct LineServerTests {
    static func json(_ line: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
    }

    static func errorCode(_ line: String) -> String? {
        (json(line)["error"] as? [String: Any])?["code"] as? String
    }

    @Test func answersEveryCommand() throws {
        let server = try TestServer()
        let client = try TestClient(port: server.linesPort)
        client.send("can under-5s have SEN\n")
        #expect(Self.json(try client.readLine())["kind"] as? String == "answer")
        client.send(#"{"ask": "what is an EHCP"}"# + "\r\n")
        #expect(Self.json(try client.readLine())["kind"] as? String == "answer")
        client.send(#"{"search": "graduated approach", "limit": 2}"# + "\n")
        #expect(Self.json(try client.readLine())["limit"] as? Int == 2)
        client.send(#"{"cite": "6.45"}"# + "\n")
        #expect(Self.json(try client.readLine())["paragraph"] as? String == "6.45")
        client.send(#"{"cite": "six"}"# + "\n")
        #expect(Self.errorCode(try client.readLine()) == "not_a_paragraph")
    }

    @Test func followUpsOnOneConnectionKeepTheirContext() throws {
        let server = try TestServer()
        let first = try TestClient(port: server.linesPort)
        for expected in 0..<7 {
            first.send("question \(expected)\n")
            #expect(Self.json(try first.readLine())["history"] as? Int == min(expected, Conversation.defaultCapacity))
        }
        let second = try TestClient(port: server.linesPort)
        second.send("a new conversation\n")
        #expect(Self.json(try second.readLine())["history"] as? Int == 0)
    }

    @Test func badLinesGetAnErrorAndTheConnectionGoesOn() throws {
        let server = try TestServer()
        let client = try TestClient(port: server.linesPort)
        client.send([0x61, 0xFF, 0x0A] + [0x61, 0x00, 0x0A] + Array("\n{\n{\"x\":1}\nok\n".utf8))
        let codes = try (0..<5).map { _ in Self.errorCode(try client.readLine()) }
        #expect(codes == ["invalid_utf8", "nul_byte", "empty_line", "invalid_json", "unknown_command"])
        #expect(Self.json(try client.readLine())["kind"] as? String == "answer")
    }

    @Test func pipelinedLinesAreAnsweredInOrder() throws {
        let server = try TestServer()
        let client = try TestClient(port: server.linesPort)
        client.send(String(repeating: #"{"search":"x"}"# + "\n", count: 100))
        let calls = try (0..<100).map { _ in Self.json(try client.readLine())["call"] as? Int ?? -1 }
        #expect(calls == calls.sorted() && Set(calls).count == 100)
    }

    @Test func aLineTooLongGetsAnErrorAndClose() throws {
        let server = try TestServer()
        let client = try TestClient(port: server.linesPort)
        client.send(String(repeating: "a", count: 5000) + "\n")
        #expect(Self.errorCode(try client.readLine()) == "line_too_long")
        #expect(client.isClosedByServer())
    }

    @Test func aHalfClosedSocketGetsItsLastLineAnswered() throws {
        let server = try TestServer()
        let client = try TestClient(port: server.linesPort)
        client.send("first\nsecond without newline")
        client.shutdownWrite()
        #expect(Self.json(try client.readLine())["history"] as? Int == 0)
        #expect(Self.json(try client.readLine())["history"] as? Int == 1)
        #expect(client.isClosedByServer())
    }

    @Test func idleAndSlowConnectionsAreToldAndClosed() throws {
        let server = try TestServer {
            $0.idleTimeout = 0.3
            $0.readTimeout = 0.3
        }
        let idle = try TestClient(port: server.linesPort)
        let slow = try TestClient(port: server.linesPort)
        slow.send("half a li")
        #expect(Self.errorCode(try idle.readLine()) == "idle_timeout")
        #expect(Self.errorCode(try slow.readLine()) == "read_timeout")
        #expect(idle.isClosedByServer() && slow.isClosedByServer())
    }

    @Test func rateLimitedLinesSaySo() throws {
        let server = try TestServer { $0.requestsPerMinute = 2 }
        let client = try TestClient(port: server.linesPort)
        client.send("a\nb\nc\n")
        _ = try client.readLine()
        _ = try client.readLine()
        let line = try client.readLine()
        #expect(Self.errorCode(line) == "rate_limited")
    }

    @Test func theLogNamesTheCommandNeverTheQuestion() throws {
        let server = try TestServer()
        let client = try TestClient(port: server.linesPort)
        client.send("is Amelia entitled to help\n")
        _ = try client.readLine()
        let access = server.log.filter { $0.contains(" lines ") }
        #expect(access.count == 1)
        #expect(access.first?.contains(" lines ask ok ") == true)
        #expect(!server.log.contains { $0.contains("Amelia") })
    }
}
