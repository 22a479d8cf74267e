import Foundation
import Glibc
import Synchronization
import Testing
@testable import GuideServer

/// Many clients, slow clients, stopping and reloading while requests are under way.
@Suite(.serialized) struct LoadTests {
    @Test func aThousandSimultaneousConnections() throws {
        let server = try TestServer()
        var clients: [TestClient] = []
        for index in 0..<1000 {
            clients.append(try TestClient(port: index.isMultiple(of: 2) ? server.httpPort : server.linesPort, timeout: 20))
        }
        for (index, client) in clients.enumerated() {
            client.send(index.isMultiple(of: 2) ? get("/v1/search?q=x") : #"{"search":"x"}"# + "\n")
        }
        var served = 0
        for (index, client) in clients.enumerated() {
            if index.isMultiple(of: 2) {
                if try client.readResponse().status == 200 { served += 1 }
            } else if LineServerTests.json(try client.readLine())["hits"] != nil {
                served += 1
            }
        }
        #expect(served == 1000)
        #expect(server.server.openConnectionCount == 1000)
    }

    @Test func connectionsOverTheLimitAreRefused() throws {
        let server = try TestServer { $0.maxConnections = 4 }
        let held = try (0..<4).map { _ in try TestClient(port: server.httpPort) }
        for client in held {
            client.send(get("/healthz"))
            #expect(try client.readResponse().status == 200)
        }
        let refused = try TestClient(port: server.httpPort)
        let response = try refused.readResponse()
        #expect(response.status == 503)
        #expect(response.header("retry-after") == "1")
        held[0].send(get("/healthz", "Connection: close\r\n"))
        _ = try held[0].readResponse()
        #expect(held[0].isClosedByServer())
        usleep(50_000)
        let admitted = try TestClient(port: server.httpPort)
        admitted.send(get("/healthz"))
        #expect(try admitted.readResponse().status == 200)
    }

    /// Clients sending a byte every 200 ms hold no worker: others are served at full speed,
    /// and the slow ones get 408 once the read timeout passes.
    @Test func slowClientsDoNotHoldUpOthers() throws {
        let server = try TestServer { $0.readTimeout = 1 }
        let slow = try (0..<20).map { _ in try TestClient(port: server.httpPort) }
        let request = Array(get("/healthz").utf8)
        let started = Date()
        var sentBytes = 0
        let fast = try TestClient(port: server.httpPort)
        var slowest = 0.0
        while Date().timeIntervalSince(started) < 1.4 {
            if sentBytes < request.count {
                for client in slow { client.send([request[sentBytes]]) }
                sentBytes += 1
            }
            for _ in 0..<10 {
                let before = Date()
                fast.send(get("/v1/search?q=x"))
                #expect(try fast.readResponse().status == 200)
                slowest = max(slowest, Date().timeIntervalSince(before))
            }
            usleep(200_000)
        }
        #expect(slowest < 0.25, "a request took \(slowest) s; the slow clients held it up")
        for client in slow {
            let response = try client.readResponse()
            #expect(response.status == 408)
        }
    }

    @Test func gracefulStopFinishesTheRequestInFlight() throws {
        let server = try TestServer()
        let idle = try TestClient(port: server.httpPort)
        let busy = try TestClient(port: server.httpPort)
        busy.send(get("/v1/ask?q=gated"))
        usleep(100_000)
        let stopped = Date()
        DispatchQueue.global().async { server.stop(graceful: true) }
        // The answer is let go only once the stop has begun, however loaded the machine.
        while !server.server.isStopping && Date().timeIntervalSince(stopped) < 5 { usleep(1_000) }
        FakeGuideService.gate.signal()
        let response = try busy.readResponse()
        #expect(response.status == 200)
        #expect(response.header("connection") == "close")
        #expect(idle.isClosedByServer())
        server.server.waitUntilStopped()
        #expect(Date().timeIntervalSince(stopped) < 3)
        #expect(throws: TestClient.Failure.self) { try TestClient(port: server.httpPort) }
        #expect(server.log.last?.hasSuffix("senguide serve: stopped") == true)
    }

    @Test func reloadUnderLoadDropsNothing() throws {
        let server = try TestServer()
        let failures = Atomic<Int>(0)
        let served = Atomic<Int>(0)
        let running = Atomic<Bool>(true)
        let group = DispatchGroup()
        for worker in 0..<6 {
            group.enter()
            Thread {
                defer { group.leave() }
                do {
                    let http = try TestClient(port: server.httpPort)
                    let lines = try TestClient(port: server.linesPort)
                    while running.load(ordering: .relaxed) {
                        if worker.isMultiple(of: 2) {
                            http.send(get("/v1/search?q=x"))
                            if try http.readResponse().status != 200 { failures.add(1, ordering: .relaxed) }
                        } else {
                            lines.send("follow-up\n")
                            if LineServerTests.json(try lines.readLine())["kind"] == nil {
                                failures.add(1, ordering: .relaxed)
                            }
                        }
                        served.add(1, ordering: .relaxed)
                    }
                } catch {
                    failures.add(1, ordering: .relaxed)
                }
            }.start()
        }
        for _ in 0..<20 {
            try server.server.reload()
            usleep(20_000)
        }
        running.store(false, ordering: .relaxed)
        group.wait()
        #expect(failures.load(ordering: .relaxed) == 0)
        #expect(served.load(ordering: .relaxed) > 100)
        let client = try TestClient(port: server.httpPort)
        client.send(get("/healthz"))
        #expect(try client.readResponse().json?["generation"] as? String == "21")
        #expect(server.log.filter { $0.contains("senguide serve: reloaded") }.count == 20)
    }

    @Test func aFailedReloadKeepsTheOldIndexAndSaysWhy() throws {
        let server = try TestServer()
        let client = try TestClient(port: server.httpPort)
        server.reloadSwitch.fails.store(true, ordering: .relaxed)
        let error = #expect(throws: ServerError.self) { try server.server.reload() }
        #expect(error == .reloadFailed(reason: "Index/index.bin is truncated"))
        #expect(server.log.last?.hasSuffix(
            "senguide serve: reload failed, still serving the previous index: Index/index.bin is truncated") == true)
        client.send(get("/healthz"))
        #expect(try client.readResponse().json?["generation"] as? String == "1")
    }
}

/// Each event loop has its own listening socket (SO_REUSEPORT), and the port is still the
/// server's alone.
@Suite struct ListenerTests {
    /// A burst of connections is spread over the loops, not taken by whichever woke first.
    @Test func aBurstOfConnectionsIsSpreadOverTheLoops() throws {
        let server = try TestServer { $0.eventLoops = 2 }
        let clients = try (0..<64).map { _ in try TestClient(port: server.httpPort) }
        for client in clients {
            client.send(get("/healthz"))
            #expect(try client.readResponse().status == 200)
        }
        let perLoop = server.server.acceptedPerLoop
        #expect(perLoop.count == 2)
        #expect(perLoop.reduce(0, +) == 64)
        // By the kernel's hash of the client ports; all 64 on one loop has odds of 2^-63.
        #expect(perLoop.allSatisfy { $0 > 0 })
    }

    /// A second server on a port already served (by this server's own group, or by any
    /// other listener) fails to start with a clear error instead of sharing its connections.
    @Test func aPortInUseIsRefused() throws {
        let first = try TestServer { $0.eventLoops = 2 }
        for port in [first.httpPort, first.linesPort] {
            var configuration = ServerConfiguration()
            configuration.http = ListenAddress(port: port)
            configuration.lines = nil
            let second = GuideServer(
                configuration: configuration, service: FakeGuideService(), reload: { FakeGuideService() }, log: { _ in })
            do {
                try second.start()
                Issue.record("a second server started on port \(port)")
            } catch {
                #expect(error == .cannotListen(address: "127.0.0.1:\(port)", reason: "Address already in use"))
            }
            second.stop(graceful: false)
        }
        let client = try TestClient(port: first.httpPort)
        client.send(get("/healthz"))
        #expect(try client.readResponse().status == 200)
    }
}
