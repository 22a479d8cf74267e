import Foundation
import Synchronization
@testable import GuideServer

/// A server on ephemeral loopback ports, in this process, with its log captured.
///
/// Rate limiting is off unless the test turns it on. `reload()` serves a new
/// ``FakeGuideService`` with the next generation, or fails while `reloadFails` is set.
final class TestServer: Sendable {
    let server: GuideServer
    let httpPort: UInt16
    let linesPort: UInt16
    let logBox = LogBox()
    let reloadSwitch = ReloadSwitch()

    init(_ configure: (inout ServerConfiguration) -> Void = { _ in }) throws {
        var configuration = ServerConfiguration()
        configuration.http = ListenAddress(port: 0)
        configuration.lines = ListenAddress(port: 0)
        configuration.requestsPerMinute = 0
        configure(&configuration)
        let box = logBox
        let reloadSwitch = reloadSwitch
        server = GuideServer(
            configuration: configuration, service: FakeGuideService(),
            reload: { try reloadSwitch.next() },
            log: { box.append($0) })
        let ports = try server.start()
        httpPort = ports.http ?? 0
        linesPort = ports.lines ?? 0
    }

    var log: [String] { logBox.lines }

    func stop(graceful: Bool = true) { server.stop(graceful: graceful) }

    deinit { server.stop(graceful: false) }
}

/// Makes the reloaded services, or fails while `fails` is set.
final class ReloadSwitch: Sendable {
    let fails = Atomic<Bool>(false)
    private let generation = Atomic<Int>(1)

    func next() throws -> any GuideService {
        if fails.load(ordering: .relaxed) { throw TestReloadError.broken }
        return FakeGuideService(generation: generation.wrappingAdd(1, ordering: .relaxed).newValue)
    }
}

final class LogBox: Sendable {
    private let storage = Mutex<[String]>([])
    func append(_ line: String) { storage.withLock { $0.append(line) } }
    var lines: [String] { storage.withLock { $0 } }
}

enum TestReloadError: Error, CustomStringConvertible {
    case broken
    var description: String { "Index/index.bin is truncated" }
}
