import CadreEngine
import CadreModel

/// `cadre test` for people, in the manner of `opa test`: problems with the inputs, then each
/// test that did not pass (every test with `--verbose`) with the `file:line` of what failed and
/// what was expected against what came, then the summary line.
struct TestTextReport {
    let report: TestReport
    let context: TestReportContext

    func render() -> String {
        var lines: [String] = []
        for diagnostic in report.diagnostics {
            lines.append(paint(diagnostic.isError ? .red : .yellow, diagnostic.description))
        }
        if !report.diagnostics.isEmpty { lines.append("") }
        var file: String? = nil
        for test in report.cases where context.verbose || test.status != .pass {
            if test.file != file {
                if file != nil { lines.append("") }
                lines.append(paint(.bold, TerminalText.line(test.file)))
                file = test.file
            }
            lines += testLines(test)
        }
        if file != nil { lines.append("") }
        if context.coverage || context.minCoverage != nil { lines += coverageLines() }
        lines.append(summaryLine())
        return lines.joined(separator: "\n") + "\n"
    }

    private func testLines(_ test: TestCase) -> [String] {
        let word = test.status.rawValue.uppercased().padding(toLength: 6, withPad: " ", startingAt: 0)
        var lines = ["  " + paint(color(test.status), word) + " " + TerminalText.line(test.name)]
        let indent = "         "
        for failure in test.failures {
            let place = failure.location.map { "\($0.line > 0 ? "\($0.file):\($0.line)" : $0.file): " } ?? ""
            let kind = failure.errorKind.map { "\($0): " } ?? ""
            let message = TerminalText.lines(place + kind + failure.message).split(
                separator: "\n", omittingEmptySubsequences: false)
            lines += message.map { indent + $0 }
            if let expected = failure.expected { lines += labelled("expected", expected, indent: indent) }
            if let actual = failure.actual { lines += labelled("actual", actual, indent: indent) }
        }
        if context.verbose || test.status != .pass {
            // What a test printed, a line at a time: every line of it marked as printed.
            for printed in test.output {
                for line in TerminalText.lines(printed).split(separator: "\n", omittingEmptySubsequences: false) {
                    lines.append(indent + paint(.dim, "| " + line))
                }
            }
        }
        return lines
    }

    /// `  expected: status pass`, with the lines after the first aligned under it.
    private func labelled(_ label: String, _ text: String, indent: String) -> [String] {
        let head = "  " + String(repeating: " ", count: 8 - label.count) + label + ": "
        return TerminalText.lines(text).split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            index, line in
            indent + (index == 0 ? head : String(repeating: " ", count: head.count)) + line
        }
    }

    private func coverageLines() -> [String] {
        let coverage = report.coverage
        var lines = [
            paint(
                .bold,
                "coverage: \(coverage.covered) of \(coverage.rules.count) rule\(coverage.rules.count == 1 ? "" : "s") with a failing and a passing case (\(coverage.percentText)%)"
            )
        ]
        if context.coverage {
            let width = max(4, coverage.rules.map(\.id.count).max() ?? 0)
            lines.append("  " + "rule".padding(toLength: width, withPad: " ", startingAt: 0) + "  failing  passing")
            for rule in coverage.rules {
                var line =
                    "  " + TerminalText.line(rule.id).padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                line += (rule.failing ? "yes" : "no").padding(toLength: 9, withPad: " ", startingAt: 0)
                line += rule.passing ? "yes" : "no "
                if !rule.isCovered { line += "      " + paint(.red, "not covered") }
                lines.append(line)
            }
        }
        if let minimum = context.minCoverage, report.isBelow(minCoverage: minimum) {
            lines.append(
                paint(
                    .red,
                    "coverage \(coverage.percentText)% is below --min-coverage \(RuleCoverageText.percent(minimum))%; not covered:"
                ))
            for rule in coverage.uncovered {
                let missing = [rule.failing ? nil : "no failing case", rule.passing ? nil : "no passing case"]
                    .compactMap { $0 }
                lines.append(
                    "  \(TerminalText.line(rule.id)) (\(missing.joined(separator: ", "))) \(paint(.dim, TerminalText.line(rule.file)))"
                )
            }
        }
        lines.append("")
        return lines
    }

    private func summaryLine() -> String {
        let summary = report.summary
        var line = "\(summary.passed) passed, \(summary.failed) failed"
        if summary.errors > 0 { line += ", \(summary.errors) error\(summary.errors == 1 ? "" : "s")" }
        let files = report.files.count
        line += " — \(summary.total) test\(summary.total == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")"
        line += " of \(report.packs.count) pack\(report.packs.count == 1 ? "" : "s")"
        if let filter = report.filter { line += " (filter: \(TerminalText.line(filter)))" }
        let failing = summary.failed > 0 || summary.errors > 0 || report.hasInvalidInput
        return paint(failing ? .red : .green, line)
    }

    // MARK: Colours

    enum Color: String {
        case red = "31"
        case green = "32"
        case yellow = "33"
        case magenta = "35"
        case bold = "1"
        case dim = "2"
    }

    private func color(_ status: TestCase.Status) -> Color {
        switch status {
        case .pass: .green
        case .fail: .red
        case .error: .magenta
        }
    }

    private func paint(_ color: Color, _ text: String) -> String {
        context.colors ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
    }
}

/// Percentages as the test reports print them.
enum RuleCoverageText {
    /// `100`, `87.5`.
    static func percent(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
