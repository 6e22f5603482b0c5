import Foundation

/// What `cadre validate` reports: every diagnostic of every file, and a summary, as text for
/// people or JSON for tools. Both are deterministic: files in the order found, diagnostics by
/// location.
public struct ValidationReport: Sendable, Codable {
    /// One diagnostic, flattened for JSON.
    public struct Entry: Sendable, Codable, Hashable {
        public var severity: Diagnostic.Severity
        public var code: String
        public var message: String
        public var hint: String?
        public var file: String
        /// 0 when the problem concerns a file or folder as a whole.
        public var line: Int
        public var column: Int
        /// The node concerned (`purposes[1].legal_basis`), when there is one.
        public var path: String?

        init(_ diagnostic: Diagnostic) {
            severity = diagnostic.severity
            code = diagnostic.code.rawValue
            message = diagnostic.message
            hint = diagnostic.hint
            file = diagnostic.location.file
            line = diagnostic.location.line
            column = diagnostic.location.column
            path = diagnostic.path.map(\.description)
        }
    }

    /// One file's outcome.
    public struct File: Sendable, Codable, Hashable {
        public var path: String
        public var valid: Bool
        /// The system's id, when the file is valid.
        public var system: String?
        public var diagnostics: [Entry]
    }

    /// Counts.
    public struct Summary: Sendable, Codable, Hashable {
        public var files: Int
        public var valid: Int
        public var invalid: Int
        public var errors: Int
        public var warnings: Int
    }

    /// Each file's outcome.
    public var files: [File]
    /// Problems outside the descriptor files: missing paths, empty folders, taxonomy files.
    public var other: [Entry]
    public var summary: Summary

    /// The report of a set of loaded descriptors, with `extra` problems found before loading
    /// (in taxonomy files, say).
    public init(_ set: DescriptorSet, extra: [Diagnostic] = []) {
        files = set.loads.map { load in
            File(
                path: load.file, valid: load.isValid, system: load.document?.descriptor.id.value,
                diagnostics: load.diagnostics.map(Entry.init))
        }
        other = (extra + set.pathDiagnostics).map(Entry.init)
        let all = set.loads.flatMap(\.diagnostics) + set.pathDiagnostics + extra
        summary = Summary(
            files: set.loads.count, valid: set.loads.filter(\.isValid).count,
            invalid: set.loads.filter { !$0.isValid }.count,
            errors: all.filter(\.isError).count, warnings: all.filter { !$0.isError }.count)
    }

    /// True when there is no error at all.
    public var isValid: Bool { summary.errors == 0 }

    /// Compiler-style text: `file:line:col: error: message [code]`, an indented `hint:` line,
    /// then a summary line.
    public func text() -> String {
        var lines: [String] = []
        for entry in other + files.flatMap(\.diagnostics) {
            let location = entry.line > 0 ? "\(entry.file):\(entry.line):\(entry.column)" : entry.file
            lines.append(
                "\(TerminalText.line(location)): \(entry.severity.rawValue): \(TerminalText.line(entry.message)) [\(TerminalText.line(entry.code))]"
            )
            if let hint = entry.hint { lines.append("    hint: \(TerminalText.line(hint))") }
        }
        if !lines.isEmpty { lines.append("") }
        lines.append(summaryLine)
        return lines.joined(separator: "\n") + "\n"
    }

    /// Only the errors, one a line (`--quiet`): nothing when every file is valid.
    public func errorLines() -> String {
        let lines = (other + files.flatMap(\.diagnostics)).filter { $0.severity == .error }.map { entry in
            let location = entry.line > 0 ? "\(entry.file):\(entry.line):\(entry.column)" : entry.file
            return
                "\(TerminalText.line(location)): error: \(TerminalText.line(entry.message)) [\(TerminalText.line(entry.code))]"
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    /// `9 files checked: 8 valid, 1 invalid (2 errors, 1 warning)`.
    public var summaryLine: String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        var line = "\(count(summary.files, "file")) checked: \(summary.valid) valid, \(summary.invalid) invalid"
        line += " (\(count(summary.errors, "error")), \(count(summary.warnings, "warning")))"
        return line
    }

    /// The report as pretty-printed JSON with sorted keys.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
