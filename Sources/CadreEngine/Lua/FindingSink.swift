import CadreModel

/// Where `ctx:fail`, `ctx:warn` and `ctx:info` put their findings while one rule runs on one
/// system. Owned by a worker; the host functions hold it, never the Lua state.
final class FindingSink {
    /// The system being evaluated: its tree resolves node tags to locations.
    var tree: SystemTree?
    /// The system's file, for findings that point at no node.
    var file = ""
    var systemLocation = SourceLocation.whole("")
    private(set) var findings: [Finding] = []
    /// Findings beyond this many are counted, not kept (a rule in a loop cannot fill memory).
    let capacity = 1_000
    private(set) var dropped = 0

    func start(tree: SystemTree, file: String, location: SourceLocation) {
        self.tree = tree
        self.file = file
        systemLocation = location
        reset()
    }

    func reset() {
        findings.removeAll(keepingCapacity: true)
        dropped = 0
    }

    func record(_ level: Finding.Level, tag: Int?, key: String?, message: String, evidence: [String] = []) {
        guard findings.count < capacity else {
            dropped += 1
            return
        }
        var location = systemLocation
        var path: NodePath? = nil
        if let tag, let (found, foundPath) = tree?.location(tag: tag, key: key) {
            location = found
            path = foundPath
        }
        findings.append(Finding(level: level, message: message, location: location, path: path, evidence: evidence))
    }

    /// The findings of the rule that just ran, sorted, with a note of any that were dropped.
    func take() -> [Finding] {
        var taken = findings.sorted()
        if dropped > 0 {
            taken.append(Finding(
                level: .info, message: "\(dropped) more findings were not kept (a rule keeps \(capacity) at most)",
                location: systemLocation))
        }
        reset()
        return taken
    }
}
