/// What scripts printed: `print` writes here, never to the process's output.
///
/// A log is bounded whatever a script prints: at most ``capacity`` lines, each cut to
/// ``lineLimit`` bytes, and ``byteLimit`` bytes in all; what does not fit is counted in
/// ``dropped``.
public struct LuaLog: Sendable {
    /// The lines kept, oldest first.
    public private(set) var lines: [String] = []
    /// Lines dropped once ``capacity`` lines or ``byteLimit`` bytes were kept.
    public private(set) var dropped = 0
    /// The most lines kept.
    public let capacity: Int
    /// The most bytes of one line (longer lines are cut, and say so).
    public static let lineLimit = 1_024
    /// The most bytes of all lines.
    public var byteLimit: Int { 64 * Self.lineLimit }
    private var bytes = 0

    init(capacity: Int) { self.capacity = max(capacity, 0) }

    mutating func append(_ line: UnsafeBufferPointer<UInt8>) {
        guard lines.count < capacity, bytes < byteLimit else {
            dropped += 1
            return
        }
        let kept = TextLimit.text(line, limit: Self.lineLimit)
        bytes += kept.utf8.count
        lines.append(kept)
    }

    mutating func append(_ line: String) {
        var line = line
        line.withUTF8 { append($0) }
    }

    /// The lines kept, then a line saying how many were dropped, if any.
    public var report: [String] {
        dropped == 0 ? lines : lines + ["(\(TextLimit.groupedThousands(dropped)) more lines not kept)"]
    }

    /// Empties the log (the host reads it after each run of a script).
    public mutating func removeAll() {
        lines.removeAll(keepingCapacity: true)
        dropped = 0
        bytes = 0
    }
}
