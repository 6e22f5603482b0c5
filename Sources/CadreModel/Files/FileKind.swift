#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a path names, as `stat(2)` tells: cadre reads and writes regular files, and treats every
/// other kind deliberately (a FIFO is never opened for reading, a device never replaced).
public enum FileKind: Sendable, Equatable {
    case regular, folder, symbolicLink, characterDevice, blockDevice, fifo, socket

    /// The kind of what `path` names, following symbolic links (`stat`), or not (`lstat`); nil
    /// when nothing is there (or it cannot be examined).
    public static func of(_ path: String, followingLinks: Bool = true) -> FileKind? {
        var status = stat()
        let found = followingLinks ? stat(path, &status) : lstat(path, &status)
        return found == 0 ? FileKind(mode: status.st_mode) : nil
    }

    /// The kind a `st_mode` holds.
    public init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFDIR: self = .folder
        case S_IFLNK: self = .symbolicLink
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFIFO: self = .fifo
        case S_IFSOCK: self = .socket
        default: self = .regular
        }
    }

    /// `a FIFO (named pipe)`, `a character device`: for messages.
    public var phrase: String {
        switch self {
        case .regular: "a regular file"
        case .folder: "a folder"
        case .symbolicLink: "a symbolic link"
        case .characterDevice: "a character device"
        case .blockDevice: "a block device"
        case .fifo: "a FIFO (named pipe)"
        case .socket: "a socket"
        }
    }
}
