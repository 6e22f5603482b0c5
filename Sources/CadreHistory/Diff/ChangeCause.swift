import CadreEngine
import CadreModel

/// Why a pair's result changed between two runs (or a baseline and a run), as far as their
/// inputs tell: the rule's file, its pack's version, the descriptor, a waiver, the as-of date,
/// or only a message's wording.
public struct ChangeCause: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The rule's file changed.
        case rule
        /// The rule is new.
        case ruleAdded = "rule-added"
        /// The rule's pack has another version.
        case packVersion = "pack-version"
        /// What the rules of the pack share changed (its modules, data, settings), at the same version.
        case pack
        /// The descriptor changed, or is new.
        case descriptor
        /// A waiver of the pair was granted, withdrawn, or expired.
        case waiver
        /// The as-of date moved.
        case date
        /// Only messages are worded otherwise.
        case wording
        /// None of the above: data read from stores, or cadre itself.
        case other
    }

    public var kind: Kind
    public var detail: String

    public init(_ kind: Kind, _ detail: String) {
        self.kind = kind
        self.detail = detail
    }

    public var description: String { detail }
}

/// What the causes of a change are read from: a run's (or a baseline's) inputs.
struct RunFacts: Sendable {
    var asOf: ISODate
    /// By pack id: its version, and the digest of what its rules share (``PackFacts/shared``).
    var packs: [String: (version: String, shared: String)] = [:]
    /// By rule id: its pack and its file's digest.
    var rules: [String: (pack: String, digest: String)] = [:]
    /// By descriptor file.
    var descriptors: [String: String] = [:]

    init(_ run: RecordedRun) {
        asOf = run.info.asOf
        for input in run.inputs where input.kind == .pack {
            packs[input.name] = (input.version ?? "", input.detail["shared"] ?? "")
        }
        var ruleFiles: [String: String] = [:]
        for input in run.inputs where input.kind == .packFile && input.detail["role"] == "rule" {
            ruleFiles[input.path] = input.digest
        }
        for rule in run.rules { rules[rule.id] = (rule.pack, ruleFiles[rule.file] ?? "") }
        for system in run.systems { descriptors[system.file] = system.digest }
    }

    init(_ baseline: Baseline) {
        asOf = baseline.asOf
        for pack in baseline.packs { packs[pack.id] = (pack.version, pack.shared ?? "") }
        for rule in baseline.rules { rules[rule.id] = (rule.pack, rule.digest) }
        for system in baseline.systems { descriptors[system.file] = system.digest }
    }
}

extension RunDiff {
    /// Says why each change happened, from what the two sides read (files named in the
    /// workspace: before ``shown(in:)``).
    mutating func explain(from before: RunFacts, to after: RunFacts) {
        func explained(_ entry: Entry) -> Entry {
            var entry = entry
            entry.causes = Self.causes(of: entry, before: before, after: after)
            return entry
        }
        newFailures = newFailures.map(explained)
        resolved = resolved.map(explained)
        changed = changed.map(explained)
    }

    static func causes(of entry: Entry, before: RunFacts, after: RunFacts) -> [ChangeCause] {
        var causes: [ChangeCause] = []
        let onlyWording =
            !entry.reworded.isEmpty && entry.added.isEmpty && entry.removed.isEmpty
            && entry.before?.status == entry.after?.status
        let wasRule = before.rules[entry.rule]
        let isRule = after.rules[entry.rule]
        if wasRule == nil, isRule != nil {
            causes.append(ChangeCause(.ruleAdded, "rule \(entry.rule) is new"))
        } else if let wasRule, let isRule, wasRule.digest != isRule.digest {
            causes.append(ChangeCause(.rule, "rule \(entry.rule) changed"))
        }
        if let pack = (isRule ?? wasRule)?.pack, let was = before.packs[pack], let now = after.packs[pack] {
            if was.version != now.version {
                causes.append(ChangeCause(.packVersion, "pack \(pack) \(was.version) → \(now.version)"))
            } else if was.shared != now.shared {
                causes.append(
                    ChangeCause(.pack, "pack \(pack)'s modules, data or settings changed, still at \(now.version)"))
            }
        }
        let wasDescriptor = before.descriptors[entry.file]
        let isDescriptor = after.descriptors[entry.file]
        if wasDescriptor == nil, isDescriptor != nil {
            causes.append(ChangeCause(.descriptor, "descriptor \(entry.file) is new"))
        } else if let wasDescriptor, let isDescriptor, wasDescriptor != isDescriptor {
            causes.append(ChangeCause(.descriptor, "descriptor \(entry.file) changed"))
        }
        // A waiver shows only on a failing pair: it changed when the pair turned waived (or back)
        // with the same findings, or its expiry moved.
        let wasWaiver = entry.before?.waiver
        let isWaiver = entry.after?.waiver
        let sameFindings = entry.added.isEmpty && entry.removed.isEmpty
        if let wasWaiver, let isWaiver, wasWaiver.expires != isWaiver.expires {
            causes.append(ChangeCause(.waiver, "waiver now expires \(isWaiver.expires), was \(wasWaiver.expires)"))
        } else if sameFindings, entry.before != nil, entry.after != nil, (wasWaiver == nil) != (isWaiver == nil) {
            causes.append(ChangeCause(.waiver, isWaiver == nil ? "waiver withdrawn or expired" : "waiver granted"))
        }
        if before.asOf != after.asOf {
            causes.append(ChangeCause(.date, "as-of date \(before.asOf) → \(after.asOf)"))
        }
        if onlyWording {
            causes.insert(ChangeCause(.wording, "only the wording of a message"), at: 0)
        }
        if causes.isEmpty {
            causes.append(ChangeCause(.other, "same rule, descriptor and date: data read from stores, or cadre"))
        }
        return causes
    }
}
