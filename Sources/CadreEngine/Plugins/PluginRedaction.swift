import CadreModel
import CadreStores
import LuaHost

/// How a plugin detector's matches are shown in reports: by a function of the plugin's, whose
/// every answer cadre checks against the category's ``RevealPolicy``; by the positions cadre
/// keeps itself (`redact = { keep_last = 2 }`, `keep_first`); or, without `redact`, by cadre's
/// standard redaction for the category.
enum PluginRedaction {
    /// `redact = function(match) … end`.
    case function(LuaValue)
    /// `redact = { keep_first = 2, keep_last = 2 }`: the match masked by cadre but for those.
    case keeping(first: Int, last: Int)
    /// No `redact`: ``RevealPolicy/standardRedaction(of:)``.
    case standard

    /// The fields of the declarative form.
    static let fields = ["keep_first", "keep_last"]

    /// Reads the `redact` field of detector `name`, of category `category` under `policy`.
    /// - Returns: the redaction, or a problem in a sentence (the field is then refused).
    static func read(_ value: LuaValue?, detector name: String, category: String, policy: RevealPolicy) -> Result<
        PluginRedaction, Problem
    > {
        switch value {
        case nil, .nil?:
            return .success(.standard)
        case .reference(let reference)? where reference.kind == .function:
            return .success(.function(.reference(reference)))
        case .table(let table)?:
            return keeping(table, detector: name, category: category, policy: policy)
        case let other?:
            return .failure(
                Problem(
                    "detector `\(name)`: field `redact` must be a function or a table such as { keep_last = 2 }, not a \(other.typeName)"
                ))
        }
    }

    /// A problem with `redact`, reported at its line.
    struct Problem: Error {
        var message: String
        var hint: String?
        init(_ message: String, hint: String? = nil) {
            self.message = message
            self.hint = hint
        }
    }

    private static func keeping(_ table: LuaTable, detector name: String, category: String, policy: RevealPolicy)
        -> Result<PluginRedaction, Problem>
    {
        guard table.array.isEmpty else {
            return .failure(
                Problem("detector `\(name)`: `redact` must name what it keeps: { keep_first = n, keep_last = n }"))
        }
        var counts: [String: Int] = [:]
        for (key, value) in table.fields {
            let field = key.stringValue ?? key.description
            guard fields.contains(field) else {
                return .failure(
                    Problem(
                        "detector `\(name)`: `redact` has an unknown field `\(field)`",
                        hint: Suggestion.hint(for: field, among: fields) ?? "fields: keep_first, keep_last"))
            }
            guard let count = value.integerValue, count >= 0, count <= 64 else {
                return .failure(
                    Problem(
                        "detector `\(name)`: `redact.\(field)` must be a whole number from 0 to 64, not \(value.description)"
                    ))
            }
            counts[field] = Int(count)
        }
        let first = counts["keep_first"] ?? 0
        let last = counts["keep_last"] ?? 0
        guard first <= policy.first, last <= policy.last else {
            return .failure(
                Problem(
                    "detector `\(name)`: `redact` keeps more than a `\(category)` match may show: \(policy.summary)",
                    hint: "keep fewer characters (docs/plugins.md, \"What a redaction may show\")"))
        }
        return .success(.keeping(first: first, last: last))
    }
}
