import Glibc

/// Why the server could not start or reload; the CLI prints the description and exits 1.
public enum ServerError: Error, Equatable, CustomStringConvertible {
    case unsupportedPlatform
    case cannotResolve(host: String)
    case cannotListen(address: String, reason: String)
    case system(call: String, errno: Int32)
    case alreadyStarted
    /// The index could not be reloaded; the old one is still served.
    case reloadFailed(reason: String)

    public var description: String {
        switch self {
        case .unsupportedPlatform: "senguide serve needs Linux (epoll)"
        case .cannotResolve(let host):
            "cannot resolve '\(host)'; give an IP address such as 127.0.0.1 or ::1"
        case .cannotListen(let address, let reason):
            "cannot listen on \(address): \(reason); choose another port with --http or --lines"
        case .system(let call, let code):
            "\(call) failed: \(String(cString: strerror(code)))"
        case .alreadyStarted: "the server is already running"
        case .reloadFailed(let reason):
            "reload failed, still serving the previous index: \(reason)"
        }
    }
}
