import Glibc
import Synchronization

/// One thread that accepts, reads, answers and writes for many connections with `epoll`.
///
/// Each loop has its own listening sockets (`SO_REUSEPORT`: the kernel spreads new
/// connections over the loops) and owns the connections it accepts. Sockets are non-blocking and the
/// loop never waits on one client: a slow client costs a buffer, not a thread. Requests are
/// answered inline, on the loop, because the engine answers in well under a millisecond.
/// A sweep every ``sweepInterval`` enforces the timeouts.
final class EventLoop: @unchecked Sendable {
    /// How the server asked the loop to stop.
    enum StopRequest: Sendable {
        /// Stop accepting, finish what is under way, close everything at `deadline` (monotonic).
        case graceful(deadline: Double)
        case immediate
    }

    private static let wakeToken = UInt64.max
    private static let listenerTokenBase: UInt64 = 1 << 32
    /// Connections accepted per listener wake-up before serving the others.
    private static let acceptBatch = 128

    let state: ServerState
    let epoll: Epoll
    let readBuffer: UnsafeMutableRawBufferPointer
    private let calls: LinuxCalls
    private let wakeDescriptor: Int32
    private let listeners: [Int32: ListenerKind]
    private let inbox = Mutex<StopRequest?>(nil)
    private let sweepInterval: Double
    private var connections: [Int32: Connection] = [:]
    private var reserveDescriptor: Int32
    private var cachedDate: (second: Int, text: String) = (0, "")
    private var stopDeadline: Double?
    private var listening = true

    /// Connections this loop has accepted, for tests of how connections spread over loops.
    let acceptedCount = Atomic<Int>(0)

    /// Called once the loop no longer waits on the listening sockets.
    var onListenersReleased: @Sendable () -> Void = {}

    init(state: ServerState, listeners: [Int32: ListenerKind]) throws(ServerError) {
        guard let calls = LinuxCalls.shared else { throw .unsupportedPlatform }
        self.calls = calls
        self.state = state
        self.listeners = listeners
        self.epoll = try Epoll()
        let wake = calls.eventFD(0, LinuxConstants.nonBlocking | LinuxConstants.closeOnExec)
        guard wake >= 0 else { throw .system(call: "eventfd", errno: errno) }
        self.wakeDescriptor = wake
        self.reserveDescriptor = open("/dev/null", O_RDONLY | O_CLOEXEC)
        self.readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 65_536, alignment: 16)
        let shortest = min(state.configuration.readTimeout, state.configuration.idleTimeout)
        self.sweepInterval = min(0.5, max(0.02, shortest / 10))
        epoll.add(wake, events: LinuxConstants.epollIn, token: Self.wakeToken)
        for descriptor in listeners.keys {
            epoll.add(descriptor, events: LinuxConstants.epollIn, token: Self.listenerTokenBase | UInt64(descriptor))
        }
    }

    deinit {
        readBuffer.deallocate()
        Glibc.close(wakeDescriptor)
        if reserveDescriptor >= 0 { Glibc.close(reserveDescriptor) }
    }

    /// Asks the loop to stop; safe from any thread.
    func requestStop(_ request: StopRequest) {
        inbox.withLock { current in
            if case .immediate = current { return }
            current = request
        }
        var one: UInt64 = 1
        _ = write(wakeDescriptor, &one, 8)
    }

    /// Runs until stopped and every connection is closed.
    func run() {
        var nextSweep = Clock.monotonic() + sweepInterval
        while true {
            let timeout = Int32(max(1, (nextSweep - Clock.monotonic()) * 1000).rounded(.up))
            epoll.wait(timeoutMilliseconds: timeout) { token, events in
                self.dispatch(token: token, events: events)
            }
            let now = Clock.monotonic()
            if now >= nextSweep {
                sweep(now: now)
                nextSweep = now + sweepInterval
            }
            if let stopDeadline, connections.isEmpty || now >= stopDeadline { break }
        }
        for connection in Array(connections.values) { close(connection) }
        releaseListeners()
    }

    private func dispatch(token: UInt64, events: UInt32) {
        if token == Self.wakeToken {
            var value: UInt64 = 0
            _ = read(wakeDescriptor, &value, 8)
            handleStopRequest()
            return
        }
        if token & Self.listenerTokenBase != 0 {
            let descriptor = Int32(truncatingIfNeeded: token & 0xFFFF_FFFF)
            if listening, let kind = listeners[descriptor] { accept(from: descriptor, kind: kind) }
            return
        }
        guard let connection = connections[Int32(truncatingIfNeeded: token)] else { return }
        let now = Clock.monotonic()
        let readable =
            LinuxConstants.epollIn | LinuxConstants.epollError | LinuxConstants.epollHangUp
        if events & LinuxConstants.epollOut != 0 { connection.onWritable(now: now) }
        if !connection.isClosed && events & readable != 0 { connection.onReadable(now: now) }
    }

    private func handleStopRequest() {
        guard let request = inbox.withLock({ $0 }) else { return }
        let now = Clock.monotonic()
        switch request {
        case .graceful(let deadline): stopDeadline = min(stopDeadline ?? deadline, deadline)
        case .immediate: stopDeadline = now
        }
        releaseListeners()
        for connection in Array(connections.values) where !connection.isClosed {
            connection.beginDrain(now: now)
        }
    }

    private func releaseListeners() {
        guard listening else { return }
        listening = false
        for descriptor in listeners.keys { epoll.remove(descriptor) }
        onListenersReleased()
    }

    private func sweep(now: Double) {
        for connection in Array(connections.values) where !connection.isClosed {
            connection.sweep(now: now)
        }
    }

    // MARK: Connections

    private func accept(from listener: Int32, kind: ListenerKind) {
        let now = Clock.monotonic()
        for _ in 0..<Self.acceptBatch {
            switch Socket.accept(listener, calls: calls) {
            case .success(let (descriptor, client)):
                admit(descriptor, client: client, kind: kind, now: now)
            case .failure(let error) where error.code == EINTR || error.code == ECONNABORTED:
                continue
            case .failure(let error) where error.code == EMFILE || error.code == ENFILE:
                shedOneConnection(listener)
                return
            case .failure:
                return
            }
        }
    }

    private func admit(_ descriptor: Int32, client: ClientKey, kind: ListenerKind, now: Double) {
        let open = state.openConnections.wrappingAdd(1, ordering: .relaxed).newValue
        guard open <= state.configuration.maxConnections else {
            state.openConnections.wrappingSubtract(1, ordering: .relaxed)
            refuse(descriptor, kind: kind)
            return
        }
        acceptedCount.wrappingAdd(1, ordering: .relaxed)
        let connection = Connection(
            descriptor: descriptor, kind: kind, client: client, loop: self, now: now)
        connections[descriptor] = connection
        connection.registeredEvents = LinuxConstants.epollIn
        if !epoll.add(descriptor, events: LinuxConstants.epollIn, token: UInt64(descriptor)) {
            close(connection)
        }
    }

    /// Answers a connection over the limit with 503 (or an error line) and closes it.
    private func refuse(_ descriptor: Int32, kind: ListenerKind) {
        let message = "the server has too many open connections; retry shortly"
        let bytes: [UInt8]
        switch kind {
        case .http:
            let error = HTTPError(
                status: 503, code: "too_many_connections", message: message,
                headers: [("Retry-After", "1")])
            bytes = error.response.serialized(keepAlive: false, date: httpDate())
        case .lines:
            bytes = JSONText.error(code: "too_many_connections", message: message) + [0x0A]
        }
        _ = bytes.withUnsafeBytes { raw in
            send(descriptor, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT))
        }
        Glibc.close(descriptor)
        state.log("\(AccessLogEntry.timestamp(Clock.wall())) \(kind.name) (refused) 503 0us \(bytes.count)B")
    }

    /// Out of descriptors: frees the reserve to accept and close one pending connection, so
    /// the listener stops reporting it (the libev/nginx remedy for a busy-looping EMFILE).
    private func shedOneConnection(_ listener: Int32) {
        guard reserveDescriptor >= 0 else { return }
        Glibc.close(reserveDescriptor)
        if case .success(let (descriptor, _)) = Socket.accept(listener, calls: calls) {
            Glibc.close(descriptor)
        }
        reserveDescriptor = open("/dev/null", O_RDONLY | O_CLOEXEC)
    }

    /// Closes `connection` and forgets it.
    func close(_ connection: Connection) {
        guard !connection.isClosed else { return }
        connection.isClosed = true
        epoll.remove(connection.descriptor)
        Glibc.close(connection.descriptor)
        connections[connection.descriptor] = nil
        state.openConnections.wrappingSubtract(1, ordering: .relaxed)
    }

    /// The `Date` header value, formatted at most once a second.
    func httpDate() -> String {
        let now = Clock.wall()
        let second = Int(now)
        if second != cachedDate.second {
            cachedDate = (second, AccessLogEntry.httpDate(now))
        }
        return cachedDate.text
    }

    /// The number of connections this loop holds, for tests.
    var connectionCount: Int { connections.count }
}
