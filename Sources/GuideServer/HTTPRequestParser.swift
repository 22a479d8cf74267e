/// Frames HTTP/1.1 requests from a byte stream, incrementally, without a socket.
///
/// Feed bytes with ``append(_:)`` as they arrive and call ``nextRequest()`` until it returns
/// nil; pipelined requests come out one by one, in order. The rules are RFC 9112's, applied
/// strictly because the server is meant to be exposed:
///
/// - request-line `method SP request-target SP HTTP-version`; lines end in CRLF or a bare LF
///   (§2.2), a bare CR is an error; empty lines before a request are skipped;
/// - field names are tokens with no whitespace before the colon (§5.1); obs-fold is rejected
///   (§5.2); values may hold visible ASCII, spaces, tabs and UTF-8, never NUL or controls;
/// - HTTP/1.1 requires exactly one `Host` (§3.2);
/// - `Content-Length` with `Transfer-Encoding` is a smuggling attempt, answered 400 (§6.1);
///   repeated `Content-Length`s must agree (§6.3); any `Transfer-Encoding` (chunked bodies)
///   is not implemented here: 501;
/// - limits: a request line longer than the header budget is 414, a header section longer
///   than it is 431, a body longer than the body budget is 413.
///
/// After an error the parser stays failed: the connection cannot be re-synchronised and
/// must close once the error is answered.
///
/// ```swift
/// var parser = HTTPRequestParser(limits: .init(maxHeaderBytes: 8192, maxBodyBytes: 65536))
/// parser.append(Array("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
/// let request = try parser.nextRequest()   // GET /healthz
/// ```
struct HTTPRequestParser {
    struct Limits: Sendable, Equatable {
        /// Request line plus header fields, terminators included.
        var maxHeaderBytes: Int
        var maxBodyBytes: Int
    }

    /// A parsed head waiting for its body.
    struct Head: Equatable {
        var method: String
        var target: String
        var minorVersion: Int
        var fields: [HTTPRequest.Field]
        var contentLength: Int
        var expectsContinue: Bool
    }

    let limits: Limits
    private var buffer: [UInt8] = []
    /// Index of the first byte not yet consumed.
    private var start = 0
    /// Where the search for the end of the head resumes.
    private var scanFrom = 0
    private var head: Head?
    private var continueAnswered = false
    private var requestLineChecked = false
    private var failure: HTTPError?

    init(limits: Limits) {
        self.limits = limits
    }

    /// Adds bytes received from the peer.
    mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// Whether part of a request has arrived but not all of it.
    var hasPartialRequest: Bool { head != nil || start < buffer.count }

    /// The number of bytes held, for tests of memory bounds.
    var bufferedByteCount: Int { buffer.count - start }

    /// True once, when a request that sent `Expect: 100-continue` waits for its body: the
    /// caller answers `100 Continue` (RFC 9110 §10.1.1).
    mutating func takeContinueRequest() -> Bool {
        guard let head, head.expectsContinue, !continueAnswered else { return false }
        continueAnswered = true
        return true
    }

    /// Returns the next complete request, or nil until more bytes arrive.
    ///
    /// - Throws: ``HTTPError`` with the status to answer; every later call throws it again.
    mutating func nextRequest() throws(HTTPError) -> HTTPRequest? {
        if let failure { throw failure }
        do {
            return try frameNext()
        } catch {
            failure = error
            throw error
        }
    }

    /// Tells the parser the peer will send no more (a half-closed or closed socket).
    ///
    /// - Throws: 400 when a request was cut short.
    mutating func finishInput() throws(HTTPError) {
        if let failure { throw failure }
        skipEmptyLines()
        guard hasPartialRequest else { return }
        let error = HTTPError.badRequest(
            "incomplete_request",
            "the connection was closed before the request was complete; send the whole request")
        failure = error
        throw error
    }

    private mutating func frameNext() throws(HTTPError) -> HTTPRequest? {
        if head == nil {
            skipEmptyLines()
            guard let end = try findEndOfHead() else { return nil }
            head = try Self.parseHead(buffer[start..<end], limits: limits)
            start = end
            scanFrom = end
            continueAnswered = false
            requestLineChecked = false
        }
        guard let current = head, buffer.count - start >= current.contentLength else { return nil }
        let bodyEnd = start + current.contentLength
        let request = HTTPRequest(
            method: current.method, target: current.target, minorVersion: current.minorVersion,
            fields: current.fields, body: Array(buffer[start..<bodyEnd]))
        start = bodyEnd
        head = nil
        compact()
        return request
    }

    /// Drops consumed bytes once they are the larger part of the buffer.
    private mutating func compact() {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.capacity <= 16_384)
            start = 0
            scanFrom = 0
        } else if start > 4096 && start * 2 > buffer.count {
            buffer.removeFirst(start)
            scanFrom -= start
            start = 0
        }
    }

    private mutating func skipEmptyLines() {
        while start < buffer.count {
            if buffer[start] == 0x0A {
                start += 1
            } else if buffer[start] == 0x0D, start + 1 < buffer.count, buffer[start + 1] == 0x0A {
                start += 2
            } else {
                break
            }
        }
        scanFrom = max(scanFrom, start)
        compact()
    }

    /// The index just past the blank line ending the head, or nil if it has not arrived.
    private mutating func findEndOfHead() throws(HTTPError) -> Int? {
        var index = scanFrom
        while index < buffer.count {
            if buffer[index] == 0x0A {
                if index + 1 >= buffer.count { break }
                if buffer[index + 1] == 0x0A {
                    return try checkedHeadEnd(index + 2)
                }
                if buffer[index + 1] == 0x0D {
                    if index + 2 >= buffer.count { break }
                    if buffer[index + 2] == 0x0A { return try checkedHeadEnd(index + 3) }
                }
            }
            index += 1
        }
        scanFrom = index
        if buffer.count - start > limits.maxHeaderBytes {
            throw overLimitError(scannedTo: buffer.count)
        }
        try checkRequestLineEarly()
        return nil
    }

    /// Rejects a bad request line as soon as it is visible, so that garbage gets its 400 at
    /// once rather than after the read timeout: a method byte that no token may hold, or a
    /// complete first line that is not a request line.
    private mutating func checkRequestLineEarly() throws(HTTPError) {
        guard !requestLineChecked else { return }
        let pending = buffer[start...]
        for byte in pending {
            if byte == 0x20 { break }
            guard Self.isTokenByte(byte) else {
                if byte == 0x00 { throw .badRequest("nul_byte", "the request contains a NUL byte") }
                throw .badRequest(
                    "bad_request_line",
                    "the request line must be METHOD SP TARGET SP HTTP/1.1, e.g. GET /healthz HTTP/1.1")
            }
        }
        guard let lineEnd = pending.firstIndex(of: 0x0A) else { return }
        var line = buffer[start..<lineEnd]
        if line.last == 0x0D { line = line.dropLast() }
        _ = try Self.parseRequestLine(line)
        requestLineChecked = true
    }

    private func checkedHeadEnd(_ end: Int) throws(HTTPError) -> Int {
        if end - start > limits.maxHeaderBytes { throw overLimitError(scannedTo: end) }
        return end
    }

    /// 414 while still in the request line, 431 once past it.
    private func overLimitError(scannedTo end: Int) -> HTTPError {
        let requestLineEnd = buffer[start..<end].firstIndex(of: 0x0A) ?? end
        if requestLineEnd - start > limits.maxHeaderBytes {
            return HTTPError(
                status: 414, code: "uri_too_long",
                message: "the request line is longer than \(limits.maxHeaderBytes) bytes; "
                    + "shorten the question or POST it to /v1/ask")
        }
        return HTTPError(
            status: 431, code: "header_too_large",
            message: "the request line and headers are longer than \(limits.maxHeaderBytes) bytes; "
                + "send fewer or shorter headers")
    }
}
