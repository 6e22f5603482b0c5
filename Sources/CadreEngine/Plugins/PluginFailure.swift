import CadreModel
import LuaHost

/// What a plugin detector's failure looks like to the rule that scanned: the plugin, the
/// detector, the function that failed and what went wrong, in words cadre writes, at the plugin's
/// file and line.
///
/// Nothing the detector's code wrote reaches it: a detector is handed raw values, and an error
/// message (`error(candidate)`, or Lua's own `attempt to call a nil value (field '4970…')`) can
/// quote one. A runtime error is therefore reported by its kind only; limits, wrong return types
/// and refused redactions are described by cadre.
struct PluginFailure: Error, CustomStringConvertible {
    var plugin: String
    var detector: String
    /// What went wrong, beginning with the function (`validate raised an error …`).
    var problem: String
    /// The plugin's file and line, where the failure happened.
    var location: SourceLocation?

    var description: String { "detector `\(detector)` of plugin \(plugin) failed: \(problem)" }

    /// The failure of `function` (`validate`, `redact`, `the pattern`) of `detector` with `error`.
    /// A limit keeps the host's message, which names the limit; any other error is described by
    /// its kind.
    init(_ error: LuaError, in function: String, of detector: PluginDetector) {
        plugin = detector.plugin
        self.detector = detector.name
        problem =
            switch error.kind {
            case .memoryLimit, .instructionLimit, .deadline:
                "\(function): \(error.message)"
            case .runtime, .host, .syntax:
                "\(function) raised an error (its message is not shown: a detector's messages may quote the value it was given)"
            }
        location = detector.location(of: error, in: function)
    }

    /// A failure cadre describes itself: a wrong return type, a refused redaction.
    init(_ problem: String, in function: String, of detector: PluginDetector) {
        plugin = detector.plugin
        self.detector = detector.name
        self.problem = problem
        location = detector.location(of: nil, in: function)
    }
}
