import Glibc

/// The Linux calls the event loop needs that Glibc's Swift module does not import.
///
/// The toolchain's `glibc.modulemap` leaves out `<sys/epoll.h>` and `<sys/eventfd.h>`, and
/// `accept4` needs `_GNU_SOURCE`; the package has no C targets to import them through. So
/// each is looked up once with `dlsym` and called through a `@convention(c)` pointer, which
/// uses the C calling convention exactly as a C caller would.
struct LinuxCalls: @unchecked Sendable {
    typealias EpollCreate1 = @convention(c) (Int32) -> Int32
    typealias EpollControl = @convention(c) (Int32, Int32, Int32, UnsafeMutableRawPointer?) -> Int32
    typealias EpollWait = @convention(c) (Int32, UnsafeMutableRawPointer?, Int32, Int32) -> Int32
    typealias EventFD = @convention(c) (UInt32, Int32) -> Int32
    typealias Accept4 =
        @convention(c) (
            Int32, UnsafeMutablePointer<sockaddr>?, UnsafeMutablePointer<socklen_t>?, Int32
        ) -> Int32

    let epollCreate1: EpollCreate1
    let epollControl: EpollControl
    let epollWait: EpollWait
    let eventFD: EventFD
    let accept4: Accept4

    /// The calls, or nil when this C library lacks one (not Linux).
    static let shared: LinuxCalls? = {
        let handle = dlopen(nil, RTLD_NOW)
        guard let create = dlsym(handle, "epoll_create1"), let control = dlsym(handle, "epoll_ctl"),
            let wait = dlsym(handle, "epoll_wait"), let eventFD = dlsym(handle, "eventfd"),
            let accept4 = dlsym(handle, "accept4")
        else { return nil }
        return LinuxCalls(
            epollCreate1: unsafeBitCast(create, to: EpollCreate1.self),
            epollControl: unsafeBitCast(control, to: EpollControl.self),
            epollWait: unsafeBitCast(wait, to: EpollWait.self),
            eventFD: unsafeBitCast(eventFD, to: EventFD.self),
            accept4: unsafeBitCast(accept4, to: Accept4.self))
    }()
}

/// Constants from `<sys/epoll.h>`, `<sys/eventfd.h>` and `<sys/socket.h>` (Linux UAPI).
enum LinuxConstants {
    static let epollIn: UInt32 = 0x001
    static let epollOut: UInt32 = 0x004
    static let epollError: UInt32 = 0x008
    static let epollHangUp: UInt32 = 0x010
    static let epollReadHangUp: UInt32 = 0x2000
    static let epollControlAdd: Int32 = 1
    static let epollControlDelete: Int32 = 2
    static let epollControlModify: Int32 = 3
    static let closeOnExec: Int32 = 0o2_000_000
    static let nonBlocking: Int32 = 0o4000
}

/// An epoll instance: register descriptors with a 64-bit token, wait for readiness.
///
/// `struct epoll_event` is `{ uint32_t events; uint64_t data; }`, packed to 12 bytes on
/// x86_64 and naturally aligned (16 bytes, data at offset 8) elsewhere; it is read and
/// written here as raw bytes at those offsets.
final class Epoll {
    #if arch(x86_64)
        private static let eventSize = 12
        private static let dataOffset = 4
    #else
        private static let eventSize = 16
        private static let dataOffset = 8
    #endif

    let descriptor: Int32
    private let calls: LinuxCalls
    private let capacity: Int
    private let events: UnsafeMutableRawPointer

    init(capacity: Int = 256) throws(ServerError) {
        guard let calls = LinuxCalls.shared else { throw .unsupportedPlatform }
        let descriptor = calls.epollCreate1(LinuxConstants.closeOnExec)
        guard descriptor >= 0 else { throw .system(call: "epoll_create1", errno: errno) }
        self.calls = calls
        self.descriptor = descriptor
        self.capacity = capacity
        self.events = UnsafeMutableRawPointer.allocate(
            byteCount: capacity * Self.eventSize, alignment: 8)
    }

    deinit {
        events.deallocate()
        close(descriptor)
    }

    @discardableResult
    func add(_ fd: Int32, events: UInt32, token: UInt64) -> Bool {
        control(LinuxConstants.epollControlAdd, fd, events: events, token: token)
    }

    @discardableResult
    func modify(_ fd: Int32, events: UInt32, token: UInt64) -> Bool {
        control(LinuxConstants.epollControlModify, fd, events: events, token: token)
    }

    func remove(_ fd: Int32) {
        _ = control(LinuxConstants.epollControlDelete, fd, events: 0, token: 0)
    }

    /// Waits up to `timeoutMilliseconds` and calls `body(token, events)` for each ready one.
    func wait(timeoutMilliseconds: Int32, _ body: (UInt64, UInt32) -> Void) {
        let count = calls.epollWait(descriptor, events, Int32(capacity), timeoutMilliseconds)
        guard count > 0 else { return }
        for index in 0..<Int(count) {
            let base = events + index * Self.eventSize
            let flags = base.loadUnaligned(as: UInt32.self)
            let token = (base + Self.dataOffset).loadUnaligned(as: UInt64.self)
            body(token, flags)
        }
    }

    private func control(_ operation: Int32, _ fd: Int32, events: UInt32, token: UInt64) -> Bool {
        var event = [UInt8](repeating: 0, count: Self.eventSize)
        return event.withUnsafeMutableBytes { raw -> Bool in
            raw.storeBytes(of: events, toByteOffset: 0, as: UInt32.self)
            raw.storeBytes(of: token, toByteOffset: Self.dataOffset, as: UInt64.self)
            return calls.epollControl(descriptor, operation, fd, raw.baseAddress) == 0
        }
    }
}
