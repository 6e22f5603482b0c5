import CadreEngine
import CadreModel
import Foundation

/// The workspace as a run reads it, with digests: what a re-check compares with the last run.
struct WorkspaceInputs: Sendable {
    let paths: WorkspacePaths
    /// Packs by id.
    var packs: [String: PackFacts]
    /// Every input to record.
    var inputs: [RunInput]
    /// What makes every result change: cadre's version, the limits, the taxonomy files (name → value or digest).
    var engineParts: [String: String]
    /// ``engineParts`` as the history records them (JSON).
    var engine: String { Self.engineText(engineParts) }

    static func engineText(_ parts: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(parts)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    static func engineParts(_ text: String) -> [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
    }

    static func read(_ workspace: Workspace, cadreVersion: String, readsStores: Bool = true) -> WorkspaceInputs {
        let paths = WorkspacePaths(root: workspace.root)
        var inputs: [RunInput] = []
        var packs: [String: PackFacts] = [:]
        for pack in workspace.packs {
            let facts = PackFacts(pack, paths: paths)
            packs[pack.id] = facts
            inputs += facts.inputs
        }
        let configuration = workspace.configuration
        let configurationFile = Workspace.joinPath(workspace.root, WorkspaceConfiguration.fileName)
        if FileManager.default.fileExists(atPath: configurationFile) {
            inputs.append(RunInput(kind: .configuration, name: WorkspaceConfiguration.fileName, path: paths.relative(configurationFile), digest: Digest.sha256(ofFile: configurationFile)))
        }
        for file in configuration.waivers {
            let path = Workspace.joinPath(workspace.root, file)
            inputs.append(RunInput(kind: .waiverFile, name: file, path: paths.relative(path), digest: Digest.sha256(ofFile: path)))
        }
        let limits = configuration.limits
        var engineParts: [String: String] = [
            "cadre": cadreVersion,
            "stores": readsStores ? "read" : "not read",
            "limits": "memory \(limits.memoryBytes) B, \(limits.instructions) instructions, deadline \(limits.deadline.map { "\($0)" } ?? "none")"
                + (limits.retainedBytes == WorkspaceConfiguration.defaults(at: "").limits.retainedBytes ? "" : ", retained \(limits.retainedBytes) B"),
        ]
        for file in configuration.taxonomy {
            let path = Workspace.joinPath(workspace.root, file)
            let fileDigest = Digest.sha256(ofFile: path)
            inputs.append(RunInput(kind: .taxonomyFile, name: file, path: paths.relative(path), digest: fileDigest))
            engineParts["taxonomy " + paths.relative(path)] = fileDigest
        }
        for folder in configuration.plugins {
            let path = Workspace.joinPath(workspace.root, folder)
            let files = Self.files(in: path).map { (name: $0, digest: Digest.sha256(ofFile: Workspace.joinPath(path, $0))) }
            let name = (folder as NSString).lastPathComponent
            inputs.append(RunInput(kind: .plugin, name: name, path: paths.relative(path), digest: Digest.combining(files)))
            for (file, fileDigest) in files {
                inputs.append(RunInput(kind: .pluginFile, name: name, path: paths.relative(Workspace.joinPath(path, file)), digest: fileDigest))
            }
        }
        return WorkspaceInputs(
            paths: paths, packs: packs, inputs: inputs, engineParts: engineParts)
    }

    /// The files under `folder`, relative, sorted.
    static func files(in folder: String) -> [String] {
        guard let enumerator = FolderWalk.enumerator(folder) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: Workspace.joinPath(folder, relative), isDirectory: &isFolder), !isFolder.boolValue {
                files.append(relative)
            }
        }
        return files.sorted()
    }
}
