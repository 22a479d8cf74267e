import Foundation
import Glibc

/// A blocking loopback TCP client for the end-to-end tests, with a receive timeout so a
/// test fails instead of hanging.
final class TestClient {
    enum Failure: Error { case connect(Int32), timeout, closed }

    let descriptor: Int32
    private var pending: [UInt8] = []

    init(port: UInt16, timeout: Double = 5) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let code = errno
            close(descriptor)
            throw Failure.connect(code)
        }
        setTimeout(timeout)
    }

    deinit { close(descriptor) }

    func setTimeout(_ seconds: Double) {
        var time = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - seconds.rounded(.down)) * 1e6))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
    }

    func send(_ text: String) { send(Array(text.utf8)) }

    /// Sends all of `bytes`; returns false if the server closed the connection.
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent <= 0 { return false }
            offset += sent
        }
        return true
    }

    func shutdownWrite() { shutdown(descriptor, Int32(SHUT_WR)) }

    /// Reads more bytes into the pending buffer; false at end of stream.
    private func fill() throws -> Bool {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress!, $0.count, 0) }
        if count > 0 {
            pending.append(contentsOf: buffer[0..<count])
            return true
        }
        if count == 0 { return false }
        if errno == EAGAIN || errno == EWOULDBLOCK { throw Failure.timeout }
        return false  // reset
    }

    /// Reads one HTTP response (head and Content-Length body); `head` skips the body.
    func readResponse(head: Bool = false) throws -> TestResponse {
        while true {
            if let end = pending.firstRange(of: Array("\r\n\r\n".utf8)) {
                let headText = String(decoding: pending[..<end.lowerBound], as: UTF8.self)
                var lines = headText.components(separatedBy: "\r\n")
                let statusLine = lines.removeFirst()
                let status = Int(statusLine.split(separator: " ")[1]) ?? 0
                var headers: [(String, String)] = []
                for line in lines {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    headers.append(
                        (line[..<colon].lowercased(),
                         line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
                }
                let length =
                    head || status == 204 || status == 100
                    ? 0 : Int(headers.first(where: { $0.0 == "content-length" })?.1 ?? "0") ?? 0
                let bodyStart = end.upperBound
                while pending.count < bodyStart + length {
                    guard try fill() else { throw Failure.closed }
                }
                let body = Array(pending[bodyStart..<(bodyStart + length)])
                pending.removeFirst(bodyStart + length)
                return TestResponse(status: status, headers: headers, body: body)
            }
            guard try fill() else { throw Failure.closed }
        }
    }

    /// Reads one line, without its newline.
    func readLine() throws -> String {
        while true {
            if let newline = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeFirst(newline + 1)
                return line
            }
            guard try fill() else { throw Failure.closed }
        }
    }

    /// Whether the server closes the connection (end of stream or reset) within the timeout,
    /// with nothing more to read.
    func isClosedByServer() -> Bool {
        do {
            while try fill() {}
            return true
        } catch Failure.timeout {
            return false
        } catch {
            return true
        }
    }

    /// Everything until the server closes.
    func readToEnd() -> [UInt8] {
        while (try? fill()) == true {}
        defer { pending.removeAll() }
        return pending
    }
}

struct TestResponse {
    let status: Int
    let headers: [(String, String)]
    let body: [UInt8]

    func header(_ name: String) -> String? { headers.first(where: { $0.0 == name })?.1 }
    var text: String { String(decoding: body, as: UTF8.self) }
    var json: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
    }
    var errorCode: String? { (json?["error"] as? [String: Any])?["code"] as? String }
}

/// A minimal request: `GET target HTTP/1.1` with Host.
func get(_ target: String, _ extra: String = "") -> String {
    "GET \(target) HTTP/1.1\r\nHost: test\r\n\(extra)\r\n"
}

/// The resident set size of this process, in bytes.
func residentBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    return (Int(fields.count > 1 ? fields[1] : "0") ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE)))
}
