import Foundation
import Glibc
import Synchronization
import Testing
@testable import GuideServer

/// `runServer` and the signals: SIGHUP reloads, SIGTERM stops gracefully with exit status 0.
@Suite(.serialized) struct RunServerTests {
    @Test func hangUpReloadsAndTerminateStopsGracefully() throws {
        var settings = ServerConfiguration()
        settings.http = ListenAddress(port: 0)
        settings.lines = ListenAddress(port: 0)
        let configuration = settings
        let reloads = ReloadSwitch()
        let log = LogBox()
        let ports = Mutex<GuideServer.Ports?>(nil)
        let status = Mutex<Int32?>(nil)
        let started = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let result = try? runServer(
                configuration: configuration, service: FakeGuideService(), reload: { try reloads.next() },
                log: { log.append($0) },
                started: { bound in
                    ports.withLock { $0 = bound }
                    started.signal()
                })
            status.withLock { $0 = result }
            started.signal()
            finished.signal()
        }
        started.wait()
        let httpPort = try #require(ports.withLock { $0 }?.http)
        let client = try TestClient(port: httpPort)

        kill(getpid(), SIGHUP)
        let deadline = Date().addingTimeInterval(3)
        while !log.lines.contains(where: { $0.contains("reloaded") }) && Date() < deadline { usleep(10_000) }
        client.send(get("/healthz"))
        #expect(try client.readResponse().json?["generation"] as? String == "2")

        client.send(get("/v1/ask?q=slow"))
        // Stop only once the request is being answered, however loaded the machine: a fixed
        // pause could let the stop come first, and an unread request is not in flight.
        #expect(FakeGuideService.slowStarted.wait(timeout: .now() + 5) == .success)
        let stopping = Date()
        kill(getpid(), SIGTERM)
        let response = try client.readResponse()
        #expect(response.status == 200)
        #expect(response.header("connection") == "close")
        #expect(finished.wait(timeout: .now() + 5) == .success)
        #expect(status.withLock { $0 } == 0)
        #expect(Date().timeIntervalSince(stopping) < 3)
        #expect(log.lines.last?.hasSuffix("senguide serve: stopped") == true)
    }
}
