/// What scripts printed: `print` writes here, never to the process's output.
public struct LuaLog: Sendable {
    /// The lines kept, oldest first.
    public private(set) var lines: [String] = []
    /// Lines dropped once ``capacity`` was reached.
    public private(set) var dropped = 0
    /// The most lines kept (and the longest line, ×100 bytes).
    public let capacity: Int

    init(capacity: Int) { self.capacity = max(capacity, 0) }

    mutating func append(_ line: String) {
        guard lines.count < capacity else {
            dropped += 1
            return
        }
        let maximum = 100 * max(capacity, 1)
        lines.append(line.utf8.count <= maximum ? line : String(line.prefix(maximum)) + "…")
    }

    /// Empties the log (the host reads it after each run of a script).
    public mutating func removeAll() {
        lines.removeAll(keepingCapacity: true)
        dropped = 0
    }
}
