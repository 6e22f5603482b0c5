import CadreModel

/// The record of processing in Markdown: a table of the systems, then each system's actors, its
/// entries (one per purpose) section by section as the CNIL's template orders them, and the
/// entries its descriptor does not give. Everything the descriptors say goes through
/// ``MarkdownText``.
struct RegisterMarkdown {
    let record: ProcessingRecord

    func write(to output: ReportOutput) throws {
        var lines = ["# Record of processing activities", ""]
        lines += [
            "GDPR Art. 30(1), in the layout of the CNIL's template (registre des activités de traitement)"
                + (record.workspace.map { ", for **\(MarkdownText.inline($0))**" } ?? "")
                + ". Made from the systems' descriptors: what they say, and the entries they do not give.",
            "",
        ]
        let gaps = record.gaps
        lines += [
            "\(Plural.count(record.systems.count, "system")), \(Plural.count(record.systems.map(\.entries.count).reduce(0, +), "entry", plural: "entries")), "
                + "\(Plural.count(gaps.filter { $0.level == .fail }.count, "missing entry", plural: "missing entries")) "
                + "and \(Plural.count(gaps.filter { $0.level == .warn }.count, "warning")).",
            "",
        ]
        if !record.systems.isEmpty {
            lines += ["| system | purposes | missing | warnings | file |", "|---|---|---:|---:|---|"]
            for system in record.systems {
                let purposes = system.entries.map { entryName($0, inTable: true) }.joined(separator: ", ")
                lines.append(
                    "| \(MarkdownText.code(system.id, inTable: true)) | \(purposes.isEmpty ? "none" : purposes) | "
                        + "\(system.gaps.filter { $0.level == .fail }.count) | \(system.gaps.filter { $0.level == .warn }.count) | "
                        + "\(MarkdownText.code(system.file, inTable: true)) |")
            }
            lines.append("")
        }
        try output.write(lines: lines)
        for system in record.systems { try output.write(lines: self.system(system)) }
    }

    private func system(_ system: SystemRecord) -> [String] {
        var lines = ["## \(MarkdownText.inline(system.name)) — \(MarkdownText.code(system.id))", ""]
        if let description = system.description {
            lines += [
                MarkdownText.paragraph(String(description.reversed().drop(while: \.isWhitespace).reversed())), "",
            ]
        }
        var facts = ["File \(MarkdownText.code(system.file))", "owner \(MarkdownText.inline(system.owner))"]
        if let role = system.gdprRole { facts.append("GDPR role: \(role.rawValue)") }
        lines += [facts.joined(separator: "; ") + ".", ""]
        lines += ["### Actors (acteurs)", "", "| role | who |", "|---|---|"]
        let controller = system.controller
        let organisation = controller.name.map { name in
            MarkdownText.inline(name, inTable: true)
                + (controller.country.map { ", \(MarkdownText.inline($0, inTable: true))" } ?? "")
        }
        lines += [
            "| Controller (responsable du traitement) | \(organisation ?? "not given by the descriptor") |",
            "| Representative in the Union (représentant, Art. 27) | \(MarkdownText.inline(controller.representative, inTable: true)) |",
            "| Data protection officer (DPO) | \(controller.dpo.map { MarkdownText.inline($0, inTable: true) } ?? "not given by the descriptor") |",
            "",
        ]
        if system.entries.isEmpty {
            lines += ["The descriptor declares no purpose and no personal data: the system has no entry.", ""]
        }
        for (index, entry) in system.entries.enumerated() {
            lines += self.entry(entry, number: index + 1)
        }
        lines += ["### Missing entries", ""]
        if system.gaps.isEmpty {
            lines += ["None: the descriptor gives every entry the rules of the record check.", ""]
        } else {
            lines += ["| Art. 30(1) | entries | missing | rule | where |", "|---|---|---|---|---|"]
            for gap in system.gaps {
                let level = gap.level == .warn ? " (warning)" : ""
                lines.append(
                    "| (\(gap.item.rawValue)) \(gap.item.title)\(level) | \(scope(gap, in: system)) | \(MarkdownText.inline(gap.message, inTable: true)) | "
                        + "\(MarkdownText.code(gap.rule, inTable: true)) | \(MarkdownText.code(gap.location.description, inTable: true)) |"
                )
            }
            lines.append("")
        }
        return lines
    }

    private func entry(_ entry: RecordEntry, number: Int) -> [String] {
        var lines = ["### Entry \(number): \(entryName(entry))", ""]
        lines += ["#### Purpose (finalité)", ""]
        if entry.purpose == nil {
            lines += ["Data that no declared purpose covers.", ""]
        } else {
            var facts = ["- Purpose: \(entry.description.map { MarkdownText.inline($0) } ?? "not described")"]
            facts.append("- Legal basis: " + (entry.legalBasis.map { "\($0.rawValue), \($0.summary)" } ?? "not given"))
            if let assessment = entry.legitimateInterestAssessment {
                facts.append("- Legitimate-interest assessment: \(MarkdownText.inline(assessment))")
            }
            if let condition = entry.specialCategoryCondition {
                facts.append("- Special categories (Art. 9(2)): \(condition.rawValue), \(condition.summary)")
            }
            facts.append(
                "- Data uses: "
                    + (entry.uses.isEmpty
                        ? "none named" : entry.uses.map { MarkdownText.code($0) }.joined(separator: ", ")))
            lines += facts + [""]
        }
        lines += ["#### Data subjects (catégories de personnes concernées)", ""]
        lines += [
            entry.subjects.isEmpty
                ? "None named." : entry.subjects.map { MarkdownText.code($0) }.joined(separator: ", "), "",
        ]
        lines += ["#### Personal data (catégories de données)", ""]
        if entry.data.isEmpty {
            lines += ["None declared for this purpose.", ""]
        } else {
            lines += ["| category | description | subjects | source | held in |", "|---|---|---|---|---|"]
            for item in entry.data {
                let subjects = item.subjects.map { MarkdownText.code($0, inTable: true) }.joined(separator: ", ")
                let stores = item.stores.map { MarkdownText.inline($0.text, inTable: true) }.joined(separator: ", ")
                lines.append(
                    "| \(MarkdownText.code(item.category, inTable: true)) | \(item.description.map { MarkdownText.inline($0, inTable: true) } ?? "") | "
                        + "\(subjects.isEmpty ? "not said" : subjects) | \(item.source?.rawValue ?? "") | \(stores) |")
            }
            lines.append("")
        }
        lines += ["#### Recipients (destinataires)", ""]
        if entry.recipients.isEmpty {
            lines += ["No processor receives this data.", ""]
        } else {
            for recipient in entry.recipients {
                var line = "- \(MarkdownText.inline(recipient.text))"
                line += ": contract " + (recipient.contract.map { "\($0.rawValue) (\($0.summary))" } ?? "not said")
                if !recipient.receives.isEmpty {
                    line += "; receives " + recipient.receives.map { MarkdownText.code($0) }.joined(separator: ", ")
                }
                lines.append(line)
            }
            lines.append("")
        }
        lines += ["#### Transfers outside the EEA (transferts hors UE)", ""]
        if entry.transfers.isEmpty {
            lines += ["None: the data stays in the EEA.", ""]
        } else {
            lines += entry.transfers.map { "- \(MarkdownText.inline($0.text))" } + [""]
        }
        lines += ["#### Retention (durées de conservation)", ""]
        if entry.data.isEmpty {
            lines += ["No data.", ""]
        } else {
            lines +=
                entry.data.map { item in
                    "- \(MarkdownText.code(item.category)): \(MarkdownText.inline(item.retention?.text ?? "no period given"))"
                } + [""]
        }
        lines += ["#### Security measures (mesures de sécurité)", ""]
        if entry.security.isEmpty {
            lines += ["None recorded in the descriptor.", ""]
        } else {
            lines += entry.security.map { "- \(MarkdownText.inline($0))" } + [""]
        }
        return lines
    }

    private func entryName(_ entry: RecordEntry, inTable: Bool = false) -> String {
        entry.purpose.map { MarkdownText.code($0, inTable: inTable) } ?? "data no purpose covers"
    }

    /// The entries a gap concerns: `every entry`, or the purposes'.
    private func scope(_ gap: RecordGap, in system: SystemRecord) -> String {
        let entries = system.entries.filter { gap.concerns($0.purpose) }
        if entries.count == system.entries.count { return system.entries.isEmpty ? "the system" : "every entry" }
        return entries.map { entryName($0, inTable: true) }.joined(separator: ", ")
    }
}
