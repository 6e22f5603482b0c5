import CadreEngine
import CadreModel

extension HTMLReport {
    /// A system's part of the page: its profile, its problems, then its results pack by pack.
    func section(_ system: SystemEvaluation, index: Int, excerpt: inout DescriptorExcerpt) -> String {
        let title =
            system.id.map { "<code>\(HTMLText.text($0))</code>" } ?? "<code>\(HTMLText.text(system.file))</code>"
        let name = system.name.map { " — " + HTMLText.text($0) } ?? ""
        let hasProblems = !system.diagnostics.isEmpty
        var html =
            "<article class=\"system\(hasProblems ? " has-problems" : "")\" id=\"s\(index)\" aria-labelledby=\"s\(index)-title\">\n"
        html += "<h3 id=\"s\(index)-title\">\(title)\(name)</h3>\n"
        html += "<p class=\"file\">Descriptor <code>\(HTMLText.text(system.file))</code>"
        if !system.isValid { html += " — <strong>invalid</strong>: no rule was evaluated" }
        html += "</p>\n"
        if let profile = system.profile { html += Self.profile(profile) }
        if hasProblems {
            html += "<h4>Problems with the descriptor</h4>\n" + Self.diagnosticList(system.diagnostics)
        }
        if !system.waivers.isEmpty {
            html += "<h4>Waivers the descriptor grants</h4>\n<ul class=\"waivers\">\n"
            for waiver in system.waivers {
                html +=
                    "<li><code>\(HTMLText.text(waiver.rule))</code>: \(HTMLText.text(waiver.reason)) — approved by \(HTMLText.text(waiver.approvedBy)), expires \(waiver.expires)\(waiver.expires < evaluation.asOf ? " <strong>(expired)</strong>" : "")</li>\n"
            }
            html += "</ul>\n"
        }
        let shown = system.results.filter { context.verbose || ![.pass, .skipped].contains($0.status) }
        var quiet: [RuleResult.Status: Int] = [:]
        for result in system.results where !shown.contains(where: { $0.rule == result.rule }) {
            quiet[result.status, default: 0] += 1
        }
        if system.isValid {
            let problems = shown.filter { [.fail, .error, .warn].contains($0.status) }.count
            var counts = "<p class=\"counts\">"
            counts +=
                problems == 0
                ? "No rule fails, errs or warns." : "\(problems) result\(problems == 1 ? "" : "s") to act on."
            let parts = [(RuleResult.Status.pass, "passed"), (.skipped, "skipped")].compactMap { status, word in
                quiet[status].map { "\($0) \(word)" }
            }
            if !parts.isEmpty { counts += " (" + parts.joined(separator: ", ") + ", not listed.)" }
            html += counts + "</p>\n"
        }
        for column in columns.indices {
            let results = shown.filter { self.column(of: $0.rule) == column }
            guard !results.isEmpty else { continue }
            let pack = evaluation.packs.first { $0.id == columns[column] }
            html +=
                "<section class=\"pack\" id=\"s\(index)-p\(column)\" aria-label=\"\(HTMLText.attribute(columns[column])) on \(HTMLText.attribute(system.id ?? system.file))\">\n"
            html +=
                "<h4>Pack <code>\(HTMLText.text(columns[column]))</code>\(pack.map { " " + HTMLText.text($0.version) + " — " + HTMLText.text($0.title) } ?? "")</h4>\n"
            for result in results { html += self.result(result, pack: columns[column], excerpt: &excerpt) }
            html += "</section>\n"
        }
        return html + "</article>\n"
    }

    private static func profile(_ profile: SystemProfile) -> String {
        var html = "<dl class=\"profile\">\n"
        if let description = profile.description {
            html += "<dt>What it does</dt><dd class=\"prose\">\(HTMLText.lines(description))</dd>\n"
        }
        html += "<dt>Owner</dt><dd>\(HTMLText.text(profile.owner))</dd>\n"
        let roles = [
            profile.role.map { "AI Act: " + HTMLText.text($0) }, profile.gdprRole.map { "GDPR: " + HTMLText.text($0) },
        ]
        .compactMap { $0 }
        if !roles.isEmpty { html += "<dt>Role</dt><dd>\(roles.joined(separator: "; "))</dd>\n" }
        if !profile.purposes.isEmpty {
            html += "<dt>Purposes</dt><dd><ul>"
            for purpose in profile.purposes {
                html += "<li><code>\(HTMLText.text(purpose.id))</code>"
                if let description = purpose.description { html += " — " + HTMLText.text(description) }
                if let basis = purpose.legalBasis { html += " <span class=\"basis\">(\(HTMLText.text(basis)))</span>" }
                html += "</li>"
            }
            html += "</ul></dd>\n"
        }
        if !profile.dataCategories.isEmpty {
            html +=
                "<dt>Personal data</dt><dd>\(profile.dataCategories.map { "<code>\(HTMLText.text($0))</code>" }.joined(separator: ", "))</dd>\n"
        }
        html += "<dt>AI parts</dt><dd>"
        if profile.ai.isEmpty {
            html += "none"
        } else {
            html += "<ul>"
            for part in profile.ai {
                html += "<li><code>\(HTMLText.text(part.id))</code>: \(HTMLText.text(part.kind))"
                if let decides = part.decides { html += ", decides: \(HTMLText.text(decides))" }
                if !part.annexIII.isEmpty {
                    html += ", AI Act Annex III \(part.annexIII.map(HTMLText.text).joined(separator: ", "))"
                }
                html += "</li>"
            }
            html += "</ul>"
        }
        html += "</dd>\n<dt>Stores</dt><dd>"
        if profile.stores.isEmpty {
            html += "none"
        } else {
            html += "<ul>"
            for store in profile.stores {
                html += "<li><code>\(HTMLText.text(store.id))</code>: \(HTMLText.text(store.engine))"
                if let region = store.region { html += ", in \(HTMLText.text(region))" }
                if !store.tables.isEmpty {
                    html += "; \(store.tables.map { "<code>\(HTMLText.text($0))</code>" }.joined(separator: ", "))"
                }
                html += "</li>"
            }
            html += "</ul>"
        }
        return html + "</dd>\n</dl>\n"
    }

    private func result(_ result: RuleResult, pack: String, excerpt: inout DescriptorExcerpt) -> String {
        let rule = evaluation.rule(result.rule)
        var html =
            "<div class=\"result \(result.status.rawValue)\" data-status=\"\(result.status.rawValue)\" data-severity=\"\(result.severity.rawValue)\" data-pack=\"\(HTMLText.attribute(pack))\">\n"
        html +=
            "<h5><span class=\"badge \(result.status.rawValue)\">\(Self.word(result.status))</span> <span class=\"severity \(result.severity.rawValue)\">\(result.severity.rawValue)</span> <code>\(HTMLText.text(result.rule))</code>"
        if let title = rule?.title { html += " <span class=\"title\">\(HTMLText.text(title))</span>" }
        html += "</h5>\n"
        if let reason = result.skipReason { html += "<p>Skipped: \(reason.rawValue).</p>\n" }
        if let failure = result.failure {
            html +=
                "<p class=\"failure\">The rule could not be evaluated (\(HTMLText.text(failure.kind.rawValue))): \(HTMLText.text(failure.message))"
            if let location = failure.location { html += " <code>\(HTMLText.text(location.description))</code>" }
            html += "</p>\n"
        }
        if let waiver = result.waiver {
            html +=
                "<p class=\"waiver\">Waived until \(waiver.expires), approved by \(HTMLText.text(waiver.approvedBy)): \(HTMLText.text(waiver.reason)) <code>\(HTMLText.text(waiver.location.description))</code></p>\n"
        }
        if !result.findings.isEmpty {
            html += "<ul class=\"findings\">\n"
            for finding in result.findings {
                html +=
                    "<li class=\"finding\"><p><span class=\"level \(finding.level.rawValue)-level\">\(finding.level.rawValue)</span> \(HTMLText.text(finding.message)) <code class=\"where\">\(HTMLText.text(finding.location.description))</code></p>\n"
                let lines = excerpt.lines(around: finding.location)
                if !lines.isEmpty {
                    html +=
                        "<pre class=\"excerpt\" aria-label=\"\(HTMLText.attribute(finding.location.file)) around line \(finding.location.line)\"><code>"
                    for line in lines {
                        let number = String(line.number)
                        let padded = String(repeating: " ", count: max(0, 4 - number.count)) + number
                        let text = "<span class=\"ln\">\(padded)</span> \(HTMLText.text(line.text))"
                        html += line.isTarget ? "<mark>\(text)</mark>\n" : "\(text)\n"
                    }
                    html += "</code></pre>\n"
                }
                if !finding.evidence.isEmpty {
                    html +=
                        "<p class=\"evidence\">Examples (redacted): \(finding.evidence.map { "<code>\(HTMLText.text($0))</code>" }.joined(separator: " · "))</p>\n"
                }
                html += "</li>\n"
            }
            html += "</ul>\n"
        }
        if let rule {
            if !rule.references.isEmpty {
                let references = rule.references.map { reference in
                    let text = HTMLText.text(reference.citation)
                    guard let url = ReferenceLinks.url(for: reference).flatMap(HTMLText.webAddress) else { return text }
                    return "<a href=\"\(url)\" rel=\"noreferrer\">\(text)</a>"
                }
                html +=
                    "<p class=\"law\"><span class=\"label\">Law:</span> \(references.joined(separator: " · "))</p>\n"
            }
            if let remediation = rule.remediation, [.fail, .warn, .error, .waived].contains(result.status) {
                html +=
                    "<p class=\"remedy\"><span class=\"label\">Remediation:</span> <span class=\"prose\">\(HTMLText.lines(remediation))</span></p>\n"
            }
        }
        return html + "</div>\n"
    }
}
