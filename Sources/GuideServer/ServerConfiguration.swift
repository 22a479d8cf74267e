/// A host and TCP port to listen on, written `HOST:PORT` (`[::1]:8080` for IPv6).
public struct ListenAddress: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    /// 0 lets the system choose; ``GuideServer/start()`` returns the port it chose.
    public var port: UInt16

    public init(host: String = "127.0.0.1", port: UInt16) {
        self.host = host
        self.port = port
    }

    /// Parses `HOST:PORT`, `[IPv6]:PORT`, `:PORT` or a bare `PORT` (host 127.0.0.1).
    public init?(parsing text: String) {
        var host = "127.0.0.1"
        var portText = Substring(text)
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[close...].hasPrefix("]:") else { return nil }
            host = String(text[text.index(after: text.startIndex)..<close])
            portText = text[text.index(close, offsetBy: 2)...]
        } else if let colon = text.lastIndex(of: ":") {
            if colon != text.startIndex { host = String(text[..<colon]) }
            portText = text[text.index(after: colon)...]
        }
        guard !host.isEmpty, !host.contains(":") || text.hasPrefix("["), let port = UInt16(portText)
        else { return nil }
        self.init(host: host, port: port)
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

/// Everything `senguide serve` can be told: where to listen and every limit, with defaults
/// fit for exposure to the internet.
public struct ServerConfiguration: Sendable, Equatable {
    /// The HTTP listener; nil for none.
    public var http: ListenAddress? = ListenAddress(port: 8080)
    /// The line-protocol listener; nil for none.
    public var lines: ListenAddress? = ListenAddress(port: 8081)
    /// The index directory to serve; nil for the CLI's default (`Index/`).
    public var indexDirectory: String?
    /// Origins whose browser pages may call the HTTP API (CORS); `*` for any. None by default.
    public var allowedOrigins: [String] = []
    /// Request line plus headers, in bytes (RFC 9112 suggests at least 8,000).
    public var maxHeaderBytes = 8192
    /// Request body, in bytes.
    public var maxBodyBytes = 65_536
    /// One line-protocol request, in bytes, without its terminator.
    public var maxLineBytes = 4096
    /// Open connections over both listeners; more are accepted and closed at once.
    public var maxConnections = 2048
    /// Seconds a connection may wait between requests before it is closed.
    public var idleTimeout = 30.0
    /// Seconds a client has to finish sending a request once it has started (slow-client limit).
    public var readTimeout = 10.0
    /// Requests per client address per minute over both listeners; 0 for no limit.
    public var requestsPerMinute = 600
    /// Threads running the event loops; 0 for one per processor (at most 4).
    public var eventLoops = 0

    public init() {}
}
