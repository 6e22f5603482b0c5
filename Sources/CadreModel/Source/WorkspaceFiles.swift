#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files of a workspace: named relative to its folder wherever cadre keeps them — locations,
/// results, rules, the history — and opened or shown from where cadre runs.
///
/// A name is what `cadre.yaml` would write: `systems/voicebot.yaml`, `../policies/cnil/rule.lua`.
/// ``path(_:)`` is where to open it and how to show it to the user who typed the workspace's
/// folder (`examples/systems/voicebot.yaml` for `--workspace examples`); reports make that
/// display only when they print. A history, a baseline or a SARIF file thus reads the same
/// whatever folder cadre ran from.
public struct WorkspaceFiles: Sendable, Hashable {
    /// The workspace's folder as the user gave it (`.`, `examples`, `/srv/ws`).
    public var root: String

    public init(root: String) { self.root = root }

    /// The path of the file named `name`, from where cadre runs: where to open it, and how
    /// users see it. `examples` and `../policies/cnil` give `policies/cnil` (``join(_:_:)``).
    public func path(_ name: String) -> String { Self.join(root, name) }

    /// The name of the file at `path` (as typed, from where cadre runs) in the workspace:
    /// `systems/a.yaml` for `examples/systems/a.yaml`, `../x.yaml` for `x.yaml` seen from
    /// `examples`; an absolute path stays absolute.
    public func name(_ path: String) -> String {
        if path.hasPrefix("/") && !root.hasPrefix("/") { return Self.normalized(path) }
        if root.isEmpty || root == "." { return Self.normalized(path) }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        if path.hasPrefix(prefix) { return Self.normalized(String(path.dropFirst(prefix.count))) }
        if Self.normalized(path) == Self.normalized(root) { return "." }
        return Self.relative(path, to: root)
    }

    /// `location` with its file shown from where cadre runs.
    public func shown(_ location: SourceLocation) -> SourceLocation {
        SourceLocation(file: path(location.file), line: location.line, column: location.column)
    }

    /// `diagnostic` with its file shown from where cadre runs.
    public func shown(_ diagnostic: Diagnostic) -> Diagnostic {
        var diagnostic = diagnostic
        diagnostic.location = shown(diagnostic.location)
        return diagnostic
    }

    // MARK: Paths

    /// `relative` inside `folder`, as users read it: `examples` and `../policies` give
    /// `policies` (``normalized(_:)``), unless a symbolic link makes the two differ. An absolute
    /// `relative` is itself.
    public static func join(_ folder: String, _ relative: String) -> String {
        let joined: String
        if relative.hasPrefix("/") || folder.isEmpty || folder == "." {
            joined = relative
        } else if relative == "." {
            joined = folder
        } else {
            joined = folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
        }
        let normalized = normalized(joined)
        guard normalized != joined, joined.contains("..") else { return normalized }
        // `a/../b` is `b` only when `a` is a real folder: through a symbolic link it is not.
        guard let physical = realPath(joined) else { return normalized }
        return physical == realPath(normalized) ? normalized : joined
    }

    /// `path` with `.` components dropped and `name/..` pairs resolved, lexically (no file
    /// system access; a leading `..` stays).
    public static func normalized(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            if part == "..", absolute { continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// `path` relative to `folder` (both relative to the current directory, or absolute):
    /// `../policies/cnil/rule.lua` for `policies/cnil/rule.lua` seen from `docs`.
    public static func relative(_ path: String, to folder: String) -> String {
        let target = components(absolute(path))
        let base = components(absolute(folder))
        var common = 0
        while common < min(target.count, base.count), target[common] == base[common] { common += 1 }
        let parts = Array(repeating: "..", count: base.count - common) + target[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    private static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return normalized(path) }
        return normalized(currentDirectory() + "/" + path)
    }

    private static func components(_ path: String) -> [String] {
        path.split(separator: "/").map(String.init)
    }

    private static func currentDirectory() -> String {
        guard let cwd = getcwd(nil, 0) else { return "." }
        defer { free(cwd) }
        return String(cString: cwd)
    }

    /// The file's canonical absolute path (`realpath(3)`), or nil when it does not exist.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

extension WorkspaceFiles {
    /// `result` with every location shown from where cadre runs.
    public func shown(_ result: RuleResult) -> RuleResult {
        var result = result
        for index in result.findings.indices {
            result.findings[index].location = shown(result.findings[index].location)
        }
        if let location = result.failure?.location { result.failure?.location = shown(location) }
        if let location = result.failure?.descriptorLocation { result.failure?.descriptorLocation = shown(location) }
        if let location = result.waiver?.location { result.waiver?.location = shown(location) }
        return result
    }

    /// `rule` with its file shown from where cadre runs.
    public func shown(_ rule: RuleInfo) -> RuleInfo {
        var rule = rule
        rule.file = path(rule.file)
        return rule
    }
}
