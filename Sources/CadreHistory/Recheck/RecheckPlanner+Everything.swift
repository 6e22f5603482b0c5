import CadreEngine

/// The changes that concern every pair: cadre's version, the limits, a taxonomy file, a plugin.
extension RecheckPlanner {
    /// The parts of the engine (cadre's version, limits, taxonomy files) that differ from `last`'s.
    func engineChanges(since last: RecordedRun) -> [ChangeReason] {
        let old = WorkspaceInputs.engineParts(last.engine)
        let new = inputs.engineParts
        return Set(old.keys).union(new.keys).sorted().filter { old[$0] != new[$0] }.map { part in
            ChangeReason(.engine, part, "\(old[part] ?? "none") → \(new[part] ?? "none"): every pair is evaluated")
        }
    }

    /// The plugins added, removed or changed since `last`.
    func pluginChanges(since last: RecordedRun) -> [ChangeReason] {
        let old = Self.plugins(last.inputs)
        let new = Self.plugins(inputs.inputs)
        guard old != new else { return [] }
        return Set(old.keys).union(new.keys).sorted().filter { old[$0] != new[$0] }.map {
            ChangeReason(
                .plugin, $0,
                "plugin \(old[$0] == nil ? "added" : new[$0] == nil ? "removed" : "changed"): every pair is evaluated")
        }
    }

    /// The digests of the plugins among `inputs`, by path.
    private static func plugins(_ inputs: [RunInput]) -> [String: String] {
        Dictionary(
            inputs.filter { $0.kind == .plugin }.map { ($0.path, $0.digest) }, uniquingKeysWith: { a, _ in a })
    }
}
