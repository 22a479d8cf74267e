import Dispatch

/// Runs independent pieces of work on several threads and collects their results in order.
///
/// Computation only (no I/O): building an index analyses and encodes on every core it is
/// given. With `parallelism` 1 everything runs on the calling thread.
public enum Parallel {
    /// Returns `[work(0), work(1), …, work(count − 1)]`: on the calling thread when
    /// `parallelism` is 1, else concurrently (libdispatch runs the pieces on as many threads as
    /// there are cores, so callers cut their work into `parallelism` pieces).
    public static func map<Result>(
        count: Int, parallelism: Int, _ work: @Sendable (Int) -> Result
    ) -> [Result] {
        guard count > 0 else { return [] }
        if parallelism <= 1 || count == 1 { return (0..<count).map(work) }
        let boxes = (0..<count).map { _ in Box<Result>() }
        DispatchQueue.concurrentPerform(iterations: count) { index in
            boxes[index].value = work(index)
        }
        return boxes.compactMap(\.value)
    }

    /// One piece of work's result: each piece writes only its own box, and the boxes are
    /// read only after every piece has finished.
    private final class Box<Result>: @unchecked Sendable {
        var value: Result?
    }
}
