import CadreEngine
import CadreModel

/// One self-contained HTML page for people who do not read terminals — a DPO, an auditor, a
/// director: the run's facts (workspace, as-of date, packs with their digests, totals), a matrix
/// of systems × packs coloured by the worst result, the obligations to come and the trend of the
/// history as inline SVG, then each system: its profile, its findings with the descriptor lines
/// they point at, the law they cite, the remediation and the waivers. Filters (severity, pack,
/// status) run in the page; a print stylesheet makes it a PDF.
///
/// Written as the other formats are: what is known of the whole run first, then the systems one
/// at a time. The matrix reads the systems once (a row each, as it goes) and the details a
/// second time, so the page is never whole in memory. Nothing is fetched: the style and the
/// script are inline, and a Content-Security-Policy forbids every other source.
struct HTMLReport {
    let evaluation: any ReportedEvaluation
    let context: ReportContext

    /// The packs, in the run's order, and the column of each rule.
    let columns: [String]
    private let packOfRule: [String: Int]

    init(evaluation: any ReportedEvaluation, context: ReportContext) {
        self.evaluation = evaluation
        self.context = context
        var columns = evaluation.packs.map(\.id)
        var packOfRule: [String: Int] = [:]
        for rule in evaluation.rules {
            if let index = columns.firstIndex(of: rule.pack) {
                packOfRule[rule.id] = index
            } else {
                columns.append(rule.pack)
                packOfRule[rule.id] = columns.count - 1
            }
        }
        self.columns = columns
        self.packOfRule = packOfRule
    }

    /// The column (pack) of the rule `id`.
    func column(of rule: String) -> Int? { packOfRule[rule] }

    /// The statuses a result may be shown with, most serious first.
    static let statusOrder: [RuleResult.Status] = [.fail, .error, .warn, .waived, .pass, .skipped]

    func write(to output: ReportOutput) throws {
        try output.write(head())
        try output.write(summary())
        try output.write(filters())
        try output.write(matrixStart())
        var index = 0
        try evaluation.forEachSystem { system in
            try output.write(matrixRow(system, index: index))
            index += 1
        }
        try output.write(matrixEnd())
        try output.write(timelineSection())
        try output.write(trendSection())
        try output.write(
            "<section id=\"systems\" aria-labelledby=\"systems-title\">\n<h2 id=\"systems-title\">Systems</h2>\n")
        index = 0
        try evaluation.forEachSystem { system in
            var excerpt = DescriptorExcerpt(system: system)
            try output.write(section(system, index: index, excerpt: &excerpt))
            index += 1
        }
        try output.write("</section>\n</main>\n")
        try output.write(
            "<footer><p>Written by cadre \(HTMLText.text(context.toolVersion)). No value read from a store is in this page: only counts, names and redacted examples.</p></footer>\n"
        )
        try output.write("<script>\n\(HTMLPage.script)</script>\n</body>\n</html>\n")
    }

    // MARK: The run

    private func head() -> String {
        let workspace = evaluation.workspace.map { " — " + HTMLText.text($0) } ?? ""
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
            <meta name="generator" content="cadre \(HTMLText.attribute(context.toolVersion))">
            <title>cadre — evaluation as of \(evaluation.asOf)\(workspace)</title>
            <style>
            \(HTMLPage.style)</style>
            </head>
            <body>
            <a class="skip" href="#systems">Skip to the systems</a>
            <header>
            <h1>Evaluation as of \(evaluation.asOf)\(workspace)</h1>

            """
    }

    private func summary() -> String {
        let summary = evaluation.summary
        var html = "<p class=\"lede\">"
        if let name = evaluation.workspace { html += "Workspace <strong>\(HTMLText.text(name))</strong>. " }
        html +=
            "The law in force on <strong>\(evaluation.asOf)</strong> applied to \(summary.systems) system\(summary.systems == 1 ? "" : "s") by \(summary.rules) rule\(summary.rules == 1 ? "" : "s")"
        if let failOn = context.failOn {
            let failing = evaluation.failing(at: failOn)
            html +=
                "; \(failing) result\(failing == 1 ? "" : "s") fail\(failing == 1 ? "s" : "") at or above \(failOn.rawValue)"
        }
        html += ".</p>\n</header>\n<main>\n"
        html += "<section id=\"summary\" aria-labelledby=\"summary-title\">\n<h2 id=\"summary-title\">Summary</h2>\n"
        html += "<div class=\"totals\">\n<table>\n<caption>Results by status</caption>\n<tbody>\n"
        for status in Self.statusOrder {
            html +=
                "<tr><th scope=\"row\"><span class=\"badge \(status.rawValue)\">\(Self.word(status))</span></th><td>\(summary.count(status))</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        html += "<table>\n<caption>Failures and errors by severity</caption>\n<tbody>\n"
        let severities = Severity.allCases.reversed()
        for severity in severities {
            let above = Severity.allCases.first { $0 > severity }
            let count = evaluation.failing(at: severity) - (above.map { evaluation.failing(at: $0) } ?? 0)
            html +=
                "<tr><th scope=\"row\"><span class=\"severity \(severity.rawValue)\">\(severity.rawValue)</span></th><td>\(count)</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        html +=
            "<table>\n<caption>Systems</caption>\n<tbody>\n<tr><th scope=\"row\">evaluated</th><td>\(summary.systems)</td></tr>\n<tr><th scope=\"row\">invalid</th><td>\(summary.invalidSystems)</td></tr>\n<tr><th scope=\"row\">findings</th><td>\(summary.findings)</td></tr>\n</tbody>\n</table>\n</div>\n"
        html +=
            "<table class=\"packs\">\n<caption>Packs</caption>\n<thead><tr><th scope=\"col\">pack</th><th scope=\"col\">version</th><th scope=\"col\">title</th><th scope=\"col\">rules</th><th scope=\"col\">digest</th></tr></thead>\n<tbody>\n"
        for pack in evaluation.packs {
            let rules = evaluation.rules.filter { $0.pack == pack.id }.count
            html +=
                "<tr><td><code>\(HTMLText.text(pack.id))</code></td><td>\(HTMLText.text(pack.version))</td><td>\(HTMLText.text(pack.title))</td><td>\(rules)</td><td><code class=\"digest\">\(HTMLText.text(pack.digest))</code></td></tr>\n"
        }
        if evaluation.packs.isEmpty { html += "<tr><td colspan=\"5\">No pack: no rule ran.</td></tr>\n" }
        html += "</tbody>\n</table>\n"
        if !evaluation.diagnostics.isEmpty {
            html += "<h3>Problems with the inputs</h3>\n" + Self.diagnosticList(evaluation.diagnostics)
        }
        html += "</section>\n"
        return html
    }

    private func filters() -> String {
        var statuses: [RuleResult.Status] = [.fail, .error, .warn, .waived]
        if context.verbose { statuses += [.pass, .skipped] }
        var html =
            "<form id=\"filters\" class=\"filters\" hidden aria-labelledby=\"filters-title\">\n<h2 id=\"filters-title\">Filters</h2>\n"
        html += "<fieldset><legend>Severity</legend>\n"
        for severity in Severity.allCases.reversed() {
            html +=
                "<label><input type=\"checkbox\" name=\"severity\" value=\"\(severity.rawValue)\" checked> \(severity.rawValue)</label>\n"
        }
        html += "</fieldset>\n<fieldset><legend>Pack</legend>\n"
        for pack in columns {
            html +=
                "<label><input type=\"checkbox\" name=\"pack\" value=\"\(HTMLText.attribute(pack))\" checked> \(HTMLText.text(pack))</label>\n"
        }
        html += "</fieldset>\n<fieldset><legend>Status</legend>\n"
        for status in statuses {
            html +=
                "<label><input type=\"checkbox\" name=\"status\" value=\"\(status.rawValue)\" checked> \(Self.word(status))</label>\n"
        }
        html +=
            "</fieldset>\n<p><button type=\"reset\">Show everything</button> <output id=\"shown\" aria-live=\"polite\"></output></p>\n</form>\n"
        return html
    }

    // MARK: The matrix

    private func matrixStart() -> String {
        var html =
            "<section id=\"matrix\" aria-labelledby=\"matrix-title\">\n<h2 id=\"matrix-title\">Systems × packs</h2>\n"
        html +=
            "<p class=\"note\">Each cell shows the worst result of the pack's rules on the system, and how many of its results fail, are errors or warn; it links to them.</p>\n"
        html += "<div class=\"scroll\"><table class=\"matrix\">\n<thead><tr><th scope=\"col\">system</th>"
        for pack in columns { html += "<th scope=\"col\"><code>\(HTMLText.text(pack))</code></th>" }
        html += "</tr></thead>\n<tbody>\n"
        return html
    }

    private func matrixRow(_ system: SystemEvaluation, index: Int) -> String {
        let name = system.id.map { "<code>\(HTMLText.text($0))</code>" } ?? "<code>\(HTMLText.text(system.file))</code>"
        var html = "<tr id=\"row-s\(index)\"><th scope=\"row\"><a href=\"#s\(index)\">\(name)</a>"
        if !system.isValid { html += " <span class=\"badge error\">invalid</span>" }
        html += "</th>"
        var worst = [RuleResult.Status?](repeating: nil, count: columns.count)
        var problems = [Int](repeating: 0, count: columns.count)
        for result in system.results {
            guard let column = column(of: result.rule) else { continue }
            if let current = worst[column] {
                if Self.rank(result.status) < Self.rank(current) { worst[column] = result.status }
            } else {
                worst[column] = result.status
            }
            if [.fail, .error, .warn].contains(result.status) { problems[column] += 1 }
        }
        for column in columns.indices {
            guard let status = worst[column] else {
                html += "<td class=\"cell none\">—</td>"
                continue
            }
            let count = problems[column] > 0 ? " \(problems[column])" : ""
            let label = "\(Self.word(status))\(count)"
            if status == .pass || status == .skipped {
                html += "<td class=\"cell \(status.rawValue)\">\(label)</td>"
            } else {
                html +=
                    "<td class=\"cell \(status.rawValue)\"><a href=\"#s\(index)-p\(column)\">\(label)</a></td>"
            }
        }
        return html + "</tr>\n"
    }

    private func matrixEnd() -> String {
        "</tbody>\n</table></div>\n<p class=\"legend\">"
            + Self.statusOrder.map { "<span class=\"cell \($0.rawValue)\">\(Self.word($0))</span>" }.joined(
                separator: " ")
            + " <span class=\"cell none\">— no rule of the pack</span></p>\n</section>\n"
    }

    // MARK: Words

    /// How a status reads in the page.
    static func word(_ status: RuleResult.Status) -> String {
        switch status {
        case .fail: "fail"
        case .warn: "warn"
        case .error: "error"
        case .waived: "waived"
        case .pass: "pass"
        case .skipped: "skipped"
        }
    }

    /// Most serious first: the order in which a cell takes its colour.
    static func rank(_ status: RuleResult.Status) -> Int { statusOrder.firstIndex(of: status) ?? statusOrder.count }

    /// Problems with the inputs, as a list.
    static func diagnosticList(_ diagnostics: [Diagnostic]) -> String {
        var html = "<ul class=\"diagnostics\">\n"
        for diagnostic in diagnostics {
            html +=
                "<li class=\"\(diagnostic.isError ? "error" : "warning")\"><code>\(HTMLText.text(diagnostic.location.description))</code> <strong>\(diagnostic.severity.rawValue)</strong>: \(HTMLText.text(diagnostic.message)) <span class=\"code\">[\(HTMLText.text(diagnostic.code.rawValue))]</span>"
            if let hint = diagnostic.hint { html += "<br><span class=\"hint\">\(HTMLText.text(hint))</span>" }
            html += "</li>\n"
        }
        return html + "</ul>\n"
    }
}
