import Dispatch
import Glibc
import Synchronization

/// The HTTP and line-protocol servers over one ``GuideService``, in one process.
///
/// ```swift
/// var configuration = ServerConfiguration()
/// configuration.http = ListenAddress(port: 0)        // let the system choose
/// let server = GuideServer(configuration: configuration, service: service,
///                          reload: { try loadService() }, log: { print($0) })
/// let ports = try server.start()                      // ports.http is the port chosen
/// // …
/// server.stop(graceful: true)
/// ```
///
/// `start()` returns at once; the event loops run on their own threads until `stop`.
/// `reload()` builds a new service and swaps it in while connections stay open; requests
/// already being answered finish with the old one.
public final class GuideServer: Sendable {
    /// The ports the listeners were bound to.
    public struct Ports: Sendable, Equatable {
        public let http: UInt16?
        public let lines: UInt16?
    }

    private struct Runtime: @unchecked Sendable {
        var loops: [EventLoop]
        var listeners: [Int32]
        var listenersReleased: DispatchGroup
        var exited: DispatchGroup
    }

    /// How long a graceful stop lets requests under way finish before closing everything.
    public static let shutdownGracePeriod = 5.0

    private let state: ServerState
    private let makeService: @Sendable () throws -> any GuideService
    private let runtime = Mutex<Runtime?>(nil)
    private let reloading = Mutex<Int>(0)
    private let listenersClosed = Mutex<Bool>(false)
    private let stopped = DispatchSemaphore(value: 0)

    /// - Parameters:
    ///   - configuration: where to listen and the limits.
    ///   - service: what to serve.
    ///   - reload: builds a fresh service from the index on disk, for ``reload()`` and SIGHUP.
    ///   - log: receives each log line (access lines, start, reload, stop), without newline.
    public init(
        configuration: ServerConfiguration, service: any GuideService,
        reload: @escaping @Sendable () throws -> any GuideService,
        log: @escaping @Sendable (String) -> Void
    ) {
        self.state = ServerState(configuration: configuration, service: service, log: log)
        self.makeService = reload
    }

    /// Binds the listeners, starts the event loops and logs what is served where.
    ///
    /// - Returns: the ports bound, which differ from the configuration's when it says 0.
    /// - Throws: ``ServerError`` when an address cannot be bound.
    @discardableResult
    public func start() throws(ServerError) -> Ports {
        signal(SIGPIPE, SIG_IGN)
        Socket.raiseDescriptorLimit()
        let configuration = state.configuration
        let processors = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        let loopCount = configuration.eventLoops > 0 ? configuration.eventLoops : min(4, max(1, processors))
        // One listening socket per loop and listener (SO_REUSEPORT): listenersOfLoop[i] are loop i's.
        var listenersOfLoop = [[Int32: ListenerKind]](repeating: [:], count: loopCount)
        var httpPort: UInt16?
        var linesPort: UInt16?
        do {
            if let address = configuration.http {
                let (descriptors, port) = try Socket.listenGroup(on: address, count: loopCount)
                for (loop, descriptor) in descriptors.enumerated() { listenersOfLoop[loop][descriptor] = .http }
                httpPort = port
            }
            if let address = configuration.lines {
                let (descriptors, port) = try Socket.listenGroup(on: address, count: loopCount)
                for (loop, descriptor) in descriptors.enumerated() { listenersOfLoop[loop][descriptor] = .lines }
                linesPort = port
            }
            try runtime.withLock { (current) throws(ServerError) in
                guard current == nil else { throw ServerError.alreadyStarted }
                current = try startLoops(listenersOfLoop)
            }
        } catch {
            for descriptor in listenersOfLoop.flatMap(\.keys) { close(descriptor) }
            throw error
        }
        state.log(startupLine(httpPort: httpPort, linesPort: linesPort))
        return Ports(http: httpPort, lines: linesPort)
    }

    private func startLoops(_ listenersOfLoop: [[Int32: ListenerKind]]) throws(ServerError) -> Runtime {
        var loops: [EventLoop] = []
        for listeners in listenersOfLoop { loops.append(try EventLoop(state: state, listeners: listeners)) }
        let released = DispatchGroup()
        let exited = DispatchGroup()
        for (index, loop) in loops.enumerated() {
            released.enter()
            exited.enter()
            loop.onListenersReleased = { released.leave() }
            NamedThread.start(name: "senguide-loop-\(index)") {
                loop.run()
                exited.leave()
            }
        }
        return Runtime(
            loops: loops, listeners: listenersOfLoop.flatMap(\.keys), listenersReleased: released,
            exited: exited)
    }

    private func startupLine(httpPort: UInt16?, linesPort: UInt16?) -> String {
        let configuration = state.configuration
        var places: [String] = []
        if let address = configuration.http, let port = httpPort {
            places.append("HTTP on \(ListenAddress(host: address.host, port: port))")
        }
        if let address = configuration.lines, let port = linesPort {
            places.append("line protocol on \(ListenAddress(host: address.host, port: port))")
        }
        let index = configuration.indexDirectory.map { " from \($0)" } ?? ""
        return "\(AccessLogEntry.timestamp(Clock.wall())) senguide serve: "
            + (places.isEmpty ? "no listeners" : places.joined(separator: ", "))
            + "; serving \(state.service.summary)\(index); at most \(configuration.maxConnections) "
            + "connections, \(configuration.requestsPerMinute) requests per address per minute"
    }

    /// Stops the servers and returns once every loop has ended.
    ///
    /// Graceful: stop accepting, answer the requests under way (each with
    /// `Connection: close`), close idle connections at once and everything else after
    /// ``shutdownGracePeriod``. Not graceful: close everything now. Calling it again, or
    /// before `start`, does nothing more.
    public func stop(graceful: Bool = true) {
        guard let current = runtime.withLock({ $0 }) else { return }
        state.draining.store(true, ordering: .releasing)
        let request: EventLoop.StopRequest =
            graceful ? .graceful(deadline: Clock.monotonic() + Self.shutdownGracePeriod) : .immediate
        for loop in current.loops { loop.requestStop(request) }
        current.listenersReleased.wait()
        let closesListeners = listenersClosed.withLock { closed -> Bool in
            defer { closed = true }
            return !closed
        }
        if closesListeners {
            for descriptor in current.listeners { close(descriptor) }
        }
        current.exited.wait()
        let finishes = runtime.withLock { value -> Bool in
            guard value != nil else { return false }
            value = nil
            return true
        }
        if finishes {
            state.log("\(AccessLogEntry.timestamp(Clock.wall())) senguide serve: stopped")
            stopped.signal()
        }
    }

    /// True once ``stop(graceful:)`` has begun: a response written from now on closes its
    /// connection.
    var isStopping: Bool { state.isDraining }

    /// Blocks until ``stop(graceful:)`` has finished.
    public func waitUntilStopped() {
        stopped.wait()
        stopped.signal()
    }

    /// Builds a new service with the `reload` closure and swaps it in; on failure keeps the
    /// old one. Either way it logs one line saying what happened.
    ///
    /// - Throws: ``ServerError/reloadFailed(reason:)``.
    public func reload() throws(ServerError) {
        try reloading.withLock { (count: inout Int) throws(ServerError) in
            count += 1
            let service: any GuideService
            do {
                service = try makeService()
            } catch {
                let failure = ServerError.reloadFailed(reason: String(describing: error))
                state.log("\(AccessLogEntry.timestamp(Clock.wall())) senguide serve: \(failure)")
                throw failure
            }
            state.service = service
            state.log(
                "\(AccessLogEntry.timestamp(Clock.wall())) senguide serve: reloaded; serving \(service.summary)")
        }
    }

    /// Connections accepted by each event loop so far, for tests.
    package var acceptedPerLoop: [Int] {
        runtime.withLock { $0?.loops.map { $0.acceptedCount.load(ordering: .relaxed) } ?? [] }
    }

    /// Open connections over all loops, for tests.
    package var openConnectionCount: Int { state.openConnections.load(ordering: .relaxed) }
}
