import Testing
@testable import GuideServer

@Suite struct RateLimiterTests {
    let alice = ClientKey(ipv4: (10, 0, 0, 1))
    let bob = ClientKey(ipv4: (10, 0, 0, 2))

    @Test func allowsABurstThenRefillsAtTheRate() {
        var limiter = RateLimiter(requestsPerMinute: 3)
        #expect((0..<3).allSatisfy { _ in limiter.admit(alice, now: 100) == .allowed })
        #expect(limiter.admit(alice, now: 100) == .limited(retryAfterSeconds: 20))
        #expect(limiter.admit(bob, now: 100) == .allowed)
        #expect(limiter.admit(alice, now: 115) == .limited(retryAfterSeconds: 5))
        #expect(limiter.admit(alice, now: 120.5) == .allowed)
    }

    @Test func zeroMeansNoLimit() {
        var limiter = RateLimiter(requestsPerMinute: 0)
        #expect((0..<1000).allSatisfy { _ in limiter.admit(alice, now: 1) == .allowed })
        #expect(limiter.trackedCount == 0)
    }

    @Test func fullBucketsAreForgotten() {
        var limiter = RateLimiter(requestsPerMinute: 60, sweepThreshold: 10)
        for host in 0..<10 { _ = limiter.admit(ClientKey(ipv4: (10, 0, 1, UInt8(host))), now: 0) }
        #expect(limiter.trackedCount == 10)
        _ = limiter.admit(alice, now: 120)
        #expect(limiter.trackedCount == 1)
    }

    @Test func ipv6IsKeyedByItsSlash64() {
        #expect(ClientKey(ipv6Prefix: 0x2001_0db8_0000_0001) != ClientKey(ipv6Prefix: 0x2001_0db8_0000_0002))
        #expect(ClientKey(ipv4: (0, 0, 0, 1)) != ClientKey(ipv6Prefix: 1))
    }
}
