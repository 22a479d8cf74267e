import Glibc

/// Runs `senguide serve` until SIGTERM or SIGINT; the CLI's whole `serve` command.
///
/// Logs to standard error: a start-up line, one line per request, reloads and the stop.
/// SIGHUP reloads the index with `reload` without dropping connections; a failed reload
/// keeps the old index and logs why. The first SIGTERM or SIGINT stops gracefully (at most
/// ``GuideServer/shutdownGracePeriod`` seconds); a second one stops at once.
///
/// Signals reach the server through a self-pipe: the handler, which may run on any thread,
/// only writes the signal number to a pipe, and this function reads the pipe and acts.
/// The process's allocator is set to give large buffers back when they are freed
/// (``MemoryAllocator``), so that a burst of bad input leaves no lasting growth.
///
/// - Returns: the exit status, 0 after a stop by signal.
/// - Throws: ``ServerError`` if the server cannot start (e.g. the port is taken).
public func runServer(
    configuration: ServerConfiguration, service: any GuideService,
    reload: @escaping @Sendable () throws -> any GuideService
) throws(ServerError) -> Int32 {
    MemoryAllocator.returnLargeBuffersWhenFreed()
    let log = StandardErrorLog()
    defer { log.close() }
    return try runServer(
        configuration: configuration, service: service, reload: reload,
        log: { log.write($0) }, started: { _ in })
}

/// ``runServer(configuration:service:reload:)`` with the log and a call once the signal
/// handlers are in place and the listeners bound, for tests.
package func runServer(
    configuration: ServerConfiguration, service: any GuideService,
    reload: @escaping @Sendable () throws -> any GuideService,
    log: @escaping @Sendable (String) -> Void, started: (GuideServer.Ports) -> Void
) throws(ServerError) -> Int32 {
    let server = GuideServer(
        configuration: configuration, service: service, reload: reload, log: log)
    let signals = try SignalPipe()
    started(try server.start())
    var stopRequests = 0
    while let signalNumber = signals.next() {
        switch signalNumber {
        case SIGTERM, SIGINT:
            stopRequests += 1
            let graceful = stopRequests == 1
            NamedThread.start(name: "senguide-stop") {
                server.stop(graceful: graceful)
                signals.post(SignalPipe.stoppedMarker)
            }
        case SIGHUP:
            NamedThread.start(name: "senguide-reload") { try? server.reload() }
        case SignalPipe.stoppedMarker:
            signals.restoreDefaults()
            return 0
        default:
            continue
        }
    }
    server.stop(graceful: false)
    return 0
}

/// SIGTERM, SIGINT and SIGHUP turned into bytes on a pipe (the self-pipe trick).
private final class SignalPipe: Sendable {
    /// Written by this process, not by a signal, once the server has stopped.
    static let stoppedMarker: Int32 = 0
    static let handled = [SIGTERM, SIGINT, SIGHUP]

    private let readDescriptor: Int32
    private let writeDescriptor: Int32

    init() throws(ServerError) {
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else { throw .system(call: "pipe", errno: errno) }
        readDescriptor = descriptors[0]
        writeDescriptor = descriptors[1]
        for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        _ = fcntl(writeDescriptor, F_SETFL, O_NONBLOCK)
        signalPipeWriteDescriptor = writeDescriptor
        signal(SIGPIPE, SIG_IGN)
        for signalNumber in Self.handled {
            signal(signalNumber) { number in
                // Only async-signal-safe work here: one write(2) of one byte.
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(signalPipeWriteDescriptor, &byte, 1)
            }
        }
    }

    /// Blocks until a signal (or the stopped marker) arrives; nil if the pipe fails.
    func next() -> Int32? {
        var byte: UInt8 = 0
        while true {
            let count = read(readDescriptor, &byte, 1)
            if count == 1 { return Int32(byte) }
            if count < 0 && errno == EINTR { continue }
            return nil
        }
    }

    func post(_ value: Int32) {
        var byte = UInt8(truncatingIfNeeded: value)
        _ = write(writeDescriptor, &byte, 1)
    }

    func restoreDefaults() {
        for signalNumber in Self.handled { signal(signalNumber, SIG_DFL) }
    }
}

/// The pipe the signal handler writes to; set before any handler is installed.
nonisolated(unsafe) private var signalPipeWriteDescriptor: Int32 = -1

