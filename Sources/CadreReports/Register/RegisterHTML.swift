import CadreModel

/// The record of processing as one self-contained HTML page, with the evaluation report's style
/// (``HTMLPage``) and escaping (``HTMLText``): a table of the systems, then each system's actors,
/// its entries section by section as the CNIL's template orders them, and the entries its
/// descriptor does not give. No script, and a Content-Security-Policy that forbids every source
/// but the inline style; the print stylesheet starts each system on a new page.
struct RegisterHTML {
    let record: ProcessingRecord

    func write(to output: ReportOutput) throws {
        let workspace = record.workspace.map { " — " + HTMLText.text($0) } ?? ""
        let gaps = record.gaps
        let missing = gaps.filter { $0.level == .fail }.count
        let warnings = gaps.count - missing
        let entries = record.systems.map(\.entries.count).reduce(0, +)
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <title>Record of processing activities\(workspace)</title>
            <style>
            \(HTMLPage.style)\(Self.style)</style>
            </head>
            <body>
            <a class="skip" href="#systems">Skip to the systems</a>
            <header>
            <h1>Record of processing activities\(workspace)</h1>
            <p class="lede">GDPR Art. 30(1), in the layout of the CNIL's template (<span lang="fr">registre des activités de traitement</span>). Made from the systems' descriptors: what they say, and the entries they do not give.</p>
            <p>\(Plural.count(record.systems.count, "system")), \(Plural.count(entries, "entry", plural: "entries")), <strong>\(Plural.count(missing, "missing entry", plural: "missing entries"))</strong> and \(Plural.count(warnings, "warning")).</p>
            </header>
            <main>

            """
        if !record.systems.isEmpty {
            html += """
                <section aria-labelledby="index-title">
                <h2 id="index-title">Systems</h2>
                <div class="scroll"><table>
                <thead><tr><th scope="col">System</th><th scope="col">Purposes</th><th scope="col">Missing</th><th scope="col">Warnings</th><th scope="col">File</th></tr></thead>
                <tbody>

                """
            for system in record.systems {
                let purposes = system.entries.map(entryName).joined(separator: ", ")
                let missing = system.gaps.filter { $0.level == .fail }.count
                html +=
                    "<tr><th scope=\"row\"><a href=\"#system-\(HTMLText.attribute(system.id))\">\(HTMLText.text(system.name))</a></th>"
                    + "<td>\(purposes.isEmpty ? "none" : purposes)</td>"
                    + "<td class=\"\(missing > 0 ? "fail" : "pass")\">\(missing)</td><td>\(system.gaps.count - missing)</td>"
                    + "<td><code>\(HTMLText.text(system.file))</code></td></tr>\n"
            }
            html += "</tbody>\n</table></div>\n</section>\n"
        }
        html += "<section id=\"systems\" aria-label=\"Records\">\n"
        try output.write(html)
        for system in record.systems { try output.write(self.system(system)) }
        try output.write(
            "</section>\n</main>\n<footer><p>Written by cadre from the descriptors only: no store was read, and no store address is shown.</p></footer>\n</body>\n</html>\n"
        )
    }

    static let style = """
        .record th[scope=row] { width: 16rem; } dl.facts { display: grid; grid-template-columns: 12rem 1fr; gap: .15rem 1rem; } dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; }
        section.entry { border-left: 4px solid var(--line); padding-left: 1rem; margin: 1.2rem 0; }
        @media print { section.entry { break-inside: auto; } }

        """

    private func system(_ system: SystemRecord) -> String {
        let id = HTMLText.attribute(system.id)
        var html = "<article class=\"system\" id=\"system-\(id)\" aria-labelledby=\"title-\(id)\">\n"
        html += "<h2 id=\"title-\(id)\">\(HTMLText.text(system.name)) — <code>\(HTMLText.text(system.id))</code></h2>\n"
        if let description = system.description { html += "<p class=\"prose\">\(HTMLText.lines(description))</p>\n" }
        html +=
            "<p class=\"file\">File <code>\(HTMLText.text(system.file))</code>; owner \(HTMLText.text(system.owner))"
        if let role = system.gdprRole { html += "; GDPR role: \(role.rawValue)" }
        html += ".</p>\n"
        let controller = system.controller
        let organisation =
            controller.name.map { HTMLText.text($0) + (controller.country.map { ", " + HTMLText.text($0) } ?? "") }
        html += """
            <h3>Actors (<span lang="fr">acteurs</span>)</h3>
            <table class="record">
            <tr><th scope="row">Controller (<span lang="fr">responsable du traitement</span>)</th><td>\(organisation ?? "not given by the descriptor")</td></tr>
            <tr><th scope="row">Representative in the Union (<span lang="fr">représentant</span>, Art. 27)</th><td>\(HTMLText.text(controller.representative))</td></tr>
            <tr><th scope="row">Data protection officer (DPO)</th><td>\(controller.dpo.map(HTMLText.text) ?? "not given by the descriptor")</td></tr>
            </table>

            """
        if system.entries.isEmpty {
            html += "<p>The descriptor declares no purpose and no personal data: the system has no entry.</p>\n"
        }
        for (index, entry) in system.entries.enumerated() {
            html += self.entry(entry, number: index + 1, system: system)
        }
        html += "<h3>Missing entries</h3>\n"
        if system.gaps.isEmpty {
            html += "<p>None: the descriptor gives every entry the rules of the record check.</p>\n"
        } else {
            html += """
                <div class="scroll"><table>
                <thead><tr><th scope="col">Art. 30(1)</th><th scope="col">Entries</th><th scope="col">Missing</th><th scope="col">Rule</th><th scope="col">Where</th></tr></thead>
                <tbody>

                """
            for gap in system.gaps {
                let level = gap.level == .warn ? "warn" : "fail"
                html +=
                    "<tr><td class=\"\(level)\">(\(gap.item.rawValue)) \(HTMLText.text(gap.item.title))\(gap.level == .warn ? " (warning)" : "")</td>"
                    + "<td>\(scope(gap, in: system))</td><td>\(HTMLText.text(gap.message))</td>"
                    + "<td><code>\(HTMLText.text(gap.rule))</code></td><td><code>\(HTMLText.text(gap.location.description))</code></td></tr>\n"
            }
            html += "</tbody>\n</table></div>\n"
        }
        return html + "</article>\n"
    }

    private func entry(_ entry: RecordEntry, number: Int, system: SystemRecord) -> String {
        var html =
            "<section class=\"entry\" aria-label=\"Entry \(number)\">\n<h3>Entry \(number): \(entryName(entry))</h3>\n"
        html += "<h4>Purpose (<span lang=\"fr\">finalité</span>)</h4>\n"
        if entry.purpose == nil {
            html += "<p>Data that no declared purpose covers.</p>\n"
        } else {
            html +=
                "<dl class=\"facts\">\n<dt>Purpose</dt><dd>\(entry.description.map(HTMLText.text) ?? "not described")</dd>\n"
            html +=
                "<dt>Legal basis</dt><dd>\(entry.legalBasis.map { "<code>\($0.rawValue)</code>, \(HTMLText.text($0.summary))" } ?? "not given")</dd>\n"
            if let assessment = entry.legitimateInterestAssessment {
                html += "<dt>Legitimate-interest assessment</dt><dd>\(HTMLText.text(assessment))</dd>\n"
            }
            if let condition = entry.specialCategoryCondition {
                html +=
                    "<dt>Special categories (Art. 9(2))</dt><dd><code>\(condition.rawValue)</code>, \(HTMLText.text(condition.summary))</dd>\n"
            }
            html += "<dt>Data uses</dt><dd>\(entry.uses.isEmpty ? "none named" : codes(entry.uses))</dd>\n</dl>\n"
        }
        html += "<h4>Data subjects (<span lang=\"fr\">catégories de personnes concernées</span>)</h4>\n"
        html += "<p>\(entry.subjects.isEmpty ? "None named." : codes(entry.subjects))</p>\n"
        html += "<h4>Personal data (<span lang=\"fr\">catégories de données</span>)</h4>\n"
        if entry.data.isEmpty {
            html += "<p>None declared for this purpose.</p>\n"
        } else {
            html +=
                "<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">Category</th><th scope=\"col\">Description</th><th scope=\"col\">Subjects</th><th scope=\"col\">Source</th><th scope=\"col\">Held in</th></tr></thead>\n<tbody>\n"
            for item in entry.data {
                html +=
                    "<tr><td><code>\(HTMLText.text(item.category))</code></td><td>\(item.description.map(HTMLText.text) ?? "")</td>"
                    + "<td>\(item.subjects.isEmpty ? "not said" : codes(item.subjects))</td><td>\(item.source?.rawValue ?? "")</td>"
                    + "<td>\(item.stores.map { HTMLText.text($0.text) }.joined(separator: ", "))</td></tr>\n"
            }
            html += "</tbody>\n</table></div>\n"
        }
        html += "<h4>Recipients (<span lang=\"fr\">destinataires</span>)</h4>\n"
        if entry.recipients.isEmpty {
            html += "<p>No processor receives this data.</p>\n"
        } else {
            html += "<ul>\n"
            for recipient in entry.recipients {
                html += "<li>\(HTMLText.text(recipient.text)): contract "
                html += recipient.contract.map { "\($0.rawValue) (\(HTMLText.text($0.summary)))" } ?? "not said"
                if !recipient.receives.isEmpty { html += "; receives \(codes(recipient.receives))" }
                html += "</li>\n"
            }
            html += "</ul>\n"
        }
        html += "<h4>Transfers outside the EEA (<span lang=\"fr\">transferts hors UE</span>)</h4>\n"
        if entry.transfers.isEmpty {
            html += "<p>None: the data stays in the EEA.</p>\n"
        } else {
            html += "<ul>\n" + entry.transfers.map { "<li>\(HTMLText.text($0.text))</li>\n" }.joined() + "</ul>\n"
        }
        html += "<h4>Retention (<span lang=\"fr\">durées de conservation</span>)</h4>\n"
        if entry.data.isEmpty {
            html += "<p>No data.</p>\n"
        } else {
            html +=
                "<ul>\n"
                + entry.data.map {
                    "<li><code>\(HTMLText.text($0.category))</code>: \(HTMLText.text($0.retention?.text ?? "no period given"))</li>\n"
                }.joined() + "</ul>\n"
        }
        html += "<h4>Security measures (<span lang=\"fr\">mesures de sécurité</span>)</h4>\n"
        if entry.security.isEmpty {
            html += "<p>None recorded in the descriptor.</p>\n"
        } else {
            html += "<ul>\n" + entry.security.map { "<li>\(HTMLText.text($0))</li>\n" }.joined() + "</ul>\n"
        }
        let gaps = system.gaps.filter { $0.concerns(entry.purpose) }
        if !gaps.isEmpty {
            html += "<h4>Missing from this entry</h4>\n<ul>\n"
            html += gaps.map { "<li>(\($0.item.rawValue)) \(HTMLText.text($0.message))</li>\n" }.joined()
            html += "</ul>\n"
        }
        return html + "</section>\n"
    }

    private func entryName(_ entry: RecordEntry) -> String {
        entry.purpose.map { "<code>\(HTMLText.text($0))</code>" } ?? "data no purpose covers"
    }

    private func codes(_ values: [String]) -> String {
        values.map { "<code>\(HTMLText.text($0))</code>" }.joined(separator: ", ")
    }

    /// The entries a gap concerns: `every entry`, or the purposes'.
    private func scope(_ gap: RecordGap, in system: SystemRecord) -> String {
        let entries = system.entries.filter { gap.concerns($0.purpose) }
        if entries.count == system.entries.count { return system.entries.isEmpty ? "the system" : "every entry" }
        return entries.map(entryName).joined(separator: ", ")
    }
}
