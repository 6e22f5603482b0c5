import CadreEngine
import CadreModel

/// The rules to evaluate on every system: new rules, rules of a pack whose shared parts changed,
/// rules whose file or declaration changed, and those whose reading of the pack's version or of
/// the date (RecheckPlanner+Date.swift) gives another answer now.
extension RecheckPlanner {
    /// What the last run knew of the rules and of their packs' files.
    struct LastRules {
        var rules: [String: RuleInfo]
        var packs: [String: RunInput]
        var files: [String: String]

        init(_ last: RecordedRun) {
            rules = Dictionary(last.rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            packs = Dictionary(
                last.inputs.filter { $0.kind == .pack }.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            files = Dictionary(
                last.inputs.filter { $0.kind == .packFile }.map { ($0.path, $0.digest) },
                uniquingKeysWith: { a, _ in a })
        }
    }

    /// The rules to evaluate on every system, and why: rule by rule (a pack's change and a rule
    /// file's are told once), then the rules removed.
    func rulesToRerun(after last: RecordedRun) -> (Set<String>, [ChangeReason]) {
        var rerun: Set<String> = []
        var reasons: [ChangeReason] = []
        var told: Set<String> = []  // packs and rule files whose change is told already
        let known = LastRules(last)
        for rule in rules {
            guard let reason = change(of: rule, after: last, known: known) else { continue }
            rerun.insert(rule.id)
            if reason.kind == .pack || reason.kind == .ruleFile {
                guard told.insert("\(reason.kind.rawValue) \(reason.subject)").inserted else { continue }
            }
            reasons.append(reason)
        }
        let current = Set(rules.map(\.id))
        for rule in last.rules where !current.contains(rule.id) {
            reasons.append(ChangeReason(.ruleRemoved, rule.id, "rule removed: its results are dropped"))
        }
        return (rerun, reasons)
    }

    /// Why `rule` is evaluated again on every system, or nil when it need not be.
    private func change(of rule: RuleInfo, after last: RecordedRun, known: LastRules) -> ChangeReason? {
        guard let old = known.rules[rule.id] else {
            return ChangeReason(.ruleAdded, rule.id, "new rule (\(rule.file)): on every system")
        }
        let facts = inputs.packs[rule.pack]
        if known.packs[rule.pack]?.detail["shared"] != facts?.shared {
            return ChangeReason(
                .pack, "pack \(rule.pack)", "modules, data or settings changed: every rule of the pack, on every system"
            )
        }
        let file = rule.file
        if old.file != file || known.files[file] != facts?.ruleFiles[file]
            || !Self.sameDeclaration(old, rule, file: file)
        {
            let version =
                old.packVersion == rule.packVersion
                ? "" : " (pack \(rule.pack) \(old.packVersion) → \(rule.packVersion))"
            return ChangeReason(.ruleFile, rule.file, "rule file changed\(version): its rules, on every system")
        }
        if old.packVersion != rule.packVersion, last.readings(of: rule.id).contains(.packVersion) {
            return ChangeReason(
                .packVersion, rule.id, "reads its pack's version, now \(rule.packVersion): on every system")
        }
        return dateChange(of: rule, was: old, after: last)
    }

    /// Whether a rule declares the same thing as before (its pack's version aside).
    static func sameDeclaration(_ old: RuleInfo, _ new: RuleInfo, file: String) -> Bool {
        var new = new
        new.file = file
        new.packVersion = old.packVersion
        return old == new
    }
}
