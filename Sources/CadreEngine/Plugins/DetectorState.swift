import CadreModel
import CadreStores
import LuaHost

/// The Lua state plugin detectors run in: one per worker, beside the state of its rules (and one
/// per ``PluginRuntime``, beside that of importers and reporters).
///
/// A detector's `validate` and `redact` are handed raw values read from stores. In this state
/// they can reach no code that writes findings, logs or errors a report shows: it holds the
/// enabled plugins' detector files and its own copy of their modules (a module table a detector
/// fills is not the one rules `require`), the sandbox and the `cadre` library, and nothing else —
/// no `ctx`, no store, no rule. What `print` writes is not kept. The only way back is a
/// detector's verdict (`true` or `false`) and a redaction cadre checks against the category's
/// ``RevealPolicy``; a failure is described by cadre (``PluginFailure``), never by the script's
/// own message.
///
/// Each plugin's detectors run in a state of their own, which holds at most twice the workspace's
/// memory limit in all: what a plugin's detectors keep between calls is bounded, and a plugin
/// whose detectors hoard fails its own scans (a `plugin` error naming the detector and the
/// memory limit), never another plugin's detectors. Like every Lua state they live on the thread
/// that made them.
final class DetectorState {
    /// One state per plugin with detectors, in the plugins' order.
    let states: [LuaState]
    private let sets: [PluginSet]
    /// The detectors, in the plugins' order.
    let detectors: [PluginDetector]
    /// Problems loading the detector files.
    let diagnostics: [Diagnostic]

    /// Loads the detector files of each of `plugins` in a state of its own (with every enabled
    /// plugin's modules) and registers each detector after those `registry` holds.
    init(plugins: [Plugin], taxonomy: Taxonomy, limits: LuaLimits, registry: inout DetectorRegistry) throws(LuaError) {
        let ceiling = limits.memoryBytes > 0 ? max(2 * limits.memoryBytes, 16 << 20) : LuaState.Options().memoryCeiling
        var states: [LuaState] = []
        var sets: [PluginSet] = []
        var detectors: [PluginDetector] = []
        var diagnostics: [Diagnostic] = []
        for plugin in plugins where !plugin.detectorFiles.isEmpty {
            let state = try LuaState(options: .init(limits: limits, memoryCeiling: ceiling, logCapacity: 0))
            // The `cadre` library plugin files may use; its sink is never read and no `ctx` is handed out.
            _ = try CadreLibrary(state: state, taxonomy: taxonomy, sink: FindingSink())
            let set = try PluginSet(state: state, plugins: plugins, taxonomy: taxonomy, limits: limits)
            detectors += set.detectors(after: &registry, only: plugin.id)
            diagnostics += set.diagnostics
            states.append(state)
            sets.append(set)
        }
        self.states = states
        self.sets = sets
        self.detectors = detectors
        self.diagnostics = diagnostics
    }

    /// Whether any of `plugins` provides detectors (without any, no state is made).
    static func isNeeded(for plugins: [Plugin]) -> Bool {
        plugins.contains { !$0.detectorFiles.isEmpty }
    }
}
