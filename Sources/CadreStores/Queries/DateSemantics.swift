/// The one rule every engine follows to read a stored value as an instant (see ``Store``):
/// numbers are Unix time (seconds, or milliseconds from 10¹¹ on), text of digits likewise, text
/// starting `YYYY-MM-DD` is ISO 8601 (no zone: UTC), anything else is unreadable.
enum DateSemantics {
    /// Magnitudes from which an epoch number is taken for milliseconds (10¹¹ s is year 5138).
    static let millisecondThreshold: Double = 100_000_000_000

    /// Seconds since 1970 of an epoch number, seconds or milliseconds.
    @inline(__always) static func seconds(fromEpoch value: Double) -> Double {
        abs(value) >= millisecondThreshold ? value / 1000 : value
    }
}
