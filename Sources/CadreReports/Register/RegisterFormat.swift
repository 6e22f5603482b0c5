import CadreModel

/// The formats of `cadre register`.
public enum RegisterFormat: String, CaseIterable, Sendable {
    case markdown, csv, html, json

    /// Writes `record` in this format to `output`.
    public func write(_ record: ProcessingRecord, to output: ReportOutput) throws {
        switch self {
        case .markdown: try RegisterMarkdown(record: record).write(to: output)
        case .csv: try RegisterCSV(record: record).write(to: output)
        case .html: try RegisterHTML(record: record).write(to: output)
        case .json: try RegisterJSON(record: record).write(to: output)
        }
    }
}
