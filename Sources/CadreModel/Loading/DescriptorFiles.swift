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
                diagnostics.append(
                    .error(
                        .noDescriptors, at: .whole(path), "no descriptor in this folder",
                        hint: "descriptors are *.yaml, *.yml or *.json files"))
            }
            // The folder's own path standardized once: names found in it hold no `.` or `..`.
            let standard = URL(fileURLWithPath: path).standardizedFileURL.path
            let prefix = standard.hasSuffix("/") ? standard : standard + "/"
            for (file, relative) in found where seen.insert(prefix + relative).inserted {
                files.append(file)
            }
        }
        return (files, diagnostics)
    }

    /// The descriptor files in `folder`'s tree, sorted, each with its path relative to `folder`.
    private static func search(folder: String) -> [(file: String, relative: String)] {
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        var found: [(file: String, relative: String)] = []
        for relative in FolderWalk.files(in: base) {
            let name = relative.split(separator: "/").last.map(String.init) ?? relative
            guard let dot = name.lastIndex(of: "."), extensions.contains(name[name.index(after: dot)...].lowercased())
            else { continue }
            found.append((WorkspaceFiles.join(base, relative), relative))
        }
        return found.sorted { $0.file < $1.file }
    }
}
