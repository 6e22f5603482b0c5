import CadreModel
import LuaHost

/// Where `ctx:fail`, `ctx:warn` and `ctx:info` put their findings while one rule runs on one
/// system. Owned by a worker; the host functions hold it, never the Lua state.
///
/// What a rule hands over is bounded, so a rule in a loop cannot fill memory or a report: at most
/// ``capacity`` findings and ``byteCapacity`` bytes of their text per rule and system (the rest
/// are counted, and a note says how many), messages cut to ``messageLimit`` bytes, evidence to
/// ``evidenceLimit`` entries of ``evidenceTextLimit`` bytes. What was cut says so.
final class FindingSink {
    /// The system being evaluated: its tree resolves node tags to locations.
    var tree: SystemTree?
    /// The system's file, for findings that point at no node.
    var file = ""
    var systemLocation = SourceLocation.whole("")
    private var kept = CappedList<Finding>()
    var findings: [Finding] { kept.elements }
    /// The most findings kept per rule and system.
    static let capacity = CappedList<Finding>.capacity
    /// The most bytes of findings' messages and evidence kept per rule and system.
    static let byteCapacity = CappedList<Finding>.byteCapacity
    /// The most bytes of one message, and of the key of `{node, "key"}`.
    static let messageLimit = 4_096
    static let keyLimit = 256
    /// The most evidence entries of one finding, and bytes of each.
    static let evidenceLimit = 32
    static let evidenceTextLimit = 512

    func start(tree: SystemTree, file: String, location: SourceLocation) {
        self.tree = tree
        self.file = file
        systemLocation = location
        reset()
    }

    func reset() { kept.removeAll() }

    func record(_ level: Finding.Level, tag: Int?, key: String?, message: String, evidence: [String] = []) {
        kept.append(size: message.utf8.count + evidence.reduce(0) { $0 + $1.utf8.count }) {
            var location = systemLocation
            var path: NodePath? = nil
            if let tag, let (found, foundPath) = tree?.location(tag: tag, key: key) {
                location = found
                path = foundPath
            }
            return Finding(level: level, message: message, location: location, path: path, evidence: evidence)
        }
    }

    /// The findings of the rule that just ran, sorted, with a note of any that were dropped.
    func take() -> [Finding] {
        var taken = kept.elements.sorted()
        if let note = kept.droppedNote(more: "findings", holder: "a rule", kind: "findings", tail: " per system") {
            taken.append(Finding(level: .info, message: note, location: systemLocation))
        }
        reset()
        return taken
    }
}
