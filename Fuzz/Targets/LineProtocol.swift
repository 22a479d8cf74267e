// Fuzz target: the line protocol's framer and command parser, as a connection drives them.
//
// The input is a byte stream from a peer; its first byte chooses how it is cut into reads
// (1 to 256 bytes each). Every framed line is parsed as a command and every error rendered as
// its error line; the end of input is signalled as a half-close.
// Build and run: Fuzz/run.sh LineProtocol
@testable import GuideServer

private let maxLineBytes = 512

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLineProtocol(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let chunk = Int(data[0]) + 1
    let stream = UnsafeBufferPointer(start: data + 1, count: size - 1)
    var framer = LineFramer(maxLineBytes: maxLineBytes)
    var closed = false
    func handle(_ line: Result<Substring, ProtocolError>) {
        switch line {
        case .failure(let error):
            check(LineProtocol.errorLine(error))
            if error.closesConnection { closed = true }
        case .success(let text):
            do {
                switch try LineProtocol.parseCommand(text) {
                case .ask(let question): precondition(!question.isEmpty)
                case .search(let query, let limit): precondition(!query.isEmpty && (1...50).contains(limit))
                case .cite(let paragraph): precondition(!paragraph.isEmpty)
                }
            } catch {
                check(LineProtocol.errorLine(error))
            }
        }
    }
    var offset = 0
    while offset < stream.count && !closed {
        let end = min(offset + chunk, stream.count)
        framer.append(stream[offset..<end])
        offset = end
        while !closed, let line = framer.nextLine() { handle(line) }
        precondition(framer.bufferedByteCount <= maxLineBytes + chunk + 1, "the framer must not hold more than a line")
    }
    if !closed, let last = framer.finishInput() { handle(last) }
    return 0
}

/// An error line is one JSON object and one newline.
private func check(_ line: [UInt8]) {
    precondition(line.last == 0x0A && line.dropLast().allSatisfy { $0 != 0x0A }, "an error line must be one line")
    precondition(line.first == UInt8(ascii: "{"), "an error line must be a JSON object")
}
