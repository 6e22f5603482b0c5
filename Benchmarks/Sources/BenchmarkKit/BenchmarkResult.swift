import Foundation

/// The timing of one benchmark: several samples, each the mean of many iterations.
public struct BenchmarkResult: Sendable {
    public let name: String
    /// Nanoseconds per iteration, one value per sample, sorted.
    public let samples: [Double]
    public let iterationsPerSample: Int

    public init(name: String, samples: [Double], iterationsPerSample: Int) {
        self.name = name
        self.samples = samples
        self.iterationsPerSample = iterationsPerSample
    }

    public var median: Double { percentile(0.5) }
    public var p10: Double { percentile(0.1) }
    public var p90: Double { percentile(0.9) }

    public func percentile(_ p: Double) -> Double {
        guard !samples.isEmpty else { return .nan }
        let position = p * Double(samples.count - 1)
        let low = Int(position.rounded(.down))
        let high = Int(position.rounded(.up))
        return samples[low] + (samples[high] - samples[low]) * (position - Double(low))
    }
}

/// Nanoseconds on the monotonic clock.
@inline(__always) public func now() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// Runs `body` `iterations` times per sample, `samples` times (after one warm-up sample), and
/// returns the time per iteration of each sample.
public func measure(_ name: String, iterations: Int, samples: Int = 21, _ body: () throws -> Void) rethrows
    -> BenchmarkResult
{
    var results: [Double] = []
    for sample in 0...samples {
        let start = now()
        for _ in 0..<iterations { try body() }
        let elapsed = Double(now() - start) / Double(iterations)
        if sample > 0 { results.append(elapsed) }  // the first sample warms caches up
    }
    return BenchmarkResult(name: name, samples: results.sorted(), iterationsPerSample: iterations)
}

/// Prevents the optimizer from removing a computation whose result is otherwise unused.
@inline(never) public func blackHole<T>(_ value: T) { _ = value }

/// A human-readable duration: `412 ns`, `3.2 µs`, `18 ms`.
public func formatDuration(_ nanoseconds: Double) -> String {
    switch nanoseconds {
    case ..<1_000: String(format: "%.0f ns", nanoseconds)
    case ..<1_000_000: String(format: "%.2f µs", nanoseconds / 1_000)
    case ..<1_000_000_000: String(format: "%.2f ms", nanoseconds / 1_000_000)
    default: String(format: "%.2f s", nanoseconds / 1_000_000_000)
    }
}
