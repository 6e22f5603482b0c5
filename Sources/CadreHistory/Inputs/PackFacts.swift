import CadreEngine
import Foundation

/// What a re-check needs to know of a pack: the digest of what all its rules share (modules, data,
/// settings, id, title, rule API), and for each rule file its digest and whether it — or a module
/// it may call — reads the as-of date or the pack's version.
struct PackFacts: Sendable {
    var id: String
    var version: String
    /// Modules, data, settings, id, title, API: a change re-evaluates every rule of the pack.
    var shared: String
    /// Rule files (relative to the workspace) → digest.
    var ruleFiles: [String: String]
    /// Rule files whose results may depend on the as-of date: they mention `as_of`, or a module
    /// of the pack does (the sandbox gives rules no other way to know the date).
    var readsAsOf: Set<String>
    /// Rule files that mention `version`, or whose pack's modules do (`pack.version`).
    var readsVersion: Set<String>
    /// Rule files that read stores (`ctx:store`), or whose pack's modules do: their results
    /// depend on data, which no digest of the workspace covers.
    var readsStores: Set<String>
    /// Every file of the pack as a run records it.
    var inputs: [RunInput]

    init(_ pack: Pack, paths: WorkspacePaths) {
        id = pack.id
        version = pack.version
        var parts: [(name: String, digest: String)] = [
            ("id", pack.id), ("title", pack.manifest.title), ("api", "\(pack.manifest.api)"), ("data-file", pack.manifest.dataFile ?? ""),
        ]
        for (name, value) in pack.settings { parts.append(("setting:" + name, value)) }
        var inputs: [RunInput] = []
        let modules = pack.modules.values.sorted { $0.path < $1.path }
        for module in modules {
            parts.append(("module:" + module.relativePath, module.digest))
            inputs.append(RunInput(kind: .packFile, name: pack.id, path: paths.relative(module.path), digest: module.digest, detail: ["role": "module"]))
        }
        if let dataFile = pack.manifest.dataFile {
            let path = Workspace.joinPath(pack.folder, dataFile)
            let digest = Digest.sha256(ofFile: path)
            parts.append(("data", digest))
            inputs.append(RunInput(kind: .packFile, name: pack.id, path: paths.relative(path), digest: digest, detail: ["role": "data"]))
        }
        let manifest = Workspace.joinPath(pack.folder, "pack.yaml")
        inputs.append(RunInput(
            kind: .packFile, name: pack.id, path: paths.relative(manifest),
            digest: Digest.sha256(ofFile: manifest), detail: ["role": "manifest"]))
        shared = Digest.combining(parts)
        let modulesReadAsOf = modules.contains { $0.source.contains("as_of") }
        let modulesReadVersion = modules.contains { $0.source.contains("version") }
        let modulesReadStores = modules.contains { Self.mentionsStores($0.source) }
        ruleFiles = [:]
        readsAsOf = []
        readsVersion = []
        readsStores = []
        for file in pack.ruleFiles {
            let path = paths.relative(file.path)
            ruleFiles[path] = file.digest
            if modulesReadAsOf || file.source.contains("as_of") { readsAsOf.insert(path) }
            if modulesReadVersion || file.source.contains("version") { readsVersion.insert(path) }
            if modulesReadStores || Self.mentionsStores(file.source) { readsStores.insert(path) }
            inputs.append(RunInput(kind: .packFile, name: pack.id, path: path, digest: file.digest, detail: ["role": "rule"]))
        }
        var settings: [String: String] = ["shared": shared, "title": pack.manifest.title]
        for (name, value) in pack.settings { settings["setting." + name] = value }
        inputs.insert(
            RunInput(kind: .pack, name: pack.id, path: paths.relative(pack.folder), version: pack.version, digest: pack.digest, detail: settings),
            at: 0)
        self.inputs = inputs
    }

    /// Whether Lua source may reach `ctx:store`: `store` after `:` or `.` as a whole word
    /// (`ctx:store(…)`, `ctx.store`; not `system.stores`), or `"store"` as a key or a string.
    /// Erring towards yes only costs a re-check time.
    static func mentionsStores(_ source: String) -> Bool {
        if source.contains("\"store\"") || source.contains("'store'") { return true }
        let bytes = Array(source.utf8)
        let word = Array("store".utf8)
        var index = bytes.startIndex
        while let found = find(word, in: bytes, from: index) {
            index = found + word.count
            var before = found - 1
            while before >= 0, bytes[before] == UInt8(ascii: " ") { before -= 1 }
            guard before >= 0, bytes[before] == UInt8(ascii: ":") || bytes[before] == UInt8(ascii: ".") else { continue }
            if index < bytes.count, isIdentifier(bytes[index]) { continue }
            return true
        }
        return false
    }

    private static func find(_ word: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard word.count <= bytes.count else { return nil }
        var index = start
        while index + word.count <= bytes.count {
            if bytes[index] == word[0], bytes[index..<(index + word.count)].elementsEqual(word) { return index }
            index += 1
        }
        return nil
    }

    private static func isIdentifier(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
    }
}
