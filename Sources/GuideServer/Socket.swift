import Glibc

/// Thin wrappers over the POSIX socket calls the listeners and connections make.
enum Socket {
    /// Opens `count` non-blocking listening sockets on one address with `SO_REUSEPORT`, one
    /// for each event loop: the kernel deals new connections among them by a hash of the
    /// client's address and port, so a burst of connections spreads over the loops instead
    /// of landing on whichever loop woke first (docs/BENCHMARKS.md).
    ///
    /// A port held by anyone else is refused, as a single socket would refuse it: a probe
    /// without `SO_REUSEPORT` is bound first (and closed), so the group never joins another
    /// process's group on the same port.
    ///
    /// - Returns: the descriptors and the port bound (useful when `address.port` is 0).
    static func listenGroup(on address: ListenAddress, count: Int) throws(ServerError)
        -> (descriptors: [Int32], port: UInt16)
    {
        let probe = try listen(on: address, reusePort: false)
        close(probe.descriptor)
        let bound = ListenAddress(host: address.host, port: probe.port)
        var descriptors: [Int32] = []
        do {
            for _ in 0..<max(1, count) { descriptors.append(try listen(on: bound, reusePort: true).descriptor) }
        } catch {
            for descriptor in descriptors { close(descriptor) }
            throw error
        }
        return (descriptors, probe.port)
    }

    /// Opens a non-blocking listening socket on `address` with `SO_REUSEADDR` (and
    /// `SO_REUSEPORT` when asked).
    ///
    /// - Returns: the descriptor and the port bound (useful when `address.port` is 0).
    static func listen(on address: ListenAddress, reusePort: Bool, backlog: Int32 = 4096) throws(ServerError)
        -> (descriptor: Int32, port: UInt16)
    {
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var results: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(address.host, String(address.port), &hints, &results) == 0,
            let results, let info = results.pointee.ai_addr
        else { throw .cannotResolve(host: address.host) }
        defer { freeaddrinfo(results) }
        let family = results.pointee.ai_family
        let fd = socket(
            family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue)
                | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .system(call: "socket", errno: errno) }
        var on: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        if reusePort { setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &on, socklen_t(MemoryLayout<Int32>.size)) }
        guard bind(fd, info, results.pointee.ai_addrlen) == 0, Glibc.listen(fd, backlog) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw .cannotListen(address: address.description, reason: reason)
        }
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let named = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else {
            close(fd)
            throw .system(call: "getsockname", errno: errno)
        }
        return (fd, port(of: storage))
    }

    /// Accepts one connection, non-blocking and close-on-exec.
    ///
    /// - Returns: the descriptor and the client's rate-limit key, or the errno.
    static func accept(_ listener: Int32, calls: LinuxCalls) -> Result<(Int32, ClientKey), Errno> {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let fd = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                calls.accept4(
                    listener, $0, &length,
                    Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue))
            }
        }
        guard fd >= 0 else { return .failure(Errno(code: errno)) }
        var on: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        return .success((fd, clientKey(of: storage)))
    }

    /// The rate-limit key of a peer address: IPv4 (also when IPv4-mapped) or the IPv6 /64.
    static func clientKey(of storage: sockaddr_storage) -> ClientKey {
        var storage = storage
        let isIPv4 = storage.ss_family == sa_family_t(AF_INET)
        return withUnsafeBytes(of: &storage) { raw -> ClientKey in
            if isIPv4 {
                let base = MemoryLayout<sockaddr_in>.offset(of: \.sin_addr) ?? 4
                return ClientKey(ipv4: (raw[base], raw[base + 1], raw[base + 2], raw[base + 3]))
            }
            let base = MemoryLayout<sockaddr_in6>.offset(of: \.sin6_addr) ?? 8
            let bytes = Array(raw[base..<(base + 16)])
            if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
                return ClientKey(ipv4: (bytes[12], bytes[13], bytes[14], bytes[15]))
            }
            let prefix = bytes[0..<8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            return ClientKey(ipv6Prefix: prefix)
        }
    }

    private static func port(of storage: sockaddr_storage) -> UInt16 {
        var storage = storage
        return withUnsafeBytes(of: &storage) { raw -> UInt16 in
            // sin_port and sin6_port both sit at offset 2, in network byte order.
            UInt16(raw[2]) << 8 | UInt16(raw[3])
        }
    }

    /// Raises the soft limit on open descriptors to the hard limit, so that
    /// `maxConnections` connections can be open at once.
    static func raiseDescriptorLimit() {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max
        else { return }
        limit.rlim_cur = limit.rlim_max
        setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }
}

/// An errno value from a failed call.
struct Errno: Error, Equatable {
    let code: Int32
}
