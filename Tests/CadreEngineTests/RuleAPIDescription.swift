import Foundation

/// The rule API as a description names it — types/cadre.lua (lua-language-server annotations) or
/// docs/rules.md (its reference tables) — in ``LiveRuleAPI``'s names.
struct RuleAPIDescription {
    /// The names described.
    var names: Set<String> = []
    /// For types/cadre.lua: the fields of `cadre.System`, and whether each may be nil.
    var systemFields: [String: (type: String, optional: Bool)] = [:]

    /// The classes of types/cadre.lua that describe what a rule reaches, by the name a rule
    /// reaches them by. Other classes (a rule's table, a test's result, plugins) are not the API
    /// a rule calls.
    static let classes: [String: String] = [
        "cadre.Library": "cadre", "cadre.Taxonomy": "cadre.taxonomy", "cadre.People": "cadre.people",
        "cadre.Context": "ctx", "cadre.Store": "store", "cadre.System": "system", "cadre.Duration": "duration",
        "cadre.Date": "date", "cadre.Pack": "pack", "cadre.Expectation": "expectation",
    ]

    /// The first names of what docs/rules.md's tables describe; a matcher (`to_pass()`) is an
    /// expectation's.
    static let roots: Set<String> = [
        "cadre", "system", "ctx", "store", "duration", "date", "pack", "require",
        "describe", "it", "before_each", "after_each", "fixture", "run", "expect",
    ]

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// types/cadre.lua: each mapped class's fields and functions, and the global functions.
    static func types() throws -> RuleAPIDescription {
        let text = try String(contentsOf: repository.appendingPathComponent("types/cadre.lua"), encoding: .utf8)
        var description = RuleAPIDescription()
        var currentClass: String?
        var variables: [String: String] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let match = line.firstMatch(of: /^---@class ([\w.]+)/) {
                currentClass = String(match.1)
            } else if let match = line.firstMatch(of: /^---@field (\w+)(\??) (.+?)( [A-Z`].*)?$/),
                let owner = currentClass
            {
                let name = String(match.1)
                if owner == "cadre.System" {
                    description.systemFields[name] = (String(match.3), !match.2.isEmpty)
                } else if let prefix = classes[owner] {
                    description.names.insert("\(prefix).\(name)")
                }
            } else if let match = line.firstMatch(of: /^(?:local )?(\w+) = \{\}/), let owner = currentClass {
                variables[String(match.1)] = owner
                currentClass = nil
            } else if let match = line.firstMatch(of: /^function (\w+)[.:](\w+)\(/) {
                if let owner = variables[String(match.1)], let prefix = classes[owner] {
                    description.names.insert("\(prefix).\(match.2)")
                }
            } else if let match = line.firstMatch(of: /^function (\w+)\(/) {
                description.names.insert(String(match.1))
            } else if !line.hasPrefix("---") {
                currentClass = nil
            }
        }
        return description
    }

    /// docs/rules.md: the names in the first cell of its tables' rows.
    static func docs() throws -> RuleAPIDescription {
        let text = try String(contentsOf: repository.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        var description = RuleAPIDescription()
        for line in text.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false)
            guard cells.count > 2 else { continue }
            for span in cells[1].matches(of: /`([^`]+)`/) {
                guard let match = span.1.prefixMatch(of: /[A-Za-z_]\w*(?:[.:][A-Za-z_]\w*)*/) else { continue }
                let name = match.0.replacingOccurrences(of: ":", with: ".")
                let root = String(name.prefix { $0 != "." })
                if roots.contains(root) {
                    description.names.insert(name)
                } else if name.hasPrefix("to_"), !name.contains(".") {
                    description.names.insert("expectation.\(name)")
                }
            }
        }
        return description
    }

    /// The names of `live` this description leaves out; a table of functions (`cadre.taxonomy`)
    /// is described when something in it is.
    func missing(from live: LiveRuleAPI) -> [String] {
        live.names.keys.filter { name in
            !names.contains(name) && !(live.names[name] == "table" && names.contains { $0.hasPrefix(name + ".") })
        }.sorted()
    }

    /// The names this description gives that `live` does not have.
    func unknown(to live: LiveRuleAPI) -> [String] {
        names.subtracting(live.names.keys).sorted()
    }
}
