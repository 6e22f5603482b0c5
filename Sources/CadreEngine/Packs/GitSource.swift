import CadreModel

/// A pack published in a git repository, as `cadre.yaml` names it:
///
/// ```yaml
/// packs:
///   - { git: https://git.example.com/compliance/packs.git, ref: v1.2.0, path: cnil }
/// ```
///
/// `ref` is a tag, a branch or a commit; `path` the pack's folder inside the repository (default:
/// its root). Which commit `ref` meant, and the digest of the pack found there, are pinned in
/// `cadre.lock` (``PackLock``), written by `cadre packs update`.
public struct GitSource: Sendable, Hashable {
    /// The repository, as `git clone` takes it (`https://…`, `ssh://…`, `git@host:path`, `file://…`),
    /// as written: a token is written `${VAR}` (`https://x-access-token:${PACKS_TOKEN}@host/packs.git`),
    /// resolved from the environment only when git runs, and never printed or written to the lock.
    public var url: String
    /// The tag, branch or commit to use.
    public var ref: String
    /// The pack's folder inside the repository; empty for its root.
    public var path: String

    public init(url: String, ref: String, path: String = "") {
        self.url = url
        self.ref = ref
        self.path = WorkspaceFiles.normalized(path) == "." ? "" : WorkspaceFiles.normalized(path)
    }

    /// How `cadre.yaml` writes it: `{ git: URL, ref: v1.2.0 }` (the URL as ``shownURL``).
    public var text: String {
        "{ git: \(shownURL), ref: \(ref)" + (path.isEmpty ? "" : ", path: \(path)") + " }"
    }

    /// The URL as messages show it: `${VAR}` as written, a password written in clear masked.
    public var shownURL: String { StoreURLSecrets.maskingLine(url) }

    /// What is wrong with the source, if anything: values `git` would read as options, a path
    /// out of the repository, control characters.
    public var problem: (message: String, hint: String)? {
        func hasControl(_ text: String) -> Bool { text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7f } }
        if url.isEmpty || url.hasPrefix("-") || hasControl(url) {
            return (
                "`git: \(shownURL)` is not a repository URL",
                "write the URL `git clone` takes, such as https://host/packs.git"
            )
        }
        if url.lowercased().hasPrefix("ext::") || url.lowercased().hasPrefix("fd::") {
            return ("`git: \(shownURL)` runs a command, which cadre refuses", "use an https, ssh, git or file URL")
        }
        let template: EnvironmentTemplate
        do {
            template = try EnvironmentTemplate(parsing: url)
        } catch {
            return ("`git: \(shownURL)`: \(error.reason)", "write a reference as `${NAME}`")
        }
        if template.holdsLiteralSecret {
            return (
                "`git: \(shownURL)` holds a password or token written in clear, which would be copied to cadre.lock",
                "write it as a reference to an environment variable: `https://user:${PACKS_TOKEN}@host/packs.git`"
            )
        }
        if ref.isEmpty || ref.hasPrefix("-") || hasControl(ref) || ref.contains(" ") || ref.contains("..") {
            return ("`ref: \(ref)` is not a tag, branch or commit", "write a tag such as `v1.2.0`")
        }
        if path.hasPrefix("/") || path == ".." || path.hasPrefix("../") || hasControl(path) {
            return (
                "`path: \(path)` is not a folder inside the repository",
                "write the pack's folder from the repository's root"
            )
        }
        return nil
    }
}
