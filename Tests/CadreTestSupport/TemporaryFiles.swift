import Foundation

/// Files a test writes in a fresh temporary folder of its own (``root``): the workspaces of
/// CadreEngineTests and CadreHistoryTests, which remove the folder when they end.
public protocol TemporaryFiles: AnyObject {
    var root: URL { get }
}

extension TemporaryFiles {
    /// A folder name no other test uses, in the system's temporary folder (not created).
    public static func freshFolder(_ prefix: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    }

    /// Writes `text` at `path` (relative to ``root``), making the folders on the way.
    public func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    public func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    public func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    public func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }
}
