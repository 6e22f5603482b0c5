import Foundation

/// Finds descriptor files among paths given on a command line.
public enum DescriptorFiles {
    /// The extensions searched for in folders.
    public static let extensions: Set<String> = ["yaml", "yml", "json"]

    /// The files named by `paths`: files as given, and in folders (searched recursively, hidden
    /// entries skipped) every `*.yaml`, `*.yml` and `*.json`, sorted. Paths that do not exist and
    /// folders with no descriptor are reported.
    public static func find(in paths: [String]) -> (files: [String], diagnostics: [Diagnostic]) {
        var files: [String] = []
        var seen: Set<String> = []
        var diagnostics: [Diagnostic] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(.error(.unreadableFile, at: .whole(path), "no such file or folder"))
                continue
            }
            guard isDirectory.boolValue else {
                if seen.insert(URL(fileURLWithPath: path).standardizedFileURL.path).inserted { files.append(path) }
                continue
            }
            let found = search(folder: path)
            if found.isEmpty {
                diagnostics.append(.error(
                    .noDescriptors, at: .whole(path), "no descriptor in this folder",
                    hint: "descriptors are *.yaml, *.yml or *.json files"))
            }
            for file in found where seen.insert(URL(fileURLWithPath: file).standardizedFileURL.path).inserted {
                files.append(file)
            }
        }
        return (files, diagnostics)
    }

    private static func search(folder: String) -> [String] {
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        guard let enumerator = FolderWalk.enumerator(base) else { return [] }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            let path = base == "." ? relative : base + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            if extensions.contains((name as NSString).pathExtension.lowercased()) { found.append(path) }
        }
        return found.sorted()
    }
}
