import Foundation

/// How cadre writes paths for people: relative as typed, without `.` and with `..` resolved where
/// the path allows (`examples/../policies/cnil` is `policies/cnil`).
public enum DisplayPath {
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
        return normalized(FileManager.default.currentDirectoryPath + "/" + path)
    }

    private static func components(_ path: String) -> [String] {
        path.split(separator: "/").map(String.init)
    }
}

extension Workspace {
    /// The folders of the workspace's packs (`packs:` of cadre.yaml), as shown:
    /// `policies/cnil` for `../policies/cnil` in `examples/cadre.yaml`.
    public var packFolders: [String] {
        configuration.packs.map { Workspace.join(root, $0) }
    }
}
