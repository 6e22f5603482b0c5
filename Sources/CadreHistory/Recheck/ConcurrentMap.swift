import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// `transform` of every element, in order, computed on every core: each worker takes every
    /// n-th element and hands its share over once.
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let workers = Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, count / 64))
        guard workers > 1 else { return map(transform) }
        let shares = Mutex([[T]](repeating: [], count: workers))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let share = stride(from: worker, to: count, by: workers).map { transform(self[$0]) }
            shares.withLock { $0[worker] = share }
        }
        return shares.withLock { shares in
            (0..<count).map { shares[$0 % workers][$0 / workers] }
        }
    }
}
