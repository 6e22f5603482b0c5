import Foundation

/// Walking a folder's tree. Foundation's enumerator reads `a/../b` as `b` before it opens the
/// folder, which is wrong when `a` is a symbolic link (a workspace reached through one, whose
/// `cadre.yaml` names `../policies`): walk the folder the system resolves the path to instead.
/// The names it gives are relative to the folder, so callers join them to the path they showed.
public enum FolderWalk {
    /// An enumerator of `folder`'s tree, or nil when it cannot be read.
    public static func enumerator(_ folder: String) -> FileManager.DirectoryEnumerator? {
        FileManager.default.enumerator(atPath: resolved(folder))
    }

    /// The files in `folder`'s tree (symbolic links to files included), as paths relative to it,
    /// in no particular order; entries whose names start with `.` are skipped, hidden folders not
    /// entered, and links to folders not followed. Read with `readdir(3)`: a workspace of 10,000
    /// descriptors is listed without a `URL` or a `stat` per file.
    public static func files(in folder: String) -> [String] {
        var files: [String] = []
        var pending = [""]
        let root = resolved(folder)
        while let relative = pending.popLast() {
            let path = relative.isEmpty ? root : root + "/" + relative
            guard let directory = opendir(path) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                guard !name.hasPrefix(".") else { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_DIR): pending.append(child)
                case Int32(DT_REG): files.append(child)
                default:
                    // A link, or a file system that does not say: what the path leads to.
                    var info = stat()
                    guard stat(path + "/" + name, &info) == 0 else { continue }
                    if info.st_mode & S_IFMT == S_IFREG {
                        files.append(child)
                    } else if info.st_mode & S_IFMT == S_IFDIR, Int32(entry.pointee.d_type) != Int32(DT_LNK) {
                        pending.append(child)
                    }
                }
            }
        }
        return files
    }

    /// `folder` with its symbolic links and `..` resolved by the system (`realpath(3)`), or as
    /// given when it does not exist or holds no `..`.
    public static func resolved(_ folder: String) -> String {
        guard folder.contains(".."), let path = realpath(folder, nil) else { return folder }
        defer { free(path) }
        return String(cString: path)
    }
}
