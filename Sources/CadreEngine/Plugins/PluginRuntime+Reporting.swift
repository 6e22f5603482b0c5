import CadreModel
import Foundation
import LuaHost

extension PluginRuntime {
    /// Renders a run with the plugin reporter of `format`: its `render(report)` receives the JSON
    /// report (`cadre-evaluation/v1`, as `report`), as read-only tables, and returns the text.
    /// - Throws: a ``Diagnostic`` at the reporter's file and line when there is no such reporter,
    ///   when `render` fails (an error, a limit) or returns anything but a string.
    public func render(format: String, report json: String) throws(Diagnostic) -> String {
        guard let reporter = reporterEntries.first(where: { $0.format == format }) else {
            throw Diagnostic.error(
                .unknownFormat, at: .whole("cadre.yaml"), "no enabled plugin provides the report format `\(format)`",
                hint: Suggestion.hint(for: format, among: reporterEntries.map(\.format)))
        }
        let tree: LuaValue
        do {
            tree = try state.readOnly(try JSONTree.value(of: json))
        } catch {
            throw Diagnostic.error(
                .pluginReporter, at: .whole(reporter.file),
                "the report cannot be handed to reporter `\(format)`: \(error)")
        }
        defer { if let reference = tree.referenceValue { state.release(reference) } }
        let answer: [LuaValue]
        do {
            answer = try state.call(reporter.render, [tree], limits: scaled(forBytes: json.utf8.count), mode: .data)
        } catch {
            throw Self.failure(of: "reporter `\(format)` of plugin \(reporter.plugin)", error, file: reporter.file)
        }
        guard case .string(let text)? = answer.first else {
            throw Diagnostic.error(
                .pluginReporter, at: .start(of: reporter.file),
                "reporter `\(format)` of plugin \(reporter.plugin): render must return a string, not \(answer.first.map { "a \($0.typeName)" } ?? "nothing")"
            )
        }
        return text
    }

    /// A plugin function's error as a diagnostic at its file and line.
    static func failure(of what: String, _ error: LuaError, file: String) -> Diagnostic {
        let location = SourceLocation(file: error.file ?? file, line: error.line ?? 1, column: 1)
        return .error(
            .pluginFailed, at: location, "\(what) failed: \(error.message)",
            hint: error.isLimit
                ? "plugins run under the workspace's limits (cadre.yaml `limits:`), scaled by the size of their input"
                : nil)
    }
}

/// JSON text as a Lua value: objects as tables with their keys in sorted order, arrays as lists.
enum JSONTree {
    private indirect enum Node: Decodable {
        case null
        case bool(Bool)
        case integer(Int64)
        case number(Double)
        case string(String)
        case array([Node])
        case object([String: Node])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let b = try? container.decode(Bool.self) {
                self = .bool(b)
            } else if let i = try? container.decode(Int64.self) {
                self = .integer(i)
            } else if let d = try? container.decode(Double.self) {
                self = .number(d)
            } else if let s = try? container.decode(String.self) {
                self = .string(s)
            } else if let a = try? container.decode([Node].self) {
                self = .array(a)
            } else {
                self = .object(try container.decode([String: Node].self))
            }
        }

        var value: LuaValue {
            switch self {
            case .null: .nil
            case .bool(let b): .boolean(b)
            case .integer(let i): .integer(i)
            case .number(let d): .number(d)
            case .string(let s): .string(s)
            case .array(let elements): .table(LuaTable(array: elements.map(\.value)))
            case .object(let members):
                .table(LuaTable(fields: members.sorted { $0.key < $1.key }.map { ($0.key, $0.value.value) }))
            }
        }
    }

    static func value(of json: String) throws -> LuaValue {
        try JSONDecoder().decode(Node.self, from: Data(json.utf8)).value
    }
}
