import CadreModel

/// What changed between two runs, pair by pair: failures that are new, failures that are
/// resolved, and results whose findings changed.
///
/// A pair fails when its result is `fail` or `error`. A finding is the same in both runs when its
/// level, message and descriptor path (or file, when it points at none) are: a finding that only
/// moved to another line is not a change; one whose message only is worded otherwise (the same
/// numbers in other words) is a rewording (``Entry/reworded``), never new.
public struct RunDiff: Sendable {
    /// One (system, rule) pair that changed.
    public struct Entry: Sendable, Hashable {
        /// The system's id (its file, when the descriptor is invalid).
        public var system: String
        /// The descriptor file, as shown to users.
        public var file: String
        public var rule: String
        public var severity: Severity
        /// The result before (nil: the pair did not exist) and after (nil: it no longer exists).
        public var before: RuleResult?
        public var after: RuleResult?
        /// Findings the pair gained, and lost.
        public var added: [Finding]
        public var removed: [Finding]
        /// Findings whose message only is worded otherwise (same level, place and evidence):
        /// neither gained nor lost, so never new.
        public var reworded: [Rewording] = []
        /// Why it changed (``ChangeCause``); empty until explained.
        public var causes: [ChangeCause] = []

        /// Whether the change is new and fails at or above `threshold`: a new failure, or a new
        /// `fail` finding of a pair that still fails.
        public func isNewFailure(at threshold: Severity) -> Bool {
            guard severity >= threshold, let after, after.fails(at: threshold) else { return false }
            if before?.fails(at: threshold) != true { return true }
            return added.contains { $0.level == .fail }
        }
    }

    /// A finding whose message changed, and nothing else.
    public struct Rewording: Sendable, Hashable {
        public var was: Finding
        public var now: Finding
    }

    /// The run compared from, and to (nil while a re-check's run is not recorded).
    public var from: RunInfo?
    public var to: RunInfo?
    /// Pairs that fail now and did not before.
    public var newFailures: [Entry]
    /// Pairs that failed before and no longer do.
    public var resolved: [Entry]
    /// Pairs whose result changed otherwise: findings gained or lost, a status to or from warn
    /// or waived, a different error (not: skipped ↔ pass without findings, or another reason to
    /// be skipped). A pair that appeared or disappeared without failing is listed only when it
    /// brings or takes away warnings.
    public var changed: [Entry]

    public var isEmpty: Bool { newFailures.isEmpty && resolved.isEmpty && changed.isEmpty }

    /// Changes that are new and fail at or above `threshold` (nil: none counts).
    public func newFailureCount(at threshold: Severity?) -> Int {
        guard let threshold else { return 0 }
        return (newFailures + changed).filter { $0.isNewFailure(at: threshold) }.count
    }

    /// The identity of a finding across runs.
    static func identity(_ finding: Finding) -> String {
        "\(finding.level.rawValue)\u{1F}\(finding.message)\u{1F}\(place(finding))"
    }

    /// What a finding is about, its message aside: its level, descriptor path (or file) and evidence.
    static func place(_ finding: Finding) -> String {
        "\(finding.level.rawValue)\u{1F}\(finding.path?.description ?? finding.location.file)\u{1F}\(finding.evidence.joined(separator: "\u{1E}"))"
    }

    /// The numbers a message holds, in order (`2483`, `1.1.0`, `P3Y`'s `3`): a message whose
    /// words changed but not its numbers is worded otherwise; one whose numbers changed (more
    /// rows, another version) says something else.
    static func numbers(_ message: String) -> [Substring] {
        message.split { !($0.isNumber || $0 == ".") }.filter { $0.contains(where: \.isNumber) }
    }

    /// The findings gained and lost that are one finding worded otherwise (same level, place,
    /// evidence and numbers), paired in order; the others stay gained or lost.
    static func rewordings(added: inout [Finding], removed: inout [Finding]) -> [Rewording] {
        // A pair that appeared (every pair of a first run) or lost all its findings has none.
        guard !added.isEmpty, !removed.isEmpty else { return [] }
        func key(_ finding: Finding) -> String {
            place(finding) + "\u{1F}" + numbers(finding.message).joined(separator: " ")
        }
        var lost: [String: [Int]] = [:]
        for (index, finding) in removed.enumerated() { lost[key(finding), default: []].append(index) }
        var pairs: [Rewording] = []
        var matched: Set<Int> = []
        added = added.filter { finding in
            guard var candidates = lost[key(finding)], !candidates.isEmpty else { return true }
            let index = candidates.removeFirst()
            lost[key(finding)] = candidates
            matched.insert(index)
            pairs.append(Rewording(was: removed[index], now: finding))
            return false
        }
        removed = removed.enumerated().filter { !matched.contains($0.offset) }.map(\.element)
        return pairs
    }

    /// Classifies one pair whose recorded result differs; nil when nothing a person would see changed.
    static func entry(
        system: String, file: String, rule: String, severity: Severity, before: RuleResult?, after: RuleResult?
    )
        -> (Entry, Category)?
    {
        let oldFindings = before?.findings ?? []
        let newFindings = after?.findings ?? []
        let oldIDs = Set(oldFindings.map(identity))
        let newIDs = Set(newFindings.map(identity))
        var entry = Entry(
            system: system, file: file, rule: rule, severity: after?.severity ?? before?.severity ?? severity,
            before: before, after: after,
            added: newFindings.filter { !oldIDs.contains(identity($0)) },
            removed: oldFindings.filter { !newIDs.contains(identity($0)) })
        entry.reworded = rewordings(added: &entry.added, removed: &entry.removed)
        let failedBefore = before.map { $0.status == .fail || $0.status == .error } ?? false
        let failsAfter = after.map { $0.status == .fail || $0.status == .error } ?? false
        if failsAfter && !failedBefore { return (entry, .new) }
        if failedBefore && !failsAfter { return (entry, .resolved) }
        let sameOutcome =
            before?.status == after?.status && before?.skipReason == after?.skipReason
            && before?.failure?.message == after?.failure?.message && before?.failure?.kind == after?.failure?.kind
            && (before?.waiver == nil) == (after?.waiver == nil)
        if sameOutcome && entry.added.isEmpty && entry.removed.isEmpty && entry.reworded.isEmpty { return nil }
        // A rule that came into force and passes, or whose reason to be skipped changed (not yet
        // in force → not applicable), changed nothing a person acts on.
        let quiet: Set<RuleResult.Status> = [.pass, .skipped]
        if let before, let after, quiet.contains(before.status), quiet.contains(after.status), before.waiver == nil,
            after.waiver == nil,
            entry.added.isEmpty, entry.removed.isEmpty, entry.reworded.isEmpty
        {
            return nil
        }
        // A pair that appeared or disappeared (a new rule, a new system) without failing matters
        // only for the warnings it brings or takes away.
        if before == nil || after == nil {
            entry.added = entry.added.filter { $0.level != .info }
            entry.removed = entry.removed.filter { $0.level != .info }
            if entry.added.isEmpty && entry.removed.isEmpty { return nil }
        }
        return (entry, .changed)
    }

    enum Category { case new, resolved, changed }
}
