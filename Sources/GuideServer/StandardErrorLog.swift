import Glibc

/// The server's log on standard error, written by a thread of its own.
///
/// The event loops only append a line to a queue; a writer thread writes the queue in
/// batches every ``interval`` seconds (sooner when it fills), so a request costs no system
/// call for its log line. And a slow reader of standard error (a full pipe, a stalled journal) never stalls
/// a loop: past ``capacity`` waiting lines, lines are dropped and the count of dropped lines
/// is logged when there is room again.
final class StandardErrorLog: @unchecked Sendable {
    /// Lines waiting to be written, at most.
    let capacity: Int
    /// Seconds between batches.
    let interval = 0.05
    private let condition = ConditionLock()
    private var pending: [String] = []
    private var dropped = 0
    private var closing = false
    private var finished = false

    init(capacity: Int = 10_000) {
        self.capacity = capacity
        NamedThread.start(name: "senguide-log") { [self] in run() }
    }

    /// Queues `line` (without newline); never blocks on the output.
    func write(_ line: String) {
        condition.lock()
        if pending.count < capacity {
            pending.append(line)
            if pending.count == capacity / 2 { condition.signal() }
        } else {
            dropped += 1
        }
        condition.unlock()
    }

    /// Writes what is queued and stops the writer thread.
    func close() {
        condition.lock()
        closing = true
        condition.signal()
        while !finished { condition.wait() }
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while pending.count < capacity / 2 && !closing {
                if !condition.wait(seconds: interval) { break }
            }
            let batch = pending
            let lost = dropped
            let done = closing
            pending.removeAll(keepingCapacity: true)
            dropped = 0
            condition.unlock()
            var text = batch.joined(separator: "\n")
            if !batch.isEmpty { text += "\n" }
            if lost > 0 { text += "senguide serve: \(lost) log lines dropped: standard error is not keeping up\n" }
            Self.writeAll(Array(text.utf8))
            if done {
                condition.lock()
                if pending.isEmpty {
                    finished = true
                    condition.broadcast()
                    condition.unlock()
                    return
                }
                condition.unlock()
            }
        }
    }

    private static func writeAll(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count, let base = raw.baseAddress {
                let written = Glibc.write(2, base + offset, raw.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }
}
