import CadreEngine
import CadreModel
import Foundation

/// What a re-check needs to know of a pack: the digest of what all its rules share (modules, data,
/// settings, id, title, rule API), and each rule file's digest. (What rules read — the date,
/// stores, the pack's version — the engine learns when they run: ``RuleReadings``.)
struct PackFacts: Sendable {
    var id: String
    var version: String
    /// Modules, data, settings, id, title, API: a change re-evaluates every rule of the pack.
    var shared: String
    /// Rule files (relative to the workspace) → digest.
    var ruleFiles: [String: String]
    /// Every file of the pack as a run records it.
    var inputs: [RunInput]

    init(_ pack: Pack, files: WorkspaceFiles) {
        id = pack.id
        version = pack.version
        var parts: [(name: String, digest: String)] = [
            ("id", pack.id), ("title", pack.manifest.title), ("api", "\(pack.manifest.api)"),
            ("data-file", pack.manifest.dataFile ?? ""),
        ]
        for (name, value) in pack.settings { parts.append(("setting:" + name, value)) }
        var inputs: [RunInput] = []
        let modules = pack.modules.values.sorted { $0.path < $1.path }
        for module in modules {
            parts.append(("module:" + module.relativePath, module.digest))
            inputs.append(
                RunInput(
                    kind: .packFile, name: pack.id, path: module.path, digest: module.digest, detail: ["role": "module"]
                ))
        }
        if let dataFile = pack.manifest.dataFile {
            let name = WorkspaceFiles.join(pack.folder, dataFile)
            let digest = Digest.sha256(ofFile: files.path(name))
            parts.append(("data", digest))
            inputs.append(
                RunInput(kind: .packFile, name: pack.id, path: name, digest: digest, detail: ["role": "data"]))
        }
        let manifest = WorkspaceFiles.join(pack.folder, "pack.yaml")
        inputs.append(
            RunInput(
                kind: .packFile, name: pack.id, path: manifest, digest: Digest.sha256(ofFile: files.path(manifest)),
                detail: ["role": "manifest"]))
        shared = Digest.combining(parts)
        ruleFiles = [:]
        for file in pack.ruleFiles {
            ruleFiles[file.path] = file.digest
            inputs.append(
                RunInput(kind: .packFile, name: pack.id, path: file.path, digest: file.digest, detail: ["role": "rule"])
            )
        }
        var settings: [String: String] = ["shared": shared, "title": pack.manifest.title]
        for (name, value) in pack.settings { settings["setting." + name] = value }
        inputs.insert(
            RunInput(
                kind: .pack, name: pack.id, path: pack.folder, version: pack.version, digest: pack.digest,
                detail: settings),
            at: 0)
        self.inputs = inputs
    }
}
