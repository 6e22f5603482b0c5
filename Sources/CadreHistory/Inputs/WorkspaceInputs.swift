import CadreEngine
import CadreModel
import Foundation

/// The workspace as a run reads it, with digests: what a re-check compares with the last run.
struct WorkspaceInputs: Sendable {
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
        let files = workspace.files
        var inputs: [RunInput] = []
        var packs: [String: PackFacts] = [:]
        for pack in workspace.packs {
            let facts = PackFacts(pack, files: files)
            packs[pack.id] = facts
            inputs += facts.inputs
        }
        let configuration = workspace.configuration
        let configurationFile = WorkspaceConfiguration.fileName
        if FileManager.default.fileExists(atPath: files.path(configurationFile)) {
            inputs.append(
                RunInput(
                    kind: .configuration, name: configurationFile, path: configurationFile,
                    digest: Digest.sha256(ofFile: files.path(configurationFile))))
        }
        for file in configuration.waivers {
            let name = WorkspaceFiles.normalized(file)
            inputs.append(
                RunInput(kind: .waiverFile, name: file, path: name, digest: Digest.sha256(ofFile: files.path(name))))
        }
        let limits = configuration.limits
        var engineParts: [String: String] = [
            "cadre": cadreVersion,
            "stores": readsStores ? "read" : "not read",
            "limits":
                "memory \(limits.memoryBytes) B, \(limits.instructions) instructions, deadline \(limits.deadline.map { "\($0)" } ?? "none")"
                + (limits.retainedBytes == WorkspaceConfiguration.defaults(at: "").limits.retainedBytes
                    ? "" : ", retained \(limits.retainedBytes) B")
                ,
        ]
        // The `x-` blocks packs give fields: descriptors validated against others are validated again.
        for declared in workspace.descriptorExtensions.all {
            engineParts["extension " + declared.key] = "\(declared.pack): \(declared.signature)"
        }
        for file in configuration.taxonomy {
            let name = WorkspaceFiles.normalized(file)
            let fileDigest = Digest.sha256(ofFile: files.path(name))
            inputs.append(RunInput(kind: .taxonomyFile, name: file, path: name, digest: fileDigest))
            engineParts["taxonomy " + name] = fileDigest
        }
        for source in workspace.pluginSources {
            let folder = source.folder
            let path = files.path(folder)
            let pluginFiles = Self.files(in: path).map {
                (name: $0, digest: Digest.sha256(ofFile: WorkspaceFiles.join(path, $0)))
            }
            let name = (folder as NSString).lastPathComponent
            inputs.append(RunInput(kind: .plugin, name: name, path: folder, digest: Digest.combining(pluginFiles)))
            for (file, fileDigest) in pluginFiles {
                inputs.append(
                    RunInput(kind: .pluginFile, name: name, path: WorkspaceFiles.join(folder, file), digest: fileDigest)
                )
            }
        }
        return WorkspaceInputs(
            packs: packs, inputs: inputs, engineParts: engineParts)
    }

    /// The files under `folder`, relative, sorted.
    static func files(in folder: String) -> [String] {
        guard let enumerator = FolderWalk.enumerator(folder) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: WorkspaceFiles.join(folder, relative), isDirectory: &isFolder),
                !isFolder.boolValue
            {
                files.append(relative)
            }
        }
        return files.sorted()
    }
}
