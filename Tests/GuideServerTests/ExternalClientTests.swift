import Foundation
import Testing
@testable import GuideServer

/// Real clients against the server: curl and Python's http.client.
@Suite struct ExternalClientTests {
    /// Runs `executable` with `arguments`; returns the exit status, standard output and error.
    static func run(_ executable: String, _ arguments: [String], input: String? = nil) throws
        -> (status: Int32, output: String, error: String)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        let output = Pipe()
        let error = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    @Test func curlGetsAnswersAndReusesTheConnection() throws {
        let server = try TestServer()
        let base = "http://127.0.0.1:\(server.httpPort)"
        let result = try Self.run("curl", ["-sS", "-v", "\(base)/v1/ask?q=what+is+an+EHCP", "\(base)/v1/search?q=x&limit=2"])
        #expect(result.status == 0)
        #expect(result.output.contains(#""kind":"answer""#))
        #expect(result.output.contains(#""limit":2"#))
        #expect(result.error.lowercased().contains("re-using existing connection")
            || result.error.lowercased().contains("reusing existing connection"))
    }

    @Test func curlPostsJSONAndSeesErrorStatuses() throws {
        let server = try TestServer()
        let base = "http://127.0.0.1:\(server.httpPort)"
        let post = try Self.run("curl", [
            "-sS", "-H", "Content-Type: application/json", "--data", #"{"question":"x","history":["a","b"]}"#,
            "\(base)/v1/ask",
        ])
        #expect(post.output.contains(#""history":2"#))
        let head = try Self.run("curl", ["-sS", "-I", "\(base)/healthz"])
        #expect(head.output.hasPrefix("HTTP/1.1 200 OK"))
        for (arguments, status) in [
            (["\(base)/v1/search"], "400"),
            (["\(base)/missing"], "404"),
            (["-X", "DELETE", "\(base)/v1/ask"], "405"),
            (["-H", "Content-Type: text/plain", "--data", "x", "\(base)/v1/ask"], "415"),
            (["-H", "Transfer-Encoding: chunked", "-H", "Content-Type: application/json", "--data-binary", "@-", "\(base)/v1/ask"], "501"),
        ] {
            let result = try Self.run("curl", ["-sS", "-o", "/dev/null", "-w", "%{http_code}"] + arguments, input: "{}")
            #expect(result.output == status, "curl \(arguments)")
        }
    }

    @Test func pythonHTTPClientIsServed() throws {
        let server = try TestServer()
        let script = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/http_client_check.py").path
        let result = try Self.run("python3", [script, String(server.httpPort)])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output == "ok\n")
    }
}
