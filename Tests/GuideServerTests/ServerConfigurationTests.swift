import Testing
@testable import GuideServer

@Suite struct ServerConfigurationTests {
    @Test func defaultsBindLoopback() throws {
        let configuration = try ServerConfiguration.parse(arguments: [])
        #expect(configuration.http == ListenAddress(host: "127.0.0.1", port: 8080))
        #expect(configuration.lines == ListenAddress(host: "127.0.0.1", port: 8081))
        #expect(configuration.allowedOrigins.isEmpty)
        #expect(configuration.maxHeaderBytes == 8192)
        #expect(configuration.maxBodyBytes == 65_536)
        #expect(configuration.maxLineBytes == 4096)
    }

    @Test func parsesEveryOption() throws {
        let configuration = try ServerConfiguration.parse(arguments: [
            "--http", "0.0.0.0:80", "--lines=[::1]:7000", "--index", "Other", "--allow-origin", "https://a.example",
            "--allow-origin", "https://b.example", "--max-connections", "10", "--idle-timeout", "1.5s",
            "--read-timeout", "500ms", "--rate-limit", "0", "--max-header-bytes", "1024", "--max-body-bytes", "100",
            "--max-line-bytes", "64", "--threads", "1",
        ])
        #expect(configuration.http == ListenAddress(host: "0.0.0.0", port: 80))
        #expect(configuration.lines == ListenAddress(host: "::1", port: 7000))
        #expect(configuration.indexDirectory == "Other")
        #expect(configuration.allowedOrigins == ["https://a.example", "https://b.example"])
        #expect(configuration.maxConnections == 10)
        #expect(configuration.idleTimeout == 1.5)
        #expect(configuration.readTimeout == 0.5)
        #expect(configuration.requestsPerMinute == 0)
        #expect(configuration.maxHeaderBytes == 1024)
        #expect(configuration.maxBodyBytes == 100)
        #expect(configuration.maxLineBytes == 64)
        #expect(configuration.eventLoops == 1)
    }

    @Test func offTurnsAListenerOff() throws {
        #expect(try ServerConfiguration.parse(arguments: ["--lines", "off"]).lines == nil)
    }

    @Test(arguments: [
        (["--http", "localhost"], "senguide serve: --http 'localhost' is not HOST:PORT, e.g. 127.0.0.1:8080 or [::1]:8080"),
        (["--http"], "senguide serve: --http needs a value; see senguide serve --help"),
        (["--port", "80"], "senguide serve: unknown option '--port'; see senguide serve --help"),
        (["--max-connections", "0"], "senguide serve: --max-connections '0' must be a whole number from 1 to 1000000"),
        (["--idle-timeout", "-1"], "senguide serve: --idle-timeout '-1' must be a number of seconds, more than 0, e.g. 30 or 500ms"),
    ])
    func rejectsWithAMessage(arguments: [String], message: String) {
        let error = #expect(throws: ServerConfigurationError.self) {
            try ServerConfiguration.parse(arguments: arguments)
        }
        #expect(error?.description == message)
    }

    @Test func helpIsAskedFor() {
        #expect(throws: ServerConfigurationError.helpRequested) { try ServerConfiguration.parse(arguments: ["--help"]) }
        #expect(ServerConfiguration.helpText.contains("--allow-origin"))
    }

    @Test(arguments: [("8080", "127.0.0.1", 8080), (":9", "127.0.0.1", 9), ("[::]:80", "::", 80), ("host:1", "host", 1)])
    func parsesAddresses(text: String, host: String, port: Int) {
        #expect(ListenAddress(parsing: text) == ListenAddress(host: host, port: UInt16(port)))
    }
}
