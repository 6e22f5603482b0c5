import CadreModel
import CadreReports

/// The Markdown of `cadre recheck --format markdown` and `cadre diff --format markdown`: a
/// pull-request comment. The counts first, then, for each owner of a system (the descriptor's
/// `owner`), what is new, resolved and changed — each with its rule's id, title and citations,
/// why it changed (``ChangeCause``) and its findings at `file:line:col`.
public struct ChangeReportMarkdown: Sendable {
    public var diff: RunDiff
    /// The `--fail-on` threshold the counts are against.
    public var failOn: Severity?
    /// The rules, by id (titles and citations).
    public var rules: [String: RuleInfo] = [:]
    /// The owners of the descriptors, by file as the diff shows it.
    public var owners: [String: String] = [:]

    public init(diff: RunDiff, failOn: Severity?) {
        self.diff = diff
        self.failOn = failOn
    }

    /// The comment: a heading naming what was compared (`against`, in words) and the as-of date.
    public func render(title: String, against: String, asOf: ISODate?, exitStatus: Int32?) -> String {
        var lines: [String] = []
        let newCount = diff.newFailureCount(at: failOn)
        lines.append("### \(MarkdownText.inline(title)): \(summary())")
        lines.append("")
        var context = "Compared with \(against)"
        if let asOf { context += ", as of \(asOf)" }
        context += "."
        if let failOn {
            context += " New at or above \(failOn.rawValue): **\(newCount)**"
            context += exitStatus.map { " (exit status \($0))." } ?? "."
        }
        lines.append(context)
        lines.append("")
        let reworded = diff.changed.filter { $0.causes.contains { $0.kind == .wording } }.count
        lines.append("| New failures | Resolved | Changed | Of which only reworded |")
        lines.append("|---:|---:|---:|---:|")
        lines.append("| \(diff.newFailures.count) | \(diff.resolved.count) | \(diff.changed.count) | \(reworded) |")
        if diff.isEmpty {
            lines.append("")
            lines.append("No result changed.")
            return lines.joined(separator: "\n") + "\n"
        }
        let byOwner = Dictionary(grouping: diff.newFailures + diff.resolved + diff.changed) { owners[$0.file] ?? "" }
        for owner in byOwner.keys.sorted(by: { ($0.isEmpty ? 1 : 0, $0) < ($1.isEmpty ? 1 : 0, $1) }) {
            lines.append("")
            lines.append(owner.isEmpty ? "#### No owner" : "#### Owner: \(MarkdownText.code(owner))")
            let mine = Set(byOwner[owner] ?? [])
            section("New failures", diff.newFailures.filter(mine.contains), into: &lines)
            section("Resolved", diff.resolved.filter(mine.contains), into: &lines)
            section("Changed", diff.changed.filter(mine.contains), into: &lines)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `2 new failures, 1 resolved, 3 changed`.
    func summary() -> String {
        let count = diff.newFailures.count
        return
            "\(count) new failure\(count == 1 ? "" : "s"), \(diff.resolved.count) resolved, \(diff.changed.count) changed"
    }

    private func section(_ heading: String, _ entries: [RunDiff.Entry], into lines: inout [String]) {
        guard !entries.isEmpty else { return }
        lines.append("")
        lines.append("**\(heading)**")
        lines.append("")
        for entry in entries { lines += item(entry) }
    }

    private func item(_ entry: RunDiff.Entry) -> [String] {
        let rule = rules[entry.rule]
        let status = { (result: RuleResult?) in result.map { $0.status.rawValue.uppercased() } ?? "—" }
        var head = "- **\(entry.severity.rawValue.uppercased())** \(MarkdownText.code(entry.rule))"
        if let title = rule?.title { head += " — \(MarkdownText.inline(title))" }
        head +=
            " on \(MarkdownText.code(entry.system)) (\(MarkdownText.code(entry.file))): \(status(entry.before)) → \(status(entry.after))"
        if let failOn, entry.isNewFailure(at: failOn), !diff.newFailures.contains(entry) {
            head += ", **a new failing finding**"
        }
        var lines = [head]
        if !entry.causes.isEmpty {
            lines.append("  - why: " + entry.causes.map { MarkdownText.inline($0.detail) }.joined(separator: "; "))
        }
        if let references = rule?.references, !references.isEmpty {
            lines.append("  - cites: " + references.map { MarkdownText.inline($0.citation) }.joined(separator: "; "))
        }
        if let failure = entry.after?.failure {
            lines.append(
                "  - " + (failure.location.map { MarkdownText.code($0.description) + " " } ?? "")
                    + MarkdownText.inline("\(failure.kind): \(failure.message)"))
        }
        let shown: [(String, Finding)]
        if entry.before == nil || diff.newFailures.contains(entry) {
            shown = (entry.after?.findings ?? []).filter { $0.level != .info }.map { ("", $0) }
        } else {
            shown = entry.added.map { ("added ", $0) } + entry.removed.map { ("gone ", $0) }
        }
        for (mark, finding) in shown {
            lines.append(
                "  - \(MarkdownText.code(finding.location.description)) \(mark)\(finding.level.rawValue): "
                    + MarkdownText.inline(finding.message))
        }
        for rewording in entry.reworded {
            lines.append(
                "  - \(MarkdownText.code(rewording.now.location.description)) reworded \(rewording.now.level.rawValue): "
                    + MarkdownText.inline(rewording.now.message) + " (was: "
                    + MarkdownText.inline(rewording.was.message)
                    + ")")
        }
        return lines
    }
}
