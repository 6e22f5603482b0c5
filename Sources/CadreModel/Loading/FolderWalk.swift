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

    /// `folder` with its symbolic links and `..` resolved by the system (`realpath(3)`), or as
    /// given when it does not exist or holds no `..`.
    public static func resolved(_ folder: String) -> String {
        guard folder.contains(".."), let path = realpath(folder, nil) else { return folder }
        defer { free(path) }
        return String(cString: path)
    }
}
