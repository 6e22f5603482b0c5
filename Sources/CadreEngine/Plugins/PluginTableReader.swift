import CadreModel
import LuaHost

/// Checks what a plugin file returned — detectors, importers or reporters — as rule files are
/// checked: every missing, mistyped or unknown field is a problem naming the file, the field and
/// its line.
struct PluginTableReader {
    /// What an extension point's tables hold.
    struct Kind {
        enum FieldType { case string, function, strings, redaction }
        /// `detector`, `importer`, `reporter`.
        var name: String
        /// The field that names an entry (`name` or `format`).
        var key: String
        /// The code of the file's problems (`plugin-detector`…).
        var code: DiagnosticCode
        var required: [(String, FieldType)]
        var optional: [(String, FieldType)]

        var fields: [String] { (required + optional).map(\.0) }

        static let detector = Kind(
            name: "detector", key: "name", code: .pluginDetector,
            required: [("name", .string), ("category", .string), ("pattern", .string)],
            optional: [("validate", .function), ("redact", .redaction), ("description", .string)])
        static let importer = Kind(
            name: "importer", key: "format", code: .pluginImporter,
            required: [("format", .string), ("import", .function)],
            optional: [("description", .string), ("extensions", .strings)])
        static let reporter = Kind(
            name: "reporter", key: "format", code: .pluginReporter,
            required: [("format", .string), ("render", .function)],
            optional: [("description", .string), ("extension", .string)])
    }

    let kind: Kind
    let file: Pack.File
    private(set) var diagnostics: [Diagnostic] = []

    init(kind: Kind, file: Pack.File) {
        self.kind = kind
        self.file = file
    }

    /// The entries `value` (what the file returned) declares: each a table whose fields have
    /// the right types.
    mutating func read(_ value: LuaValue) -> [LuaTable] {
        guard case .table(let table) = value else {
            problem(
                nil,
                "the file returned \(value.isNil ? "nothing" : "a \(value.typeName)"); a \(kind.name) file returns a \(kind.name) (a table with \(kind.required.map(\.0).joined(separator: ", "))) or a list of them"
            )
            return []
        }
        if table[kind.key] != nil || table.array.isEmpty { return entry(table).map { [$0] } ?? [] }
        var entries: [LuaTable] = []
        for (index, element) in table.array.enumerated() {
            guard case .table(let entry) = element else {
                problem(nil, "element \(index + 1) of the returned list is a \(element.typeName), not a \(kind.name)")
                continue
            }
            if let checked = self.entry(entry) { entries.append(checked) }
        }
        return entries
    }

    private mutating func entry(_ table: LuaTable) -> LuaTable? {
        let before = diagnostics.count
        let label = table[kind.key]?.stringValue.map { "\(kind.name) `\($0)`" } ?? "the \(kind.name)"
        for (key, _) in table.fields {
            guard let field = key.stringValue, kind.fields.contains(field) else {
                let field = key.stringValue ?? key.description
                problem(
                    key.stringValue, "\(label) has an unknown field `\(field)`",
                    hint: Suggestion.hint(for: field, among: kind.fields)
                        ?? "fields: \(kind.fields.joined(separator: ", "))")
                continue
            }
        }
        for (field, type) in kind.required + kind.optional {
            let isRequired = kind.required.contains { $0.0 == field }
            guard let value = table[field] else {
                if isRequired { problem(nil, "\(label) is missing required field `\(field)` (\(Self.describe(type)))") }
                continue
            }
            if !Self.matches(value, type) {
                problem(field, "\(label): field `\(field)` must be \(Self.describe(type)), not a \(value.typeName)")
            } else if type == .string, value.stringValue?.trimmingCharacters(in: .whitespaces).isEmpty == true {
                problem(field, "\(label): `\(field)` is empty")
            }
        }
        return diagnostics.count == before ? table : nil
    }

    private static func matches(_ value: LuaValue, _ type: Kind.FieldType) -> Bool {
        switch (type, value) {
        case (.string, .string): true
        case (.function, .reference(let r)): r.kind == .function
        case (.strings, .table(let list)): list.fields.isEmpty && list.array.allSatisfy { $0.stringValue != nil }
        case (.redaction, .reference(let r)): r.kind == .function
        case (.redaction, .table): true
        default: false
        }
    }

    private static func describe(_ type: Kind.FieldType) -> String {
        switch type {
        case .string: "a string"
        case .function: "a function"
        case .strings: "a list of strings"
        case .redaction: "a function or a table such as { keep_last = 2 }"
        }
    }

    /// A problem at the line that assigns `field` (or the file's start).
    mutating func problem(_ field: String?, _ message: String, hint: String? = nil) {
        let location =
            field.flatMap { RuleTableReader.line(of: $0, in: file.source) }
            .map { SourceLocation(file: file.path, line: $0, column: 1) } ?? SourceLocation.start(of: file.path)
        diagnostics.append(.error(kind.code, at: location, message, hint: hint))
    }
}
