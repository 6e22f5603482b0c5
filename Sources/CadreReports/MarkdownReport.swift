import CadreEngine
import CadreModel

/// Markdown for pull requests and wikis: a summary table, then each system's problems.
struct MarkdownReport {
    let evaluation: any ReportedEvaluation
    let context: ReportContext

    /// Lines are separated by line feeds (the report ends with the empty line after its last part).
    func write(to output: ReportOutput) throws {
        var first = true
        func emit(_ lines: [String]) throws {
            for line in lines {
                try output.write(first ? line : "\n" + line)
                first = false
            }
        }
        let summary = evaluation.summary
        var lines = ["# cadre — evaluation as of \(evaluation.asOf)", ""]
        if let name = evaluation.workspace { lines += ["Workspace: **\(MarkdownText.inline(name))**", ""] }
        let packs = evaluation.packs.map { "\(MarkdownText.code($0.id)) \(MarkdownText.inline($0.version))" }.joined(
            separator: ", ")
        lines += [
            "\(Plural.count(summary.systems, "system")), \(Plural.count(summary.rules, "rule")) (\(packs.isEmpty ? "no pack" : packs)): "
                + "**\(summary.count(.fail)) failed**, \(summary.count(.warn)) warned, \(Plural.count(summary.count(.error), "error")), "
                + "\(summary.count(.waived)) waived, \(summary.count(.pass)) passed, \(summary.count(.skipped)) skipped.",
            "",
        ]
        if !evaluation.diagnostics.isEmpty {
            lines += ["## Problems with the inputs", ""]
            lines += evaluation.diagnostics.map(item)
            lines.append("")
        }
        lines += [
            "| system | failed | warned | errors | waived | passed | skipped |", "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for system in evaluation.overviews {
            let counts = [RuleResult.Status.fail, .warn, .error, .waived, .pass, .skipped].map { status in
                String(system.count(status))
            }
            let name =
                system.isValid
                ? MarkdownText.code(system.id ?? "", inTable: true)
                : MarkdownText.code(system.file, inTable: true) + " (invalid)"
            lines.append("| \(name) | " + counts.joined(separator: " | ") + " |")
        }
        lines.append("")
        try emit(lines)
        try evaluation.forEachSystem { system in
            let shown = system.results.filter { context.verbose || ![.pass, .skipped].contains($0.status) }
            guard !shown.isEmpty || !system.diagnostics.isEmpty else { return }
            var lines = [
                "## \(MarkdownText.code(system.id ?? system.file))"
                    + (system.name.map { " — \(MarkdownText.inline($0))" } ?? ""), "",
                MarkdownText.code(system.file), "",
            ]
            lines += system.diagnostics.map(item)
            if !system.diagnostics.isEmpty { lines.append("") }
            guard !shown.isEmpty else { return try emit(lines) }
            lines += ["| status | severity | rule | finding | where |", "|---|---|---|---|---|"]
            for result in shown {
                let rule = evaluation.rule(result.rule)
                let references = rule.map { "<br>" + cell($0.references.citations(joinedBy: " · ")) } ?? ""
                let head =
                    "| \(badge(result.status)) | \(result.severity.rawValue) | \(MarkdownText.code(result.rule, inTable: true))\(references) |"
                if let failure = result.failure {
                    lines.append(
                        head
                            + " \(cell("\(failure.kind): \(failure.message)")) | \(failure.location.map { MarkdownText.code("\($0)", inTable: true) } ?? "") |"
                    )
                } else if result.findings.isEmpty {
                    let note = result.skipReason?.rawValue ?? (rule?.title ?? "")
                    lines.append(head + " \(cell(note)) | |")
                } else {
                    for (index, finding) in result.findings.enumerated() {
                        let prefix = index == 0 ? head : "| | | |"
                        var text = cell(finding.message)
                        if index == 0, let waiver = result.waiver {
                            text +=
                                "<br>_waived until \(waiver.expires) by \(cell(waiver.approvedBy)): \(cell(waiver.reason))_"
                        }
                        if index == result.findings.count - 1, result.status == .fail,
                            let remediation = rule?.remediation
                        {
                            text += "<br>**What to do:** " + cell(remediation)
                        }
                        lines.append(prefix + " \(text) | \(MarkdownText.code("\(finding.location)", inTable: true)) |")
                    }
                }
            }
            lines.append("")
            try emit(lines)
        }
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

    /// Text cadre did not write, in a table cell.
    private func cell(_ text: String) -> String { MarkdownText.inline(text, inTable: true) }

    /// A problem with the inputs, as a list item: where, how serious, what.
    private func item(_ diagnostic: Diagnostic) -> String {
        "- \(MarkdownText.code(diagnostic.location.description)) \(diagnostic.severity.rawValue): \(MarkdownText.inline(diagnostic.message))"
    }
}
