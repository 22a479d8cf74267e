import Dispatch
import Glibc

/// Runs `senguide serve` until SIGTERM or SIGINT; the CLI's whole `serve` command.
///
/// Logs to standard error: a start-up line, one line per request, reloads and the stop.
/// SIGHUP reloads the index with `reload` without dropping connections; a failed reload
/// keeps the old index and logs why. The first SIGTERM or SIGINT stops gracefully (at most
/// ``GuideServer/shutdownGracePeriod`` seconds); a second one stops at once.
///
/// - Returns: the exit status, 0 after a stop by signal.
/// - Throws: ``ServerError`` if the server cannot start (e.g. the port is taken).
public func runServer(
    configuration: ServerConfiguration, service: any GuideService,
    reload: @escaping @Sendable () throws -> any GuideService
) throws(ServerError) -> Int32 {
    let server = GuideServer(
        configuration: configuration, service: service, reload: reload,
        log: StandardError.writeLine)
    for signalNumber in [SIGTERM, SIGINT, SIGHUP, SIGPIPE] { signal(signalNumber, SIG_IGN) }
    try server.start()
    let queue = DispatchQueue(label: "senguide.signals")
    let stopping = DispatchQueue(label: "senguide.stop")
    var sources: [any DispatchSourceSignal] = []
    var stopRequests = 0
    for signalNumber in [SIGTERM, SIGINT] {
        let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
        source.setEventHandler {
            stopRequests += 1
            if stopRequests == 1 {
                stopping.async { server.stop(graceful: true) }
            } else {
                server.stop(graceful: false)
            }
        }
        sources.append(source)
    }
    let hangUp = DispatchSource.makeSignalSource(signal: SIGHUP, queue: queue)
    hangUp.setEventHandler { try? server.reload() }
    sources.append(hangUp)
    for source in sources { source.resume() }
    server.waitUntilStopped()
    for source in sources { source.cancel() }
    return 0
}

/// Unbuffered writes to standard error, one `write(2)` per line so lines from several
/// threads never interleave.
enum StandardError {
    @Sendable static func writeLine(_ line: String) {
        var bytes = Array(line.utf8)
        bytes.append(0x0A)
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count, let base = raw.baseAddress {
                let written = write(2, base + offset, raw.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }
}
