import CadreModel

/// A draft assessment in Markdown, for people without the PIA tool or for a FRIA: a heading per
/// section, and a list item per entry — facts as they are, findings with their rule, questions
/// marked **Question**. Text cadre did not write goes through ``MarkdownText``.
public enum AssessmentMarkdown {
    public static func render(_ draft: AssessmentDraft) -> String {
        let kind =
            draft.assessment == "fria" ? "fundamental rights impact assessment" : "data protection impact assessment"
        var out = "# Draft \(kind): \(MarkdownText.inline(draft.name)) (`\(draft.system)`)\n\n"
        out +=
            "Drafted by cadre from \(MarkdownText.code(draft.file)) and the rules of \(MarkdownText.inline(DescriptorFacts.list(draft.packs))), "
            + "under the law in force on \(draft.asOf). It holds what the descriptor states, what the rules found, "
            + "and, marked **Question**, what only the people carrying out the assessment can answer "
            + "(\(Plural.count(draft.questionCount, "question"))). Nothing in it has been assessed by a person yet.\n"
        for section in draft.sections {
            out += "\n## \(label(section.id))\(MarkdownText.inline(section.title))\n\n"
            if section.entries.isEmpty { out += "Nothing to report.\n" }
            for entry in section.entries { out += item(entry) }
        }
        return out
    }

    /// `1.1.1 ` for a question of the PIA method (`111`), `(a) ` for a point of Art. 27(1).
    static func label(_ id: String) -> String {
        if id.count == 3, id.allSatisfy(\.isNumber) { return id.map(String.init).joined(separator: ".") + " " }
        if id.first?.isNumber == true { return id + " " }
        if id.count == 1 { return "(\(id)) " }
        return ""
    }

    static func item(_ entry: AssessmentDraft.Entry) -> String {
        let title = entry.title.map { "\(MarkdownText.inline($0)): " } ?? ""
        switch entry.kind {
        case .fact:
            let rule = entry.rule.map { " (`\($0)`)" } ?? ""
            return "- \(entry.rule == nil ? title : "")\(MarkdownText.inline(entry.text))\(rule)\n"
        case .question:
            return "- **Question:** \(title)\(MarkdownText.inline(entry.text))\n"
        case .finding:
            let state = [entry.severity?.rawValue, entry.status?.rawValue].compactMap { $0 }.joined(separator: ", ")
            var text = "- **Finding** `\(entry.rule ?? "")` (\(state)): \(MarkdownText.inline(entry.text))"
            if let location = entry.location { text += " — \(MarkdownText.code(location))" }
            text += "\n"
            if let remediation = entry.remediation { text += "  What to do: \(MarkdownText.inline(remediation))\n" }
            return text
        }
    }
}
