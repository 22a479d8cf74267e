import Synchronization

/// What the event loops share: the configuration, the current service, the rate limiter,
/// the open-connection count and whether the server is draining.
final class ServerState: Sendable {
    let configuration: ServerConfiguration
    let router: Router
    let log: @Sendable (String) -> Void
    private let currentService: Mutex<any GuideService>
    private let limiter: Mutex<RateLimiter>
    let openConnections = Atomic<Int>(0)
    let draining = Atomic<Bool>(false)

    init(
        configuration: ServerConfiguration, service: any GuideService,
        log: @escaping @Sendable (String) -> Void
    ) {
        self.configuration = configuration
        self.router = Router(allowedOrigins: Set(configuration.allowedOrigins))
        self.log = log
        self.currentService = Mutex(service)
        self.limiter = Mutex(RateLimiter(requestsPerMinute: configuration.requestsPerMinute))
    }

    /// The service requests are answered from; a reload swaps it.
    var service: any GuideService {
        get { currentService.withLock { $0 } }
        set { currentService.withLock { $0 = newValue } }
    }

    func admit(_ key: ClientKey, now: Double) -> RateLimiter.Decision {
        guard configuration.requestsPerMinute > 0 else { return .allowed }
        return limiter.withLock { $0.admit(key, now: now) }
    }

    func sweepRateLimiter(now: Double) {
        guard configuration.requestsPerMinute > 0 else { return }
        limiter.withLock { $0.sweep(now: now) }
    }

    var isDraining: Bool { draining.load(ordering: .acquiring) }

    var limits: HTTPRequestParser.Limits {
        .init(maxHeaderBytes: configuration.maxHeaderBytes, maxBodyBytes: configuration.maxBodyBytes)
    }
}
