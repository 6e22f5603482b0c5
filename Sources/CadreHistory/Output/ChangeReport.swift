import CadreModel

/// The text of `cadre recheck`, `cadre watch` and `cadre diff`, for people: new failures,
/// resolved failures, changed findings, each with its system, rule, `file:line:col` and message.
public struct ChangeReport: Sendable {
    public var diff: RunDiff
    /// The `--fail-on` threshold the summary counts against.
    public var failOn: Severity?
    /// Changes listed at most (the rest are counted).
    public var reasonLimit = 20

    public init(diff: RunDiff, failOn: Severity?) {
        self.diff = diff
        self.failOn = failOn
    }

    /// `cadre recheck`'s report: what was compared and evaluated, why, then the changes.
    public func render(_ outcome: RecheckOutcome, root: String) -> String {
        var lines: [String] = []
        for diagnostic in outcome.diagnostics { lines.append(diagnostic.description) }
        guard let run = outcome.run, let plan = outcome.plan else { return lines.joined(separator: "\n") + "\n" }
        let against =
            outcome.baseline.map { "against the baseline \(TerminalText.line($0.source)) (as of \($0.asOf))" }
            ?? outcome.previous.map { "against run \($0.id) (as of \($0.asOf))" } ?? "with no earlier run"
        lines.append(
            "re-checked \(TerminalText.line(root)) as of \(run.info.asOf) \(against): re-evaluated \(plan.evaluatedPairs) of \(plan.totalPairs) pairs"
        )
        let reasons = Self.lines(of: plan.reasons)
        for reason in reasons.prefix(reasonLimit) { lines.append("  " + TerminalText.line(reason)) }
        if reasons.count > reasonLimit { lines.append("  … and \(reasons.count - reasonLimit) more changes") }
        lines += body()
        let recorded = outcome.recorded ? "recorded run \(run.info.id)" : "not recorded"
        lines.append("\(recorded): \(summary())")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The reasons in words, one per line; the rules that read stores (re-evaluated at every
    /// re-check) share one line, at the place of the first.
    static func lines(of reasons: [ChangeReason]) -> [String] {
        let stores = reasons.filter { $0.kind == .stores }
        guard stores.count > 1 else { return reasons.map(\.description) }
        let shown = stores.prefix(3).map(\.subject).joined(separator: ", ")
        let rest = stores.count > 3 ? ", and \(stores.count - 3) more" : ""
        let line =
            "\(stores.count) rules read stores, whose data may have changed (\(shown)\(rest)): on every system that declares stores"
        var lines: [String] = []
        var placed = false
        for reason in reasons {
            if reason.kind != .stores {
                lines.append(reason.description)
            } else if !placed {
                lines.append(line)
                placed = true
            }
        }
        return lines
    }

    /// `cadre diff`'s report.
    public func renderDiff() -> String {
        var lines: [String] = []
        if let from = diff.from, let to = diff.to {
            lines.append("from run \(from.id) (as of \(from.asOf)) to run \(to.id) (as of \(to.asOf))")
        }
        lines += body()
        lines.append(summary())
        return lines.joined(separator: "\n") + "\n"
    }

    /// The three sections; empty ones are left out.
    public func body() -> [String] {
        var lines: [String] = []
        if !diff.newFailures.isEmpty {
            lines.append("new failures (\(diff.newFailures.count)):")
            for entry in diff.newFailures {
                lines.append(head(entry))
                if let failure = entry.after?.failure {
                    lines.append(
                        "      "
                            + TerminalText.line(
                                (failure.location.map { "\($0): " } ?? "") + "\(failure.kind): \(failure.message)"))
                }
                for finding in entry.after?.findings ?? [] where finding.level != .info {
                    lines.append("      " + line(finding))
                }
            }
        }
        if !diff.resolved.isEmpty {
            lines.append("resolved failures (\(diff.resolved.count)):")
            for entry in diff.resolved {
                lines.append(head(entry))
                if let failure = entry.before?.failure, entry.after?.failure == nil {
                    lines.append(
                        "      was: "
                            + TerminalText.line(
                                (failure.location.map { "\($0): " } ?? "") + "\(failure.kind): \(failure.message)"))
                }
                for finding in entry.removed where finding.level == .fail {
                    lines.append("      was: " + line(finding))
                }
            }
        }
        if !diff.changed.isEmpty {
            lines.append("changed findings (\(diff.changed.count)):")
            for entry in diff.changed {
                lines.append(head(entry))
                for finding in entry.added { lines.append("      + " + line(finding)) }
                for finding in entry.removed { lines.append("      - " + line(finding)) }
                for rewording in entry.reworded {
                    lines.append(
                        "      ~ " + line(rewording.now)
                            + TerminalText.line(" (reworded, was: \(rewording.was.message))"))
                }
            }
        }
        if diff.isEmpty { lines.append("no result changed") }
        return lines
    }

    /// `2 new failures, 1 resolved, 0 changed; new at or above high: 1` (a new failure, or a new
    /// failing finding of a pair that already failed, of a rule at or above the threshold).
    public func summary() -> String {
        let count = diff.newFailures.count
        let threshold = failOn.map { "; new at or above \($0.rawValue): \(diff.newFailureCount(at: $0))" } ?? ""
        return
            "\(count) new failure\(count == 1 ? "" : "s"), \(diff.resolved.count) resolved, \(diff.changed.count) changed\(threshold)"
    }

    private func head(_ entry: RunDiff.Entry) -> String {
        let status = { (result: RuleResult?) in result.map { $0.status.rawValue.uppercased() } ?? "—" }
        let transition =
            entry.before == nil
            ? "\(status(entry.after)) (new pair)" : "\(status(entry.before)) → \(status(entry.after))"
        let reason =
            entry.after?.skipReason.map { " (\($0.rawValue))" } ?? (entry.after == nil ? " (no longer evaluated)" : "")
        return
            "  \(transition)  \(entry.severity.rawValue)  \(TerminalText.line(entry.rule)) on \(TerminalText.line(entry.system))\(reason)"
    }

    private func line(_ finding: Finding) -> String {
        TerminalText.line("\(finding.location): \(finding.level.rawValue): \(finding.message)")
    }
}
