import CadreModel
import Foundation

/// Holds a pack's version to its content. A pack's `CHANGELOG.md` has an entry per version
/// (`## 1.2.0 — 2026-12-07`) and, under it, the digest of the rules that version shipped:
///
/// ```markdown
/// ## 1.2.0 — 2026-12-07
///
/// Rules digest: `5b1e…`
/// ```
///
/// When the rules change (``Pack/rulesDigest``: rule files, `lib/`, data, `pack.yaml` but its
/// version) and `pack.yaml` keeps a version whose entry records another digest, `cadre test` and
/// `cadre policies doc` fail: the change must be released as a new version, with its entry. A
/// pack with no `CHANGELOG.md` is not checked.
public enum PackRelease {
    public static let changelog = "CHANGELOG.md"
    static let digestPrefix = "Rules digest: `"

    /// What is wrong with the versions of `pack`, read from its folder `path` (shown as the
    /// pack's folder).
    public static func check(_ pack: Pack, at path: String) -> [Diagnostic] {
        let file = WorkspaceFiles.join(pack.folder, changelog)
        guard let bytes = try? FileReader.read(WorkspaceFiles.join(path, changelog)) else { return [] }
        let entries = Self.entries(in: String(decoding: bytes, as: UTF8.self))
        let manifest = pack.manifest.location
        let recordLine = "\(digestPrefix)\(pack.rulesDigest)`"
        guard let entry = entries.first(where: { $0.version == pack.version }) else {
            return [
                .error(
                    .packVersion, at: manifest,
                    "pack `\(pack.id)` is at version \(pack.version), which \(file) does not describe",
                    hint:
                        "add `## \(pack.version) — \(ISODate.today())` to \(changelog): what changed and why, and the line \(recordLine)"
                )
            ]
        }
        let location = SourceLocation(file: file, line: entry.line, column: 1)
        guard let recorded = entry.digest else {
            return [
                .warning(
                    .packVersion, at: location,
                    "the entry of version \(pack.version) records no rules digest: a change without a new version would go unseen",
                    hint: "add the line \(recordLine) under it")
            ]
        }
        guard recorded.digest == pack.rulesDigest else {
            let next = Self.nextVersion(after: pack.version)
            return [
                .error(
                    .packVersion, at: SourceLocation(file: file, line: recorded.line, column: 1),
                    "the rules of pack `\(pack.id)` changed since version \(pack.version) was released, and pack.yaml still says \(pack.version)",
                    hint:
                        "bump `version` in pack.yaml (\(next) if outcomes can change, per docs/rules.md), and add its entry to \(changelog) with \(recordLine)"
                )
            ]
        }
        return []
    }

    /// A changelog's entries: the version of each `## ` heading, its line, and the rules digest
    /// recorded in its section.
    static func entries(in text: String) -> [(version: String, line: Int, digest: (digest: String, line: Int)?)] {
        var entries: [(version: String, line: Int, digest: (digest: String, line: Int)?)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("## ") {
                let version = line.dropFirst(3).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(
                    String.init)
                if let version { entries.append((version, index + 1, nil)) }
            } else if line.hasPrefix(digestPrefix), let last = entries.indices.last, entries[last].digest == nil {
                let digest = line.dropFirst(digestPrefix.count).prefix { $0 != "`" }
                entries[last].digest = (String(digest), index + 1)
            }
        }
        return entries
    }

    /// `1.2.0` → `1.3.0`; another form is returned as it is with `+1` hints left to the author.
    static func nextVersion(after version: String) -> String {
        let parts = version.split(separator: ".")
        guard parts.count == 3, let minor = Int(parts[1]) else { return "a new version" }
        return "\(parts[0]).\(minor + 1).0"
    }

    /// `pack.yaml`'s text without its top-level `version:` line.
    static func withoutVersion(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("version:") }.joined(separator: "\n")
    }
}
