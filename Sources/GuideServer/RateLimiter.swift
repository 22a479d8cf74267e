/// A client's address as the rate limiter keys it: an IPv4 address, or an IPv6 /64 prefix
/// (one subscriber usually holds a whole /64).
///
/// It is kept only in memory, only while its bucket is not full, and is never logged.
struct ClientKey: Hashable, Sendable {
    let high: UInt64
    let low: UInt64

    /// An IPv4 address, 4 bytes in network order.
    init(ipv4 bytes: (UInt8, UInt8, UInt8, UInt8)) {
        high = 0
        low = 0xFFFF_0000_0000 | UInt64(bytes.0) << 24 | UInt64(bytes.1) << 16
            | UInt64(bytes.2) << 8 | UInt64(bytes.3)
    }

    /// The /64 prefix of an IPv6 address (its first 8 bytes, network order).
    init(ipv6Prefix: UInt64) {
        high = ipv6Prefix
        low = 1
    }
}

/// Limits requests per client address with one token bucket each.
///
/// Each address may make `requestsPerMinute` requests at once, then one more every
/// 60 / `requestsPerMinute` seconds. A bucket that has refilled completely is forgotten.
/// Pure: the caller passes the time and holds the lock.
struct RateLimiter {
    enum Decision: Equatable {
        case allowed
        /// Refused; a token will be available after this many whole seconds (≥ 1).
        case limited(retryAfterSeconds: Int)
    }

    private struct Bucket {
        var tokens: Double
        var updated: Double
    }

    /// Requests per address per minute; 0 turns the limiter off.
    let requestsPerMinute: Int
    /// More tracked addresses than this triggers a sweep of full buckets.
    let sweepThreshold: Int
    private var buckets: [ClientKey: Bucket] = [:]

    init(requestsPerMinute: Int, sweepThreshold: Int = 50_000) {
        precondition(requestsPerMinute >= 0, "requestsPerMinute \(requestsPerMinute) < 0")
        self.requestsPerMinute = requestsPerMinute
        self.sweepThreshold = sweepThreshold
    }

    /// The number of addresses tracked, for tests.
    var trackedCount: Int { buckets.count }

    /// Takes a token for `key` at time `now` (seconds, monotonic) if there is one.
    ///
    /// - Complexity: O(1) amortised; a sweep is O(*n*) and runs when more than
    ///   `sweepThreshold` addresses are tracked.
    mutating func admit(_ key: ClientKey, now: Double) -> Decision {
        guard requestsPerMinute > 0 else { return .allowed }
        let capacity = Double(requestsPerMinute)
        let perSecond = capacity / 60
        var bucket = buckets[key] ?? Bucket(tokens: capacity, updated: now)
        bucket.tokens = min(capacity, bucket.tokens + max(0, now - bucket.updated) * perSecond)
        bucket.updated = now
        defer {
            if buckets.count > sweepThreshold { sweep(now: now) }
        }
        guard bucket.tokens >= 1 else {
            buckets[key] = bucket
            let wait = (1 - bucket.tokens) / perSecond
            return .limited(retryAfterSeconds: max(1, Int(wait.rounded(.up))))
        }
        bucket.tokens -= 1
        buckets[key] = bucket
        return .allowed
    }

    /// Forgets addresses whose bucket has refilled: they are indistinguishable from new ones.
    mutating func sweep(now: Double) {
        guard requestsPerMinute > 0 else { return }
        let capacity = Double(requestsPerMinute)
        let perSecond = capacity / 60
        buckets = buckets.filter { _, bucket in
            bucket.tokens + max(0, now - bucket.updated) * perSecond < capacity
        }
    }
}
