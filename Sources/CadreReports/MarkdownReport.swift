import CadreEngine
import CadreModel

/// Markdown for pull requests and wikis: a summary table, then each system's problems.
struct MarkdownReport {
    let evaluation: Evaluation
    let context: ReportContext

    func render() -> String {
        let summary = evaluation.summary
        var lines = ["# cadre — evaluation as of \(evaluation.asOf)", ""]
        if let name = evaluation.workspace { lines += ["Workspace: **\(cell(name))**", ""] }
        let packs = evaluation.packs.map { "`\($0.id)` \($0.version)" }.joined(separator: ", ")
        lines += [
            "\(summary.systems) systems, \(summary.rules) rules (\(packs.isEmpty ? "no pack" : packs)): "
                + "**\(summary.count(.fail)) failed**, \(summary.count(.warn)) warned, \(summary.count(.error)) errors, "
                + "\(summary.count(.waived)) waived, \(summary.count(.pass)) passed, \(summary.count(.skipped)) skipped.", "",
        ]
        if !evaluation.diagnostics.isEmpty {
            lines += ["## Problems with the inputs", ""]
            lines += evaluation.diagnostics.map { "- `\($0.location)` \($0.severity.rawValue): \(cell($0.message))" }
            lines.append("")
        }
        lines += ["| system | failed | warned | errors | waived | passed | skipped |", "|---|---:|---:|---:|---:|---:|---:|"]
        for system in evaluation.systems {
            let counts = [RuleResult.Status.fail, .warn, .error, .waived, .pass, .skipped].map { status in
                String(system.results.filter { $0.status == status }.count)
            }
            let name = system.isValid ? "`\(system.id ?? "")`" : "`\(system.file)` (invalid)"
            lines.append("| \(name) | " + counts.joined(separator: " | ") + " |")
        }
        lines.append("")
        for system in evaluation.systems {
            let shown = system.results.filter { context.verbose || ![.pass, .skipped].contains($0.status) }
            guard !shown.isEmpty || !system.diagnostics.isEmpty else { continue }
            lines += ["## `\(system.id ?? system.file)`" + (system.name.map { " — \(cell($0))" } ?? ""), "", "`\(system.file)`", ""]
            for diagnostic in system.diagnostics {
                lines.append("- `\(diagnostic.location)` \(diagnostic.severity.rawValue): \(cell(diagnostic.message))")
            }
            if !system.diagnostics.isEmpty { lines.append("") }
            guard !shown.isEmpty else { continue }
            lines += ["| status | severity | rule | finding | where |", "|---|---|---|---|---|"]
            for result in shown {
                let rule = evaluation.rule(result.rule)
                let references = rule.map { "<br>" + cell($0.references.joined(separator: " · ")) } ?? ""
                let head = "| \(badge(result.status)) | \(result.severity.rawValue) | `\(result.rule)`\(references) |"
                if let failure = result.failure {
                    lines.append(head + " \(cell("\(failure.kind): \(failure.message)")) | \(failure.location.map { "`\($0)`" } ?? "") |")
                } else if result.findings.isEmpty {
                    let note = result.skipReason?.rawValue ?? (rule?.title ?? "")
                    lines.append(head + " \(cell(note)) | |")
                } else {
                    for (index, finding) in result.findings.enumerated() {
                        let prefix = index == 0 ? head : "| | | |"
                        var text = cell(finding.message)
                        if index == 0, let waiver = result.waiver {
                            text += "<br>_waived until \(waiver.expires) by \(cell(waiver.approvedBy)): \(cell(waiver.reason))_"
                        }
                        lines.append(prefix + " \(text) | `\(finding.location)` |")
                    }
                }
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    private func badge(_ status: RuleResult.Status) -> String {
        switch status {
        case .fail: "**FAIL**"
        case .warn: "WARN"
        case .error: "**ERROR**"
        case .waived: "waived"
        case .pass: "pass"
        case .skipped: "skipped"
        }
    }

    /// Text safe inside a table cell.
    private func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: "<br>")
    }
}
