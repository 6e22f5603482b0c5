import CadreEngine
import CadreModel

/// What the outputs of `recheck`, `diff` and `watch` print: a re-check keeps files named in the
/// workspace (as the history records them); its report shows them from where cadre runs.
extension RunDiff {
    /// This difference with every file and location shown by `files` (on every core: a first
    /// re-check of 10,000 systems lists some 90,000 pairs).
    public func shown(in files: WorkspaceFiles) -> RunDiff {
        @Sendable func shown(_ entry: Entry) -> Entry {
            var entry = entry
            entry.file = files.path(entry.file)
            entry.before = entry.before.map(files.shown)
            entry.after = entry.after.map(files.shown)
            entry.added = entry.added.map { finding in
                var finding = finding
                finding.location = files.shown(finding.location)
                return finding
            }
            entry.removed = entry.removed.map { finding in
                var finding = finding
                finding.location = files.shown(finding.location)
                return finding
            }
            entry.reworded = entry.reworded.map { rewording in
                var rewording = rewording
                rewording.was.location = files.shown(rewording.was.location)
                rewording.now.location = files.shown(rewording.now.location)
                return rewording
            }
            return entry
        }
        var diff = self
        diff.newFailures = newFailures.concurrentMap(shown)
        diff.resolved = resolved.concurrentMap(shown)
        diff.changed = changed.concurrentMap(shown)
        return diff
    }
}

extension ChangeReason.Kind {
    /// Whether a reason of this kind names a file (a rule file, a descriptor, a plugin).
    var namesFile: Bool {
        switch self {
        case .ruleFile, .descriptorAdded, .descriptorChanged, .descriptorRemoved, .duplicateID, .plugin: true
        default: false
        }
    }
}

extension RecheckOutcome {
    /// This outcome with every file and location shown by `files`.
    public func shown(in files: WorkspaceFiles) -> RecheckOutcome {
        var outcome = self
        outcome.diff = diff.shown(in: files)
        outcome.diagnostics = diagnostics.map(files.shown)
        outcome.invalidSystems = invalidSystems.map(files.path)
        outcome.plan?.reasons =
            plan?.reasons.map { reason in
                var reason = reason
                if reason.kind.namesFile { reason.subject = files.path(reason.subject) }
                return reason
            } ?? []
        return outcome
    }
}
