import CadreModel

/// The record of processing as CSV (RFC 4180): a header row, then one row per entry (a purpose of
/// a system; a system with no entry gets one row with no purpose, so its missing entries show).
/// Lines end with CRLF; a field is quoted when it holds a comma, a quote or a line break, its
/// quotes doubled. A field a spreadsheet would read as a formula (starting with `=`, `+`, `-`,
/// `@`, a tab or a carriage return) starts with `'`. Lists in a field are joined with `; `.
struct RegisterCSV {
    let record: ProcessingRecord

    static let header = [
        "system", "system_name", "file", "controller", "controller_country", "representative", "dpo", "purpose",
        "purpose_description", "legal_basis", "data_uses", "data_subjects", "data_categories", "recipients",
        "transfers", "retention", "security_measures", "missing", "warnings",
    ]

    func write(to output: ReportOutput) throws {
        try output.write(Self.row(Self.header))
        for system in record.systems {
            let entries: [RecordEntry?] = system.entries.isEmpty ? [nil] : system.entries
            for entry in entries { try output.write(Self.row(fields(system, entry))) }
        }
    }

    private func fields(_ system: SystemRecord, _ entry: RecordEntry?) -> [String] {
        let gaps = system.gaps.filter { entry == nil || $0.concerns(entry?.purpose) }
        func list(_ values: [String]) -> String { values.joined(separator: "; ") }
        func gapText(_ gap: RecordGap) -> String {
            "(\(gap.item.rawValue)) \(gap.message) [\(gap.rule), \(gap.location)]"
        }
        return [
            system.id, system.name, system.file, system.controller.name ?? "", system.controller.country ?? "",
            system.controller.representative, system.controller.dpo ?? "", entry?.purpose ?? "",
            entry?.description ?? "", entry?.legalBasis?.rawValue ?? "", list(entry?.uses ?? []),
            list(entry?.subjects ?? []), list(entry?.data.map(\.category) ?? []),
            list(entry?.recipients.map(\.text) ?? []), list(entry?.transfers.map(\.text) ?? []),
            list(entry?.data.map { "\($0.category): \($0.retention?.text ?? "no period given")" } ?? []),
            list(entry?.security ?? []), list(gaps.filter { $0.level == .fail }.map(gapText)),
            list(gaps.filter { $0.level == .warn }.map(gapText)),
        ]
    }

    /// One record, its fields escaped, ended by CRLF.
    static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// A field: defused when a spreadsheet would take it for a formula, quoted when it must be.
    static func field(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
