import CadreEngine
import CadreModel
import Foundation

/// The folders to watch for a workspace: its own (for `cadre.yaml`, waiver and taxonomy files),
/// and, with every folder below them, its descriptor folders, packs and plugins. `.cadre/` (where
/// the history is written) and hidden folders are left out.
public struct WatchTargets: Sendable, Hashable {
    /// Folders, each watched on its own (no recursion: every folder below is listed).
    public var folders: [String]

    public init(_ workspace: Workspace) {
        var folders: Set<String> = [workspace.root.isEmpty ? "." : workspace.root]
        let configuration = workspace.configuration
        func parent(_ file: String) -> String {
            let folder = (WorkspaceFiles.join(workspace.root, file) as NSString).deletingLastPathComponent
            return folder.isEmpty ? "." : folder
        }
        for file in configuration.waivers + configuration.taxonomy { folders.insert(parent(file)) }
        var trees = configuration.systems.map { WorkspaceFiles.join(workspace.root, $0) }
        trees += workspace.packs.map(\.folder)
        trees += workspace.packFolders + workspace.pluginFolders
        for tree in trees {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: tree, isDirectory: &isFolder) else { continue }
            if !isFolder.boolValue {
                folders.insert(parent(tree))
                continue
            }
            folders.insert(tree)
            for folder in Self.subfolders(of: tree) { folders.insert(folder) }
        }
        self.folders = folders.sorted()
    }

    /// Every folder below `tree`, hidden ones (and `.cadre`) left out.
    static func subfolders(of tree: String) -> [String] {
        guard let enumerator = FolderWalk.enumerator(tree) else { return [] }
        var folders: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            let path = WorkspaceFiles.join(tree, relative)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
                continue
            }
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            folders.append(path)
        }
        return folders
    }
}
