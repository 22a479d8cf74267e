import Glibc

/// Threads of the server's own: the event loops, the log writer, a stop or a reload.
///
/// A POSIX thread, detached, running one closure. The server uses these instead of
/// Foundation's `Thread` so that it needs only `FoundationEssentials`, which keeps a binary
/// linked with `--static-swift-stdlib` near 20 MB rather than 70 (docs/DEPLOY.md).
enum NamedThread {
    /// Starts `body` on a new detached thread named `name` (at most 15 bytes are kept, the
    /// kernel's limit).
    ///
    /// - Returns: false if the system could not create the thread; `body` then never runs.
    @discardableResult
    static func start(name: String, _ body: @escaping @Sendable () -> Void) -> Bool {
        let start = Unmanaged.passRetained(Start(name: name, body: body)).toOpaque()
        var thread = pthread_t()
        guard pthread_create(&thread, nil, namedThreadEntry, start) == 0 else {
            Unmanaged<Start>.fromOpaque(start).release()
            return false
        }
        pthread_detach(thread)
        return true
    }

    /// The new thread's first call: names it, then runs the body.
    fileprivate static func run(_ argument: UnsafeMutableRawPointer) {
        let start = Unmanaged<Start>.fromOpaque(argument).takeRetainedValue()
        nameThisThread(start.name)
        start.body()
    }

    /// Names the calling thread, as `ps -L` and `top -H` show it: Glibc's Swift module has no
    /// `pthread_setname_np`, so the name is written to `/proc/thread-self/comm` (best effort).
    private static func nameThisThread(_ name: String) {
        let descriptor = open("/proc/thread-self/comm", O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        let bytes = Array(name.utf8.prefix(15))
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
    }

    private final class Start: Sendable {
        let name: String
        let body: @Sendable () -> Void
        init(name: String, body: @escaping @Sendable () -> Void) {
            self.name = name
            self.body = body
        }
    }
}

/// A mutex with a condition variable (POSIX), for a thread that waits for work or a timeout.
///
/// Used like Foundation's `NSCondition`: `lock()`, then `wait` in a loop that checks the
/// condition, then `unlock()`.
final class ConditionLock: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init() {
        pthread_mutex_init(mutex, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }
    func signal() { pthread_cond_signal(condition) }
    func broadcast() { pthread_cond_broadcast(condition) }

    /// Waits, the lock held, until signalled (or woken spuriously).
    func wait() { pthread_cond_wait(condition, mutex) }

    /// Waits, the lock held, at most `seconds`; false when the time ran out.
    func wait(seconds: Double) -> Bool {
        var deadline = timespec()
        clock_gettime(CLOCK_MONOTONIC, &deadline)
        let nanoseconds = Int(deadline.tv_nsec) + Int(seconds * 1e9)
        deadline.tv_sec += nanoseconds / 1_000_000_000
        deadline.tv_nsec = nanoseconds % 1_000_000_000
        return pthread_cond_timedwait(condition, mutex, &deadline) != ETIMEDOUT
    }
}

/// The C entry point of a ``NamedThread``: `argument` is its retained `Start`.
private func namedThreadEntry(_ argument: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    if let argument { NamedThread.run(argument) }
    return nil
}
