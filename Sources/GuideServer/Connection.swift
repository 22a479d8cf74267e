import Glibc

/// Which protocol a listener speaks.
enum ListenerKind: Sendable {
    case http
    case lines

    /// The listener's name in the logs.
    var name: String {
        switch self {
        case .http: "http"
        case .lines: "lines"
        }
    }
}

/// One client connection, owned by one ``EventLoop`` and touched only on its thread.
///
/// The connection reads what the peer sends into its codec (``HTTPRequestParser`` or
/// ``LineFramer``), answers each complete request in order into its output buffer, and writes
/// that buffer as the socket accepts it. It stops reading while the output buffer is above
/// ``outputHighWater`` (a client that does not read its answers cannot make the server
/// buffer without bound), and after an error that ends the connection it writes the answer,
/// shuts down its side and discards input for a moment before closing, so that the peer
/// reads the answer instead of a reset (a "lingering close", as nginx does).
final class Connection {
    /// Above this many unsent bytes, the connection stops reading and answering.
    static let outputHighWater = 128 * 1024
    /// How long a lingering close discards input before closing.
    static let lingerSeconds = 2.0
    /// How much input a lingering close discards before giving up.
    static let lingerDiscardBytes = 1 << 20

    let descriptor: Int32
    let kind: ListenerKind
    let client: ClientKey
    unowned let loop: EventLoop
    var parser: HTTPRequestParser
    var framer: LineFramer
    var conversation = Conversation()
    var output: [UInt8] = []
    var outputOffset = 0
    /// When the last request was answered, or the connection opened.
    var lastActivity: Double
    /// When the first byte of the request not yet complete arrived.
    var partialSince: Double?
    var lastWriteProgress: Double
    /// The peer has shut down its sending side.
    var peerClosed = false
    /// Close once the output is written; nothing more is read or answered.
    var closeAfterFlush = false
    /// The close follows an error, so the peer may still be sending: linger before closing.
    var lingerOnClose = false
    var lingerDeadline: Double?
    var lingerDiscarded = 0
    var registeredEvents: UInt32 = 0
    var isClosed = false

    init(descriptor: Int32, kind: ListenerKind, client: ClientKey, loop: EventLoop, now: Double) {
        self.descriptor = descriptor
        self.kind = kind
        self.client = client
        self.loop = loop
        self.parser = HTTPRequestParser(limits: loop.state.limits)
        self.framer = LineFramer(maxLineBytes: loop.state.configuration.maxLineBytes)
        self.lastActivity = now
        self.lastWriteProgress = now
    }

    var hasPendingOutput: Bool { outputOffset < output.count }

    /// Whether the connection reads and answers more requests now.
    var wantsInput: Bool {
        !closeAfterFlush && lingerDeadline == nil && output.count - outputOffset < Self.outputHighWater
    }

    var hasPartialRequest: Bool {
        switch kind {
        case .http: parser.hasPartialRequest
        case .lines: framer.hasPartialLine
        }
    }

    /// Whether nothing is under way: no partial request and nothing left to write.
    var isIdle: Bool { !hasPartialRequest && !hasPendingOutput }

    // MARK: Events

    func onReadable(now: Double) {
        if lingerDeadline != nil {
            discardInput()
            return
        }
        let buffer = loop.readBuffer
        while wantsInput && !peerClosed {
            guard let base = buffer.baseAddress else { return }
            let count = recv(descriptor, base, buffer.count, 0)
            if count > 0 {
                append(UnsafeRawBufferPointer(start: base, count: count))
                process(now: now)
                if count < buffer.count { break }
            } else if count == 0 {
                peerClosed = true
                process(now: now)
            } else if errno == EINTR {
                continue
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                break
            } else {
                loop.close(self)
                return
            }
        }
        flush(now: now)
    }

    func onWritable(now: Double) {
        flush(now: now)
        if !isClosed && wantsInput {
            process(now: now)
            flush(now: now)
        }
    }

    /// Enforces the timeouts; called by the loop's periodic sweep.
    func sweep(now: Double) {
        let configuration = loop.state.configuration
        if let lingerDeadline {
            if now >= lingerDeadline { loop.close(self) }
            return
        }
        if hasPendingOutput {
            if now - lastWriteProgress > configuration.idleTimeout { loop.close(self) }
            return
        }
        if hasPartialRequest, let partialSince, !closeAfterFlush {
            if now - partialSince > configuration.readTimeout { timedOut(reading: true, now: now) }
        } else if !hasPartialRequest, now - lastActivity > configuration.idleTimeout {
            timedOut(reading: false, now: now)
        }
    }

    /// The server is stopping: close once the request under way, if any, is answered.
    func beginDrain(now: Double) {
        guard !hasPartialRequest else { return }
        closeAfterFlush = true
        flush(now: now)
    }

    // MARK: Input

    private func append(_ bytes: UnsafeRawBufferPointer) {
        switch kind {
        case .http: parser.append(bytes)
        case .lines: framer.append(bytes)
        }
    }

    /// Answers the complete requests buffered, as far as the output buffer allows.
    func process(now: Double) {
        let answered: Int
        switch kind {
        case .http: answered = processHTTP(now: now)
        case .lines: answered = processLines(now: now)
        }
        if hasPartialRequest {
            if partialSince == nil || answered > 0 { partialSince = now }
        } else {
            partialSince = nil
        }
    }

    private func timedOut(reading: Bool, now: Double) {
        let configuration = loop.state.configuration
        switch (kind, reading) {
        case (.http, true):
            let error = HTTPError(
                status: 408, code: "request_timeout",
                message: "the request was not complete within \(configuration.readTimeout) s")
            answerHTTPError(error, now: now)
        case (.http, false):
            loop.close(self)
            return
        case (.lines, true):
            answerLineError(.readTimeout(seconds: configuration.readTimeout), now: now, started: now)
        case (.lines, false):
            answerLineError(.idleTimeout(seconds: configuration.idleTimeout), now: now, started: now)
        }
        closeAfterFlush = true
        lingerOnClose = true
        flush(now: now)
    }

    private func discardInput() {
        let buffer = loop.readBuffer
        while let base = buffer.baseAddress {
            let count = recv(descriptor, base, buffer.count, 0)
            if count > 0 {
                lingerDiscarded += count
                if lingerDiscarded > Self.lingerDiscardBytes {
                    loop.close(self)
                    return
                }
            } else if count < 0 && errno == EINTR {
                continue
            } else if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                return
            } else {
                loop.close(self)
                return
            }
        }
    }

    // MARK: Output

    func appendOutput(_ bytes: [UInt8]) {
        if !hasPendingOutput { lastWriteProgress = Clock.monotonic() }
        if output.isEmpty {
            output = bytes
        } else {
            output.append(contentsOf: bytes)
        }
    }

    /// Writes what the socket accepts, then closes or lingers if asked to, and updates the
    /// events the loop waits for.
    func flush(now: Double) {
        guard !isClosed else { return }
        while outputOffset < output.count {
            let remaining = output.count - outputOffset
            let offset = outputOffset
            let sent = output.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return send(descriptor, base + offset, remaining, Int32(MSG_NOSIGNAL))
            }
            if sent > 0 {
                outputOffset += sent
                lastWriteProgress = now
            } else if sent < 0 && errno == EINTR {
                continue
            } else if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                break
            } else {
                loop.close(self)
                return
            }
        }
        if outputOffset == output.count && !output.isEmpty {
            output.removeAll(keepingCapacity: output.capacity <= 65_536)
            outputOffset = 0
        }
        if closeAfterFlush && !hasPendingOutput && lingerDeadline == nil {
            if peerClosed || !lingerOnClose && !hasPartialRequest {
                loop.close(self)
                return
            }
            shutdown(descriptor, Int32(SHUT_WR))
            lingerDeadline = now + Self.lingerSeconds
        }
        updateInterest()
    }

    private func updateInterest() {
        var events: UInt32 = 0
        if lingerDeadline != nil || (wantsInput && !peerClosed) { events |= LinuxConstants.epollIn }
        if hasPendingOutput { events |= LinuxConstants.epollOut }
        if events != registeredEvents {
            loop.epoll.modify(descriptor, events: events, token: UInt64(descriptor))
            registeredEvents = events
        }
    }

    /// Writes one access-log line.
    func logRequest(endpoint: String, status: String, started: Double, bytes: Int) {
        let entry = AccessLogEntry(
            time: Clock.wall(), listener: kind.name, endpoint: endpoint, status: status,
            microseconds: Int((Clock.monotonic() - started) * 1_000_000), bytes: bytes)
        loop.state.log(entry.formatted)
    }
}
