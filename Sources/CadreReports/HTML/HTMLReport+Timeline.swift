import CadreEngine
import CadreModel

extension HTMLReport {
    /// The obligations to come, as an SVG chart (a row per obligation, a mark on its date) and
    /// the same facts as a table, for screen readers and for print.
    func timelineSection() -> String {
        guard let timeline = context.timeline else { return "" }
        var html =
            "<section id=\"timeline\" aria-labelledby=\"timeline-title\">\n<h2 id=\"timeline-title\">Obligations to come</h2>\n"
        html +=
            "<p class=\"note\">Rules that concern these systems and come into force or lapse, and waivers that expire, from \(timeline.from) to \(timeline.until).</p>\n"
        guard !timeline.entries.isEmpty else {
            return html + "<p>Nothing comes into force, lapses or expires in that period.</p>\n</section>\n"
        }
        html += chart(timeline)
        html +=
            "<table class=\"timeline\">\n<caption>Dates</caption>\n<thead><tr><th scope=\"col\">date</th><th scope=\"col\">what</th><th scope=\"col\">rule</th><th scope=\"col\">law</th><th scope=\"col\">systems</th></tr></thead>\n<tbody>\n"
        for entry in timeline.entries {
            let rule = evaluation.rule(entry.rule)
            var systems = entry.systems.map { "<code>\(HTMLText.text($0))</code>" }.joined(separator: ", ")
            if entry.systemCount > entry.systems.count {
                systems += " and \(entry.systemCount - entry.systems.count) more"
            }
            let law =
                entry.approvedBy.map { "approved by \($0)" } ?? rule?.references.citations(joinedBy: " · ") ?? ""
            html +=
                "<tr><td>\(entry.date)</td><td>\(entry.kind.words)</td><td><code>\(HTMLText.text(entry.rule))</code>\(rule.map { " " + HTMLText.text($0.title) } ?? "")</td><td>\(HTMLText.text(law))</td><td>\(systems)</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n</section>\n"
    }

    private func chart(_ timeline: ReportTimeline) -> String {
        let labelWidth = 330.0
        let plotWidth = 560.0
        let rowHeight = 24.0
        let top = 34.0
        let height = top + rowHeight * Double(timeline.entries.count) + 12
        let span = Double(max(1, timeline.until.dayNumber - timeline.from.dayNumber))
        func x(_ date: ISODate) -> Double {
            labelWidth + plotWidth * Double(date.dayNumber - timeline.from.dayNumber) / span
        }
        var svg =
            "<svg class=\"chart\" role=\"img\" aria-labelledby=\"timeline-chart-title\" viewBox=\"0 0 \(Int(labelWidth + plotWidth + 20)) \(Int(height))\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        svg +=
            "<title id=\"timeline-chart-title\">Obligations that come into force or lapse from \(timeline.from) to \(timeline.until), by date</title>\n"
        // A tick on the first day of each year (and the period's ends).
        var ticks = [timeline.from]
        for year in (timeline.from.year + 1)...max(timeline.from.year + 1, timeline.until.year) {
            if let first = ISODate(year: year, month: 1, day: 1), first > timeline.from, first < timeline.until {
                ticks.append(first)
            }
        }
        for tick in ticks {
            let position = Self.format(x(tick))
            svg +=
                "<line class=\"tick\" x1=\"\(position)\" y1=\"\(Int(top - 8))\" x2=\"\(position)\" y2=\"\(Int(height - 8))\"/><text class=\"axis\" x=\"\(position)\" y=\"16\">\(tick == timeline.from ? "\(tick)" : String(tick.year))</text>\n"
        }
        for (row, entry) in timeline.entries.enumerated() {
            let y = top + rowHeight * Double(row) + rowHeight / 2
            let label =
                entry.kind == .waiverExpires
                ? "\(entry.rule) on \(entry.systems.first ?? "")" : "\(entry.rule) (\(entry.systemCount))"
            svg +=
                "<text class=\"label\" x=\"\(Int(labelWidth - 10))\" y=\"\(Self.format(y + 4))\">\(HTMLText.text(label))</text>\n"
            svg +=
                "<line class=\"row\" x1=\"\(Int(labelWidth))\" y1=\"\(Self.format(y))\" x2=\"\(Int(labelWidth + plotWidth))\" y2=\"\(Self.format(y))\"/>\n"
            let position = x(entry.date)
            let title =
                entry.kind == .waiverExpires
                ? "<title>\(HTMLText.text("the waiver of \(entry.rule) on \(entry.systems.first ?? "") expires on \(entry.date)"))</title>"
                : "<title>\(HTMLText.text("\(entry.rule) \(entry.kind.words) on \(entry.date) for \(entry.systemCount) system\(entry.systemCount == 1 ? "" : "s")"))</title>"
            if entry.kind == .waiverExpires {
                let p = Self.format(position)
                let top = Self.format(y - 7)
                let bottom = Self.format(y + 6)
                let left = Self.format(position - 7)
                let right = Self.format(position + 7)
                svg +=
                    "<polygon class=\"expires\" points=\"\(p),\(top) \(right),\(bottom) \(left),\(bottom)\">\(title)</polygon>\n"
            } else if entry.kind == .comesIntoForce {
                svg +=
                    "<circle class=\"starts\" cx=\"\(Self.format(position))\" cy=\"\(Self.format(y))\" r=\"6\">\(title)</circle>\n"
            } else {
                let half = 6.0
                svg +=
                    "<rect class=\"lapses\" x=\"\(Self.format(position - half))\" y=\"\(Self.format(y - half))\" width=\"12\" height=\"12\">\(title)</rect>\n"
            }
            svg +=
                "<text class=\"date\" x=\"\(Self.format(min(position + 10, labelWidth + plotWidth - 70)))\" y=\"\(Self.format(y - 7))\">\(entry.date)</text>\n"
        }
        svg += "</svg>\n"
        return svg
            + "<p class=\"legend\"><svg width=\"14\" height=\"14\" aria-hidden=\"true\"><circle class=\"starts\" cx=\"7\" cy=\"7\" r=\"6\"/></svg> comes into force <svg width=\"14\" height=\"14\" aria-hidden=\"true\"><rect class=\"lapses\" x=\"1\" y=\"1\" width=\"12\" height=\"12\"/></svg> lapses (the day after its last day) <svg width=\"14\" height=\"14\" aria-hidden=\"true\"><polygon class=\"expires\" points=\"7,0 14,13 0,13\"/></svg> a waiver expires (its last day); in brackets, the systems an obligation concerns.</p>\n"
    }

    /// The history's failing results per run, as an SVG line.
    func trendSection() -> String {
        guard let trend = context.trend, !trend.runs.isEmpty else { return "" }
        var html =
            "<section id=\"trend\" aria-labelledby=\"trend-title\">\n<h2 id=\"trend-title\">Failing results per recorded run</h2>\n"
        let width = 880.0
        let height = 180.0
        let left = 44.0
        let bottom = 28.0
        let highest = max(1, trend.runs.map { $0.failed + $0.errors }.max() ?? 1)
        let step = trend.runs.count > 1 ? (width - left - 20) / Double(trend.runs.count - 1) : 0
        func point(_ index: Int, _ value: Int) -> (Double, Double) {
            (left + step * Double(index), 10 + (height - bottom - 10) * (1 - Double(value) / Double(highest)))
        }
        html +=
            "<svg class=\"chart\" role=\"img\" aria-labelledby=\"trend-chart-title\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"trend-chart-title\">Failures and errors in each of the last \(trend.runs.count) recorded runs, from \(trend.runs.first.map { "run \($0.number)" } ?? "") to \(trend.runs.last.map { "run \($0.number)" } ?? "")</title>\n"
        html +=
            "<line class=\"tick\" x1=\"\(Int(left))\" y1=\"\(Int(height - bottom))\" x2=\"\(Int(width - 10))\" y2=\"\(Int(height - bottom))\"/>\n<text class=\"axis\" x=\"4\" y=\"16\">\(highest)</text><text class=\"axis\" x=\"4\" y=\"\(Int(height - bottom))\">0</text>\n"
        let points = trend.runs.enumerated().map { index, run in point(index, run.failed + run.errors) }
        html +=
            "<polyline class=\"trend\" points=\"\(points.map { "\(Self.format($0.0)),\(Self.format($0.1))" }.joined(separator: " "))\"/>\n"
        for (index, run) in trend.runs.enumerated() {
            let (px, py) = points[index]
            html +=
                "<circle class=\"run\" cx=\"\(Self.format(px))\" cy=\"\(Self.format(py))\" r=\"4\"><title>run \(run.number), as of \(run.asOf): \(run.failed) failed, \(run.errors) errors, \(run.warned) warned</title></circle>\n"
            if trend.runs.count <= 12 || index % max(1, trend.runs.count / 12) == 0 {
                html += "<text class=\"axis\" x=\"\(Self.format(px))\" y=\"\(Int(height - 8))\">\(run.number)</text>\n"
            }
        }
        html += "</svg>\n"
        html +=
            "<table class=\"trend\">\n<caption>Runs</caption>\n<thead><tr><th scope=\"col\">run</th><th scope=\"col\">recorded</th><th scope=\"col\">as of</th><th scope=\"col\">failed</th><th scope=\"col\">errors</th><th scope=\"col\">warned</th></tr></thead>\n<tbody>\n"
        for run in trend.runs.reversed() {
            html +=
                "<tr><td>\(run.number)</td><td>\(HTMLText.text(run.recordedAt))</td><td>\(run.asOf)</td><td>\(run.failed)</td><td>\(run.errors)</td><td>\(run.warned)</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n</section>\n"
    }

    /// A coordinate with one decimal, so the page does not depend on how doubles print.
    static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }
}
