import CadreEngine
import CadreModel

/// The report for people: problems first, grouped by system; each finding with its severity,
/// message, references and `file:line:col` (which terminals and editors turn into links).
struct TextReport {
    let evaluation: any ReportedEvaluation
    let context: ReportContext

    func write(to output: ReportOutput) throws {
        var lines: [String] = []
        for diagnostic in evaluation.diagnostics {
            lines.append(paint(diagnostic.isError ? .red : .yellow, diagnostic.description))
        }
        if !evaluation.diagnostics.isEmpty { lines.append("") }
        try output.write(lines: lines)
        if !context.quiet {
            try evaluation.forEachSystem { system in try output.write(lines: section(system)) }
        }
        try output.write(lines: [summaryLine()])
    }

    private func section(_ system: SystemEvaluation) -> [String] {
        let file = TerminalText.line(system.file)
        var lines = [
            paint(.bold, system.id.map(TerminalText.line) ?? file) + (system.id != nil ? "  " + paint(.dim, file) : "")
        ]
        for diagnostic in system.diagnostics {
            lines.append(
                "  "
                    + paint(
                        diagnostic.isError ? .red : .yellow,
                        diagnostic.description.replacingOccurrences(of: "\n", with: "\n  ")))
        }
        var quiet: [RuleResult.Status: Int] = [:]
        for result in system.results {
            let shown = context.verbose || ![.pass, .skipped].contains(result.status)
            guard shown else {
                quiet[result.status, default: 0] += 1
                continue
            }
            lines += resultLines(result)
        }
        if !quiet.isEmpty {
            let parts = [(RuleResult.Status.pass, "passed"), (.skipped, "skipped")].compactMap { status, word in
                quiet[status].map { "\($0) \(word)" }
            }
            lines.append(paint(.dim, "  (" + parts.joined(separator: ", ") + ")"))
        }
        lines.append("")
        return lines
    }

    private func resultLines(_ result: RuleResult) -> [String] {
        let rule = evaluation.rule(result.rule)
        let status = result.status.rawValue.uppercased().padding(toLength: 7, withPad: " ", startingAt: 0)
        var head =
            "  " + paint(color(result.status), status) + " "
            + result.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
        head += " " + TerminalText.line(result.rule)
        if let title = rule?.title { head += "  " + paint(.dim, TerminalText.line(title)) }
        var lines = [head]
        if let reason = result.skipReason { lines.append("          " + reason.rawValue) }
        if let failure = result.failure {
            let place = failure.location.map { "\($0): " } ?? ""
            lines.append("          " + paint(.red, TerminalText.line("\(place)\(failure.kind): \(failure.message)")))
        }
        for finding in result.findings {
            lines.append(
                "          " + TerminalText.line("\(finding.location): \(finding.level.rawValue): \(finding.message)"))
            for evidence in finding.evidence { lines.append("            " + paint(.dim, TerminalText.line(evidence))) }
        }
        if let waiver = result.waiver {
            lines.append(
                "          "
                    + paint(
                        .dim,
                        TerminalText.line(
                            "waived until \(waiver.expires) by \(waiver.approvedBy): \(waiver.reason) (\(waiver.location))"
                        )))
        }
        if let rule, result.status == .fail || result.status == .warn || result.status == .waived {
            lines.append("          " + paint(.dim, TerminalText.line(rule.references.citations(joinedBy: " · "))))
        }
        if let remediation = rule?.remediation, result.status == .fail {
            lines.append("          what to do: " + TerminalText.line(remediation))
        }
        return lines
    }

    private func summaryLine() -> String {
        let summary = evaluation.summary
        var parts = [Plural.count(summary.systems, "system"), Plural.count(summary.rules, "rule")]
        if summary.invalidSystems > 0 { parts.append(Plural.count(summary.invalidSystems, "invalid descriptor")) }
        let counts = [
            "\(summary.count(.fail)) failed", "\(summary.count(.warn)) warned",
            Plural.count(summary.count(.error), "error"),
            "\(summary.count(.waived)) waived", "\(summary.count(.pass)) passed", "\(summary.count(.skipped)) skipped",
        ]
        var line = "as of \(evaluation.asOf): " + parts.joined(separator: ", ") + " — " + counts.joined(separator: ", ")
        if let failOn = context.failOn {
            let failing = evaluation.failing(at: failOn)
            line +=
                failing > 0 ? " — \(failing) at or above \(failOn.rawValue)" : " — none at or above \(failOn.rawValue)"
        }
        return paint(.bold, line)
    }

    // MARK: Colours

    enum Color: String {
        case red = "31"
        case green = "32"
        case yellow = "33"
        case blue = "34"
        case magenta = "35"
        case bold = "1"
        case dim = "2"
    }

    private func color(_ status: RuleResult.Status) -> Color {
        switch status {
        case .fail: .red
        case .error: .magenta
        case .warn: .yellow
        case .pass: .green
        case .waived, .skipped: .blue
        }
    }

    private func paint(_ color: Color, _ text: String) -> String {
        context.colors ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
    }
}
