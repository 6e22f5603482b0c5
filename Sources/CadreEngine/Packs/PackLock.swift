import CadreModel

/// `cadre.lock`: for each pack `cadre.yaml` takes from git, the commit its `ref` named when
/// `cadre packs update` last ran, and the digest of the pack found there. A repository commits
/// it; every run uses those commits and checks those digests, so the rules evaluated are the
/// ones the compliance team published and someone reviewed, whatever a tag says today.
///
/// ```yaml
/// # Written by `cadre packs update`; commit it. Every run checks the packs against it.
/// cadre: lock/v1
/// packs:
///   - git: "https://git.example.com/compliance/packs.git"
///     ref: "v1.2.0"
///     path: "cnil"
///     commit: "9fceb02d0ae598e95dc970b74767f19372d61af8"
///     id: "cnil"
///     version: "1.2.0"
///     digest: "5b1e…"
/// ```
public struct PackLock: Sendable {
    public static let format = "lock/v1"
    public static let fileName = "cadre.lock"

    /// One pack pinned.
    public struct Entry: Sendable, Hashable {
        public var source: GitSource
        public var commit: String
        public var id: String
        public var version: String
        /// The pack's digest (``Pack/digest``).
        public var digest: String
        /// Where the entry is written (for errors about it).
        public var location: SourceLocation

        public init(
            source: GitSource, commit: String, id: String, version: String, digest: String,
            location: SourceLocation = .whole(PackLock.fileName)
        ) {
            self.source = source
            self.commit = commit
            self.id = id
            self.version = version
            self.digest = digest
            self.location = location
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// The entry pinning `source` (same repository, ref and path).
    public func entry(for source: GitSource) -> Entry? {
        entries.first { $0.source == source }
    }

    /// Reads the lock at `path` (shown as `file`).
    public static func read(fileAt path: String, as file: String) -> (PackLock?, [Diagnostic]) {
        let (root, diagnostics) = ConfigurationFile.read(fileAt: path, as: file, format: format, shape: shape)
        guard let root else { return (nil, diagnostics) }
        var entries: [Entry] = []
        var problems = diagnostics
        for node in root["packs"]?.sequence ?? [] {
            guard let url = node.string("git"), let ref = node.string("ref"), let commit = node.string("commit"),
                let id = node.string("id"), let version = node.string("version"), let digest = node.string("digest")
            else { continue }
            guard commit.count >= 40, commit.allSatisfy(\.isHexDigit) else {
                problems.append(
                    .error(
                        .invalidValue, at: node["commit"]?.location ?? node.location,
                        "`\(commit)` is not a commit id", hint: "run `cadre packs update` to write the lock again"))
                continue
            }
            entries.append(
                Entry(
                    source: GitSource(url: url, ref: ref, path: node.string("path") ?? ""), commit: commit, id: id,
                    version: version, digest: digest, location: node.location))
        }
        return (problems.containsErrors ? nil : PackLock(entries: entries), problems)
    }

    /// The file's text: entries sorted, every value quoted, one key per line (a readable diff).
    public var text: String {
        var lines = [
            "# Written by `cadre packs update`; commit it. Every run checks the packs against it.",
            "cadre: \(Self.format)",
        ]
        let sorted = entries.sorted {
            ($0.source.url, $0.source.path, $0.source.ref) < ($1.source.url, $1.source.path, $1.source.ref)
        }
        lines.append(sorted.isEmpty ? "packs: []" : "packs:")
        for entry in sorted {
            lines.append("  - git: \(YAMLWriter.quoted(entry.source.url))")
            lines.append("    ref: \(YAMLWriter.quoted(entry.source.ref))")
            if !entry.source.path.isEmpty { lines.append("    path: \(YAMLWriter.quoted(entry.source.path))") }
            lines.append("    commit: \(YAMLWriter.quoted(entry.commit))")
            lines.append("    id: \(YAMLWriter.quoted(entry.id))")
            lines.append("    version: \(YAMLWriter.quoted(entry.version))")
            lines.append("    digest: \(YAMLWriter.quoted(entry.digest))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static let shape = ObjectShape(
        name: "lock",
        summary: "The commits and digests of the packs taken from git (`cadre packs update` writes it).",
        fields: [
            .required("cadre", .constant(format), "The format of the file: `lock/v1`."),
            .required("packs", .list(.object(entryShape)), "The packs pinned."),
        ])

    static let entryShape = ObjectShape(
        name: "locked pack",
        summary: "A pack taken from git, pinned.",
        fields: [
            .required("git", .string(.text), "The repository, as `cadre.yaml` names it."),
            .required("ref", .string(.text), "The tag, branch or commit `cadre.yaml` asks for."),
            .optional("path", .string(.text), "The pack's folder in the repository."),
            .required("commit", .string(.text), "The commit `ref` named when the lock was written."),
            .required("id", .string(.identifier), "The pack's id."),
            .required("version", .string(.text), "The pack's version."),
            .required("digest", .string(.text), "The pack's digest (SHA-256 of its files)."),
        ])
}
