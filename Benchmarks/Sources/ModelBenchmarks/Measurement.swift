import Foundation

/// Times a piece of work over several runs and keeps every run, so the median, the fastest
/// and the slowest can be reported. No warm-up magic: the first run is done and discarded.
struct Measurement {
    /// Seconds of each run, in order.
    private(set) var runs: [Double] = []

    /// Runs `work` once to warm up, then `count` times, timing each run with a monotonic clock.
    static func of(runs count: Int, _ work: () throws -> Void) rethrows -> Measurement {
        try work()
        var measurement = Measurement()
        for _ in 0..<count {
            let start = DispatchTime.now().uptimeNanoseconds
            try work()
            measurement.runs.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return measurement
    }

    /// The median run (the mean of the two middle runs for an even count).
    var median: Double {
        let sorted = runs.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    var fastest: Double { runs.min() ?? 0 }
    var slowest: Double { runs.max() ?? 0 }
}
