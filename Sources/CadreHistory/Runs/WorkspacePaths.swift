import CadreEngine
import CadreModel

/// Paths in a recorded run are relative to the workspace's folder, so the history reads the same
/// whether cadre ran from the workspace (`systems/a.yaml`) or from elsewhere
/// (`examples/systems/a.yaml`). This converts between the paths users see and recorded ones.
struct WorkspacePaths: Sendable {
    /// The workspace's folder as shown to users (`.`, `examples`).
    let root: String

    /// `file` relative to the workspace (unchanged when it is absolute or outside the root's prefix).
    func relative(_ file: String) -> String {
        if root.isEmpty || root == "." { return file.hasPrefix("./") ? String(file.dropFirst(2)) : file }
        if file == root { return "." }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
    }

    /// A recorded path as users see it from where cadre runs now (`examples/../policies/a.lua`
    /// is shown `policies/a.lua`).
    func shown(_ file: String) -> String { Workspace.joinPath(root, file) }

    func relative(_ location: SourceLocation) -> SourceLocation {
        SourceLocation(file: relative(location.file), line: location.line, column: location.column)
    }

    func shown(_ location: SourceLocation) -> SourceLocation {
        SourceLocation(file: shown(location.file), line: location.line, column: location.column)
    }

    /// `result` with every location converted by `convert`.
    func relocate(_ result: RuleResult, _ convert: (SourceLocation) -> SourceLocation) -> RuleResult {
        var result = result
        for index in result.findings.indices { result.findings[index].location = convert(result.findings[index].location) }
        if let location = result.failure?.location { result.failure?.location = convert(location) }
        if let location = result.waiver?.location { result.waiver?.location = convert(location) }
        return result
    }

    func relocate(_ diagnostics: [Diagnostic], _ convert: (SourceLocation) -> SourceLocation) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            diagnostic.location = convert(diagnostic.location)
            return diagnostic
        }
    }

    func relocate(_ waivers: [Waiver], _ convert: (SourceLocation) -> SourceLocation) -> [Waiver] {
        waivers.map { waiver in
            var waiver = waiver
            waiver.location = convert(waiver.location)
            return waiver
        }
    }

    func relocate(_ rule: RuleInfo, _ convert: (String) -> String) -> RuleInfo {
        var rule = rule
        rule.file = convert(rule.file)
        return rule
    }
}
