/// A `senguide serve` argument that cannot be used; the CLI exits with status 2.
public enum ServerConfigurationError: Error, Equatable, CustomStringConvertible {
    /// `--help` or `-h` was given: print ``ServerConfiguration/helpText`` and exit 0.
    case helpRequested
    case unknownOption(String)
    case missingValue(option: String)
    case invalidAddress(option: String, value: String)
    case invalidNumber(option: String, value: String, expected: String)

    public var description: String {
        switch self {
        case .helpRequested: ServerConfiguration.helpText
        case .unknownOption(let option):
            "senguide serve: unknown option '\(option)'; see senguide serve --help"
        case .missingValue(let option):
            "senguide serve: \(option) needs a value; see senguide serve --help"
        case .invalidAddress(let option, let value):
            "senguide serve: \(option) '\(value)' is not HOST:PORT, e.g. 127.0.0.1:8080 or [::1]:8080"
        case .invalidNumber(let option, let value, let expected):
            "senguide serve: \(option) '\(value)' must be \(expected)"
        }
    }
}

extension ServerConfiguration {
    /// The help text of `senguide serve`.
    public static let helpText = """
        Usage: senguide serve [--http HOST:PORT] [--lines HOST:PORT] [--index DIR] [options]

        Serves cited answers over HTTP/1.1 (JSON) and a line protocol, both from one index.
        Both listeners bind 127.0.0.1 unless told otherwise. SIGHUP reloads the index;
        SIGTERM or SIGINT stops after finishing the requests in flight.

        Listeners:
          --http HOST:PORT          HTTP API (default 127.0.0.1:8080; "off" for none)
          --lines HOST:PORT         line protocol, docs/PROTOCOL.md (default 127.0.0.1:8081; "off")
          --index DIR               index directory (default Index)
          --allow-origin ORIGIN     let browser pages from ORIGIN call the API (CORS);
                                    repeatable; "*" for any; none by default

        Limits:
          --max-connections N       open connections over both listeners (default 2048)
          --idle-timeout SECONDS    close a connection idle this long (default 30)
          --read-timeout SECONDS    time to send a whole request once started (default 10)
          --rate-limit N            requests per client address per minute (default 600; 0: none)
          --max-header-bytes N      request line and headers (default 8192)
          --max-body-bytes N        request body (default 65536)
          --max-line-bytes N        line-protocol request (default 4096)
          --threads N               event-loop threads (default: one per processor, at most 4)
        """

    /// Parses the arguments after `senguide serve`.
    ///
    /// Options take their value as the next argument or after `=` (`--http=0.0.0.0:80`).
    ///
    /// - Throws: ``ServerConfigurationError``; `.helpRequested` for `--help`.
    public static func parse(arguments: [String]) throws(ServerConfigurationError)
        -> ServerConfiguration
    {
        var configuration = ServerConfiguration()
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            if argument == "--help" || argument == "-h" { throw .helpRequested }
            var option = argument
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                option = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            func value() throws(ServerConfigurationError) -> String {
                if let inlineValue { return inlineValue }
                guard let next = remaining.popFirst() else { throw .missingValue(option: option) }
                return next
            }
            switch option {
            case "--http": configuration.http = try address(option, try value())
            case "--lines": configuration.lines = try address(option, try value())
            case "--index": configuration.indexDirectory = try value()
            case "--allow-origin": configuration.allowedOrigins.append(try value())
            case "--max-connections":
                configuration.maxConnections = try integer(option, try value(), 1...1_000_000)
            case "--idle-timeout": configuration.idleTimeout = try seconds(option, try value())
            case "--read-timeout": configuration.readTimeout = try seconds(option, try value())
            case "--rate-limit":
                configuration.requestsPerMinute = try integer(option, try value(), 0...1_000_000_000)
            case "--max-header-bytes":
                configuration.maxHeaderBytes = try integer(option, try value(), 256...1_048_576)
            case "--max-body-bytes":
                configuration.maxBodyBytes = try integer(option, try value(), 0...16_777_216)
            case "--max-line-bytes":
                configuration.maxLineBytes = try integer(option, try value(), 16...1_048_576)
            case "--threads": configuration.eventLoops = try integer(option, try value(), 0...64)
            default: throw .unknownOption(argument)
            }
        }
        return configuration
    }

    private static func address(_ option: String, _ text: String) throws(ServerConfigurationError)
        -> ListenAddress?
    {
        if text == "off" { return nil }
        guard let address = ListenAddress(parsing: text) else {
            throw .invalidAddress(option: option, value: text)
        }
        return address
    }

    private static func integer(_ option: String, _ text: String, _ range: ClosedRange<Int>)
        throws(ServerConfigurationError) -> Int
    {
        guard let number = Int(text), range.contains(number) else {
            throw .invalidNumber(
                option: option, value: text,
                expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// Seconds as a decimal number, optionally suffixed `s` or `ms`: `30`, `1.5s`, `500ms`.
    private static func seconds(_ option: String, _ text: String) throws(ServerConfigurationError)
        -> Double
    {
        var number = Substring(text)
        var scale = 1.0
        if number.hasSuffix("ms") {
            number = number.dropLast(2)
            scale = 0.001
        } else if number.hasSuffix("s") {
            number = number.dropLast()
        }
        guard let value = Double(number), value.isFinite, value > 0, value * scale <= 86_400 else {
            throw .invalidNumber(
                option: option, value: text, expected: "a number of seconds, more than 0, e.g. 30 or 500ms")
        }
        return value * scale
    }
}
