import CadreEngine
import CadreModel

/// GitHub Actions workflow commands: an annotation per finding, at its file, line and column
/// (named from the repository's root), `::error`, `::warning` or `::notice` as its SARIF level.
/// Waived results are not annotated. The last line is the summary, as plain text.
///
/// ```
/// ::error file=examples/systems/a.yaml,line=36,col=18,title=cnil.recording.retention (high)::recordings kept P3Y; six months at most
/// ```
struct GitHubReport {
    let evaluation: any ReportedEvaluation
    let context: ReportContext

    func write(to output: ReportOutput) throws {
        var lines: [String] = []
        for diagnostic in evaluation.diagnostics {
            lines.append(
                command(
                    diagnostic.isError ? "error" : "warning", at: diagnostic.location,
                    title: "cadre: \(diagnostic.code.rawValue)", message: TerminalText.line(diagnostic.message)))
        }
        try output.write(lines: lines)
        try evaluation.forEachSystem { system in
            var lines: [String] = []
            for issue in CIIssue.issues(of: system) where issue.waiver == nil {
                let name = issue.level == .note ? "notice" : issue.level.rawValue
                let title =
                    switch issue.kind {
                    case .finding: "\(issue.rule) (\(issue.severity.rawValue))"
                    case .invalidDescriptor: "cadre: invalid descriptor"
                    case .ruleError: "cadre: rule could not be evaluated"
                    }
                // Each part on a line of its own, its control characters shown, not obeyed.
                var parts = [issue.message]
                if case .finding = issue.kind, let rule = evaluation.rule(issue.rule) {
                    parts.append(rule.title)
                    if let remediation = rule.remediation { parts.append("What to do: " + remediation) }
                    if !rule.references.isEmpty { parts.append(rule.references.citations(joinedBy: " · ")) }
                }
                let message = parts.map(TerminalText.line).joined(separator: "\n")
                lines.append(command(name, at: issue.location, title: TerminalText.line(title), message: message))
            }
            try output.write(lines: lines)
        }
        let summary = evaluation.summary
        try output.write(lines: [
            "cadre: as of \(evaluation.asOf): \(Plural.count(summary.systems, "system")), \(Plural.count(summary.rules, "rule")) — "
                + "\(summary.count(.fail)) failed, \(summary.count(.warn)) warned, \(summary.count(.error)) errors, "
                + "\(summary.count(.waived)) waived"
        ])
    }

    private func command(_ name: String, at location: SourceLocation, title: String, message: String) -> String {
        var properties = ["file=" + Self.property(context.rooted.path(location.file).path)]
        if location.line > 0 {
            properties.append("line=\(location.line)")
            if location.column > 0 { properties.append("col=\(location.column)") }
        }
        properties.append("title=" + Self.property(title))
        return "::\(name) \(properties.joined(separator: ","))::\(Self.data(message))"
    }

    /// A command's message, escaped as the runner reads it: `%`, carriage returns and newlines.
    static func data(_ text: String) -> String {
        var out = ""
        for character in text.unicodeScalars {
            switch character {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// A command's property value: as a message, and `:` and `,`, which end a property.
    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
