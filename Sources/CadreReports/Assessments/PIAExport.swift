import CadreModel
import Foundation

/// A draft DPIA as the file the CNIL's PIA tool imports (its own export: LINCnil/pia,
/// `PiaService.exportData` and `importData`): `pia` (the assessment's card), `answers` (one per
/// question of sections 1 and 2, `reference_to` the question's number, `data.text` HTML),
/// `measures` (section 3.1), `evaluations` (none: nobody has evaluated the draft) and `comments`
/// (one per finding of a rule, on the question it concerns). Every date is the as-of date at
/// midnight UTC: the same draft on every run.
public enum PIAExport {
    /// What the tool shows before an imported answer: a draft's question is for people.
    static let questionMark = "Question (cadre):"

    /// The JSON document of `draft` (from ``DPIADraft/draft(_:)``), keys sorted, ending with a newline.
    public static func json(_ draft: AssessmentDraft) -> String {
        let date = "\(draft.asOf)T00:00:00.000Z"
        let pia: [String: Any] = [
            "id": 1,
            "name": draft.name,
            "category": "",
            "status": 0,
            "author_name": "",
            "evaluator_name": "",
            "validator_name": "",
            "dpo_status": NSNull(),
            "dpo_opinion": NSNull(),
            "dpos_names": NSNull(),
            "people_names": NSNull(),
            "concerned_people_status": NSNull(),
            "concerned_people_opinion": NSNull(),
            "concerned_people_searched_opinion": NSNull(),
            "concerned_people_searched_content": NSNull(),
            "rejection_reason": "",
            "applied_adjustments": "",
            "structure_id": NSNull(),
            "created_at": date,
            "updated_at": date,
        ]
        var answers: [[String: Any]] = []
        var comments: [[String: Any]] = []
        for (index, question) in DPIADraft.questions.enumerated() {
            guard let section = draft.section(question.id), let reference = Int(question.id) else { continue }
            var entries = section.entries
            var text = entries.filter { $0.kind != .finding }.map(paragraph).joined(separator: "\n")
            // The tool has no question for why a DPIA is required: it closes the processing's overview.
            if question.id == "111", let required = draft.section("required") {
                text += "\n<p><strong>\(HTMLText.text(required.title))</strong></p>\n"
                text += required.entries.filter { $0.kind != .finding }.map(paragraph).joined(separator: "\n")
                entries += required.entries
            }
            answers.append([
                "id": index + 1, "pia_id": 1, "reference_to": reference,
                "data": ["text": text, "gauge": 0, "list": [String]()] as [String: Any],
                "created_at": date, "updated_at": date,
            ])
            for entry in entries where entry.kind == .finding {
                comments.append([
                    "id": comments.count + 1, "pia_id": 1, "reference_to": reference, "for_measure": false,
                    "description": comment(entry), "created_at": date, "updated_at": date,
                ])
            }
        }
        let measures: [[String: Any]] = (draft.section("3.1")?.entries ?? []).enumerated().map { index, entry in
            [
                "id": index + 1, "pia_id": 1, "title": entry.title ?? "Measure",
                "content": code(HTMLText.text(entry.kind == .question ? "\(questionMark) \(entry.text)" : entry.text)),
                "placeholder": "measures.default_placeholder", "created_at": date, "updated_at": date,
            ]
        }
        let document: [String: Any] = [
            "pia": pia, "answers": answers, "measures": measures, "evaluations": [Any](), "comments": comments,
        ]
        let data =
            (try? JSONSerialization.data(
                withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// An entry as a paragraph of the tool's rich text; a question stands out.
    static func paragraph(_ entry: AssessmentDraft.Entry) -> String {
        // A fact a rule states is followed by the rule, as in Markdown; other titles lead.
        let title = entry.rule == nil ? entry.title.map { "\($0): " } ?? "" : ""
        let rule = entry.rule.map { " (`\($0)`)" } ?? ""
        let text = code(HTMLText.text(title + entry.text + rule))
        return entry.kind == .question ? "<p><strong>\(questionMark)</strong> \(text)</p>" : "<p>\(text)</p>"
    }

    /// Escaped text with its code spans (`` `x` ``, as the rules write identifiers) as `<code>`.
    static func code(_ escaped: String) -> String {
        escaped.replacing(/`([^`]+)`/) { "<code>\($0.output.1)</code>" }
    }

    /// A finding as the text of a comment: the rule, its severity and status, the message, where
    /// it points, what to do.
    static func comment(_ entry: AssessmentDraft.Entry) -> String {
        var text = "cadre: \(entry.rule ?? "rule")"
        let state = [entry.severity?.rawValue, entry.status?.rawValue].compactMap { $0 }
        if !state.isEmpty { text += " (\(state.joined(separator: ", ")))" }
        text += ": \(TerminalText.line(entry.text))"
        if let location = entry.location { text += " [\(TerminalText.line(location))]" }
        if let remediation = entry.remediation { text += "\nWhat to do: \(TerminalText.line(remediation))" }
        if let references = entry.references, !references.isEmpty {
            text += "\nReferences: " + references.map(TerminalText.line).joined(separator: "; ")
        }
        return text
    }
}
