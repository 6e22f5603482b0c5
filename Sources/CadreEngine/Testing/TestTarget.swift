import CadreModel
import Foundation

/// A pack whose tests to run: its folder, and the test files chosen (every `*_test.lua` of its
/// `tests/` folder when none is).
public struct TestTarget: Sendable, Hashable {
    /// The pack's folder, as shown to users (and read).
    public var folder: String
    /// Test files chosen within the pack, as shown; nil for all of them.
    public var files: [String]?

    public init(folder: String, files: [String]? = nil) {
        self.folder = folder
        self.files = files
    }

    /// The targets of `cadre test PATHS`: pack folders, test files, a folder of packs (such as
    /// `policies`) or a folder inside a pack (its tests there). Files of one pack are grouped.
    public static func resolve(_ paths: [String]) -> (targets: [TestTarget], diagnostics: [Diagnostic]) {
        var targets: [TestTarget] = []
        var diagnostics: [Diagnostic] = []
        func add(_ folder: String, files: [String]?) {
            if let index = targets.firstIndex(where: { $0.folder == folder }) {
                switch (targets[index].files, files) {
                case (nil, _): break
                case (_, nil): targets[index].files = nil
                case (let old?, let new?): targets[index].files = Array(Set(old + new)).sorted()
                }
            } else {
                targets.append(TestTarget(folder: folder, files: files))
            }
        }
        for typed in paths {
            let path = WorkspaceFiles.normalized(typed)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                diagnostics.append(.error(.unreadableFile, at: .whole(typed), "no such file or folder: `\(typed)`"))
                continue
            }
            if isFolder.boolValue {
                if isPack(path) {
                    add(path, files: nil)
                } else if let pack = enclosingPack(of: path) {
                    let files = testFiles(in: path)
                    if files.isEmpty {
                        diagnostics.append(
                            .error(.emptyFile, at: .whole(typed), "no test file (`*_test.lua`) in `\(typed)`"))
                    } else {
                        add(pack, files: files)
                    }
                } else {
                    let packs = subfolders(of: path).filter(isPack)
                    if packs.isEmpty {
                        diagnostics.append(
                            .error(
                                .unreadableFile, at: .whole(typed),
                                "`\(typed)` is neither a pack, a folder of packs, nor inside a pack",
                                hint: "a pack is a folder with pack.yaml; its tests are tests/*_test.lua"))
                    }
                    for pack in packs { add(pack, files: nil) }
                }
            } else {
                guard path.hasSuffix("_test.lua") else {
                    diagnostics.append(
                        .error(
                            .unreadableFile, at: .whole(typed), "`\(typed)` is not a test file",
                            hint: "test files end in `_test.lua`"))
                    continue
                }
                guard let pack = enclosingPack(of: (path as NSString).deletingLastPathComponent) else {
                    diagnostics.append(
                        .error(
                            .unreadableFile, at: .whole(typed), "`\(typed)` is not inside a pack",
                            hint: "a test file belongs to the pack whose folder (with pack.yaml) holds it"))
                    continue
                }
                add(pack, files: [path])
            }
        }
        return (targets, diagnostics)
    }

    /// The targets of a workspace's packs (`packs:` of cadre.yaml), all their tests.
    public static func packs(of workspace: Workspace) -> [TestTarget] {
        workspace.packFolders.map { TestTarget(folder: $0) }
    }

    /// The `*_test.lua` files under `folder`, as shown, sorted.
    static func testFiles(in folder: String) -> [String] {
        guard let enumerator = FolderWalk.enumerator(folder) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix("_test.lua") { files.append(WorkspaceFiles.join(folder, relative)) }
        }
        return files.sorted()
    }

    /// Whether `folder` is a pack or inside one.
    public static func isInsidePack(_ folder: String) -> Bool { enclosingPack(of: folder) != nil }

    static func isPack(_ folder: String) -> Bool {
        FileManager.default.fileExists(atPath: WorkspaceFiles.join(folder, "pack.yaml"))
    }

    /// The pack folder holding `folder` (itself included), up to the file system's root.
    static func enclosingPack(of folder: String) -> String? {
        var current = WorkspaceFiles.normalized(folder)
        for _ in 0..<64 {
            if isPack(current) { return current }
            if URL(fileURLWithPath: current).standardizedFileURL.path == "/" { return nil }
            current = WorkspaceFiles.normalized(current + "/..")
        }
        return nil
    }

    private static func subfolders(of folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().map { WorkspaceFiles.join(folder, $0) }.filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
        }
    }
}
