import CadreModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The folder CI tools name files from — code scanning's `%SRCROOT%`, GitHub's annotations,
/// GitLab's Code Quality: the repository's root (the git top level) when the workspace is inside
/// one, else the workspace's folder; or the folder `--sarif-root` names.
///
/// Reports name their files from it whatever folder cadre runs from: a file named in the
/// workspace (``WorkspaceFiles``) is placed from the workspace's absolute path, never from what
/// the user typed.
public struct SourceRoot: Sendable, Hashable {
    /// The root, absolute, symbolic links resolved.
    public var path: String
    /// The workspace's folder, absolute, symbolic links resolved.
    public var workspace: String

    public init(path: String, workspace: String) {
        self.path = WorkspaceFiles.normalized(path)
        self.workspace = WorkspaceFiles.normalized(workspace)
    }

    /// The root of the workspace at `workspace` (as typed, from where cadre runs): `explicit`
    /// when given, else the nearest folder upward holding `.git` (a folder, or the file of a
    /// linked worktree or a submodule), else the workspace itself.
    ///
    /// - Returns: nil when a folder does not exist.
    public static func find(workspace: String, explicit: String? = nil) -> SourceRoot? {
        guard let absoluteWorkspace = realPath(workspace) else { return nil }
        if let explicit {
            guard let root = realPath(explicit), isFolder(root) else { return nil }
            return SourceRoot(path: root, workspace: absoluteWorkspace)
        }
        var folder = absoluteWorkspace
        while true {
            if exists(folder == "/" ? "/.git" : folder + "/.git") {
                return SourceRoot(path: folder, workspace: absoluteWorkspace)
            }
            guard folder != "/", let slash = folder.lastIndex(of: "/") else { break }
            folder = slash == folder.startIndex ? "/" : String(folder[..<slash])
        }
        return SourceRoot(path: absoluteWorkspace, workspace: absoluteWorkspace)
    }

    /// The file named `name` in the workspace, relative to the root (`examples/systems/a.yaml`);
    /// nil when it lies outside the root.
    public func relative(_ name: String) -> String? {
        let absolute = self.absolute(name)
        if absolute == path { return "." }
        let prefix = path == "/" ? "/" : path + "/"
        guard absolute.hasPrefix(prefix) else { return nil }
        return String(absolute.dropFirst(prefix.count))
    }

    /// The file named `name` in the workspace, as an absolute path.
    public func absolute(_ name: String) -> String {
        WorkspaceFiles.join(workspace, name)
    }

    /// The root as a `file:` URI ending in `/`, as SARIF's `originalUriBaseIds` wants it.
    public var uri: String { "file://" + Self.encoded(path.hasSuffix("/") ? path : path + "/") }

    /// `path` as a URI reference: percent-encoded, `/` kept.
    static func encoded(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "/"), UInt8(ascii: "@"), UInt8(ascii: "+"), UInt8(ascii: "="),
                UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
                UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: ","), UInt8(ascii: ";"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    // MARK: File system

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    private static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}

/// Where a report's CI tool reads a file named in the workspace: relative to the root, or, for a
/// file outside it, its absolute path.
struct RootedFiles {
    let root: SourceRoot?
    let files: WorkspaceFiles

    /// The path of `name` from the root; without a root, the path shown from where cadre runs.
    func path(_ name: String) -> (path: String, inRoot: Bool) {
        guard let root else {
            let shown = files.path(name)
            return (shown.hasPrefix("./") ? String(shown.dropFirst(2)) : shown, !shown.hasPrefix("/"))
        }
        if let relative = root.relative(name) { return (relative, true) }
        return (root.absolute(name), false)
    }
}
