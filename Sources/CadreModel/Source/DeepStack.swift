import Foundation

/// Runs work that may recurse deeply on a thread of its own with a large stack.
///
/// Threads of Swift's concurrency pool have small stacks; a YAML text nested a few hundred levels
/// deep would overflow one inside the composer, before any limit could be checked.
enum DeepStack {
    /// Stack size of the worker thread: 64 MiB, far more than libyaml's 1,000 levels need.
    static let stackSize = 64 << 20

    /// Runs `body` on a new thread with a large stack and waits for its result.
    static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.store(body())
            done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        done.wait()
        return box.take()
    }
}

/// Carries one value from the worker thread to the waiting one.
///
/// `@unchecked Sendable`: the value is written once by the worker before it signals the
/// semaphore, and read once by the waiting thread after the semaphore; the lock makes the
/// hand-over explicit.
private final class ResultBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: T?

    func store(_ newValue: T) {
        lock.lock()
        value = newValue
        lock.unlock()
    }

    func take() -> T {
        lock.lock()
        defer { lock.unlock() }
        guard let value else { preconditionFailure("DeepStack: the worker thread returned no value") }
        return value
    }
}
