import Testing
@testable import GuideServer

/// The line protocol's codec, framer and conversation, without sockets.
@Suite struct LineProtocolTests {
    @Test(arguments: [
        ("can under-5s have SEN", Command.ask("can under-5s have SEN")),
        ("  padded question \t", Command.ask("padded question")),
        ("\u{A0}question in no-break spaces\u{3000}", Command.ask("question in no-break spaces")),
        (#"{"ask": "what is an EHCP"}"#, Command.ask("what is an EHCP")),
        (#"{"search": "graduated approach"}"#, Command.search("graduated approach", limit: 10)),
        (#"{"search": "graduated approach", "limit": 3}"#, Command.search("graduated approach", limit: 3)),
        (#"{"cite": "6.45"}"#, Command.cite("6.45")),
    ])
    func parses(line: String, command: Command) throws {
        #expect(try LineProtocol.parseCommand(line[...]) == command)
    }

    @Test(arguments: [
        ("", ProtocolError.emptyLine),
        ("   ", ProtocolError.emptyLine),
        ("{", ProtocolError.invalidJSON),
        (#"{"ask": 3}"#, ProtocolError.invalidJSON),
        (#"{"search": "x", "limit": 2.5}"#, ProtocolError.invalidJSON),
        (#"{"search": "x", "limit": true}"#, ProtocolError.invalidJSON),
        (#"{}"#, ProtocolError.unknownCommand),
        (#"{"ask": "x", "search": "y"}"#, ProtocolError.unknownCommand),
        (#"{"hello": "x"}"#, ProtocolError.unknownCommand),
        (#"{"ask": " "}"#, ProtocolError.emptyField("ask")),
        (#"{"search": "x", "limit": 0}"#, ProtocolError.badLimit(allowed: 1...50)),
        (#"{"search": "x", "limit": 51}"#, ProtocolError.badLimit(allowed: 1...50)),
        (#"{"ask": "x", "limit": 5}"#, ProtocolError.unexpectedLimit),
        (#"{"ask": "a\u0000b"}"#, ProtocolError.nulByte),
    ])
    func rejects(line: String, error: ProtocolError) {
        #expect(throws: error) { try LineProtocol.parseCommand(line[...]) }
    }

    @Test func errorLinesAreJSONWithCodeAndMessage() {
        let line = String(decoding: LineProtocol.errorLine(.unknownCommand), as: UTF8.self)
        #expect(line == #"{"error":{"code":"unknown_command","message":"a JSON request needs exactly one of \"ask\", \"search\" or \"cite\""}}"# + "\n")
    }

    @Test func messagesSayWhatToDo() {
        #expect(ProtocolError.lineTooLong(limit: 4096).description
            == "no newline within 4096 bytes; send one request per line, each shorter than that")
        #expect(ProtocolError.rateLimited(retryAfterSeconds: 4).description
            == "too many requests from this address; retry in 4 s")
        #expect(ProtocolError.idleTimeout(seconds: 30).description == "no request for 30 s; closing")
    }

    @Test func framerSplitsLinesAndDropsCR() {
        var framer = LineFramer(maxLineBytes: 16)
        framer.append(Array("one\r\ntwo\nthr".utf8))
        #expect(framer.nextLine() == .success("one"))
        #expect(framer.nextLine() == .success("two"))
        #expect(framer.nextLine() == nil)
        #expect(framer.hasPartialLine)
        framer.append(Array("ee\n".utf8))
        #expect(framer.nextLine() == .success("three"))
        #expect(!framer.hasPartialLine)
    }

    @Test func framerReportsBadBytesAndGoesOn() {
        var framer = LineFramer(maxLineBytes: 16)
        framer.append([0x61, 0xFF, 0x0A, 0x61, 0x00, 0x0A] + Array("ok\n".utf8))
        #expect(framer.nextLine() == .failure(.invalidUTF8))
        #expect(framer.nextLine() == .failure(.nulByte))
        #expect(framer.nextLine() == .success("ok"))
    }

    @Test func framerFailsForGoodOnALineTooLong() {
        var framer = LineFramer(maxLineBytes: 16)
        framer.append([UInt8](repeating: 0x61, count: 17))
        #expect(framer.nextLine() == .failure(.lineTooLong(limit: 16)))
        framer.append(Array("\nok\n".utf8))
        #expect(framer.nextLine() == .failure(.lineTooLong(limit: 16)))
        var terminated = LineFramer(maxLineBytes: 4)
        terminated.append(Array("12345\n".utf8))
        #expect(terminated.nextLine() == .failure(.lineTooLong(limit: 4)))
    }

    @Test func framerHandsOverAnUnterminatedLastLine() {
        var framer = LineFramer(maxLineBytes: 16)
        framer.append(Array("last".utf8))
        #expect(framer.nextLine() == nil)
        #expect(framer.finishInput() == .success("last"))
        #expect(framer.finishInput() == nil)
    }

    @Test func conversationKeepsTheLastQuestions() {
        var conversation = Conversation(capacity: 2)
        for question in ["a", "b", "c"] { conversation.record(question) }
        #expect(conversation.history == ["b", "c"])
    }
}
