import CadreModel
import Foundation

/// The local path a file store's URL names, and the checks made before opening it. Paths are
/// secrets like any resolved URL: errors never include them.
enum LocalPath {
    /// The path of a resolved URL: a plain path, or `scheme:` followed by a path, or
    /// `scheme://` followed by an empty or `localhost` host and an absolute path. Relative paths
    /// start at `baseDirectory`.
    static func from(_ url: ResolvedSecret, schemes: [String], store: String, baseDirectory: String?) throws(StoreError)
        -> String
    {
        var text = url.revealed
        if let colon = text.firstIndex(of: ":"), schemes.contains(text[..<colon].lowercased()) {
            text = String(text[text.index(after: colon)...])
            if text.hasPrefix("//") {
                let afterSlashes = text.dropFirst(2)
                guard let slash = afterSlashes.firstIndex(of: "/") else {
                    throw StoreError(.invalidURL, store: store, message: "the URL names no path after its host")
                }
                let host = afterSlashes[..<slash]
                guard host.isEmpty || host == "localhost" else {
                    throw StoreError(.invalidURL, store: store, message: "a file URL must name a local path (no host)")
                }
                text = String(afterSlashes[slash...])
            }
            guard let decoded = text.removingPercentEncoding else {
                throw StoreError(.invalidURL, store: store, message: "the URL's path has an invalid %-escape")
            }
            text = decoded
        }
        guard !text.isEmpty, !text.contains("\0") else {
            throw StoreError(.invalidURL, store: store, message: "the URL names no path")
        }
        if text.hasPrefix("/") { return text }
        let base = baseDirectory ?? FileManager.default.currentDirectoryPath
        return (base as NSString).appendingPathComponent(text)
    }

    /// Whether the path exists, and is a folder.
    static func kind(_ path: String) -> (exists: Bool, isDirectory: Bool) {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        return (exists, isDirectory.boolValue)
    }

    /// The file a path names (links followed), as the system identifies it; nil when there is none.
    struct Identity: Equatable, Sendable {
        var device: UInt64
        var inode: UInt64
        var isRegularFile: Bool
    }

    /// What `path` names now (`stat`, which never blocks, not even on a FIFO); nil when nothing.
    static func identity(_ path: String) -> Identity? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Identity(
            device: UInt64(status.st_dev), inode: UInt64(status.st_ino),
            isRegularFile: status.st_mode & S_IFMT == S_IFREG)
    }

    /// Throws unless the path is a readable regular file: a FIFO, a socket or a device would make
    /// opening it wait for a writer, or read without end.
    static func checkReadableFile(_ path: String, store: String) throws(StoreError) {
        let (exists, isDirectory) = kind(path)
        guard exists else {
            throw StoreError(.missingFile, store: store, message: "the file its URL names does not exist")
        }
        guard !isDirectory else {
            throw StoreError(.unreadableFile, store: store, message: "its URL names a folder, not a file")
        }
        guard identity(path)?.isRegularFile == true else {
            throw StoreError(
                .unreadableFile, store: store,
                message: "its URL names a FIFO, a socket or a device, not a regular file")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw StoreError(
                .unreadableFile, store: store, message: "the file its URL names cannot be read (permissions)")
        }
    }
}
