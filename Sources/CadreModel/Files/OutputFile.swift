#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file cadre writes — a report, a catalogue, a schema, a workspace's or an import's files —
/// written so that what the path names is never destroyed:
///
/// - **Absent, or a regular file**: the text goes to a temporary file in the same folder, is
///   synced, then renamed over the path: readers see the old file or the new one, never a part.
///   An existing file keeps its permission bits (and, when cadre may, its owner); the temporary
///   file is removed whatever fails.
/// - **A device, a FIFO or a socket**: written through — opened for writing without being
///   created or truncated, never renamed over, never removed. `/dev/null` stays a device; a FIFO
///   delivers the text to its reader.
/// - **A name of an open descriptor** (`/dev/stdout`, `/dev/stderr`, `/dev/fd/N`,
///   `/proc/self/fd/N`): written through at the end of what it names, as `>>` would.
/// - **A symbolic link**: followed to its final target, to which the rules above apply; the link
///   stays a link. A link to nothing (dangling) gets its target created, as the shell's `>` does.
/// - **A folder**: refused (``OutputError/Code/isFolder``).
public struct OutputFile: Sendable {
    /// The path as the user gave it (in messages).
    public let path: String

    public init(_ path: String) { self.path = path }

    /// Writes `text` (UTF-8) to the file.
    ///
    /// - Throws: ``OutputError`` naming ``path`` and the reason.
    public func write(_ text: String) throws(OutputError) {
        try write(Array(text.utf8))
    }

    /// Writes `bytes` to the file.
    ///
    /// - Throws: ``OutputError`` naming ``path`` and the reason.
    public func write(_ bytes: [UInt8]) throws(OutputError) {
        let writing = try start()
        try writing.write(bytes)
        try writing.finish()
    }

    /// Starts writing the file piece by piece, by the same rules as ``write(_:)-([UInt8])``: a
    /// regular file is replaced only when ``Writing/finish()`` succeeds.
    ///
    /// - Throws: ``OutputError`` naming ``path`` and the reason.
    public func start() throws(OutputError) -> Writing {
        switch try destination() {
        case .replace(let target): try startReplacing(target)
        case .through(let target, let append): try startThrough(target, append: append)
        }
    }

    /// A file being written: pieces go to it as they come; a replaced file takes their place
    /// only at ``finish()``, and a ``Writing`` dropped unfinished leaves what was there intact.
    public final class Writing {
        private let output: OutputFile
        private var descriptor: Int32
        /// The temporary file renamed over `target` at the end (nil: written through).
        private let temporary: String?
        private let target: String
        /// Whether the file is finished or abandoned: nothing more to do.
        private var done = false

        fileprivate init(_ output: OutputFile, descriptor: Int32, temporary: String?, target: String) {
            self.output = output
            self.descriptor = descriptor
            self.temporary = temporary
            self.target = target
        }

        deinit { abandon() }

        /// Writes `bytes`.
        public func write(_ bytes: [UInt8]) throws(OutputError) {
            guard !done else { throw OutputError(.cannotWrite, path: output.path, "it is already closed") }
            do throws(OutputError) {
                try output.writeAll(bytes, to: descriptor)
            } catch {
                abandon()
                throw error
            }
        }

        /// Ends the file: synced and renamed over the path when it replaces one, closed otherwise.
        public func finish() throws(OutputError) {
            try close(syncing: true)
            try publish()
            syncFolder()
        }

        /// Closes the file, synced to disk first when `syncing` (a batch syncs its file system
        /// once instead: ``OutputFolder/write(_:)``).
        func close(syncing: Bool) throws(OutputError) {
            guard !done, descriptor >= 0 else {
                throw OutputError(.cannotWrite, path: output.path, "it is already closed")
            }
            do throws(OutputError) {
                if syncing, temporary != nil, fsync(descriptor) != 0 { throw output.failure(errno) }
                let closed = systemClose(descriptor)
                descriptor = -1
                guard closed == 0 else { throw output.failure(errno) }
            } catch {
                abandon()
                throw error
            }
        }

        /// Renames the closed temporary file over the path (nothing for a file written through).
        func publish() throws(OutputError) {
            guard !done else { throw OutputError(.cannotWrite, path: output.path, "it is already closed") }
            guard let temporary else {
                done = true
                return
            }
            guard rename(temporary, target) == 0 else {
                let error = output.failure(errno)
                abandon()
                throw error
            }
            done = true
        }

        /// The folder the path is in, which holds the rename: synced, the rename is durable.
        var folder: String? { temporary == nil ? nil : OutputFile.folder(of: target) }

        private func syncFolder() {
            guard let folder else { return }
            OutputFile.sync(folder: folder)
        }

        /// Stops writing: the temporary file is removed, what the path names stays as it was.
        private func abandon() {
            guard !done else { return }
            done = true
            if descriptor >= 0 {
                _ = systemClose(descriptor)
                descriptor = -1
            }
            if let temporary { unlink(temporary) }
        }
    }

    /// Where the text goes, once symbolic links are followed.
    enum Destination: Equatable {
        /// A regular file, or nothing yet: replaced by renaming a temporary file over it.
        case replace(String)
        /// A device, a FIFO, a socket or an open descriptor's name: written through.
        case through(String, append: Bool)
    }

    /// Follows `path`'s symbolic links (40 at most, as the kernel does) to what it names.
    func destination() throws(OutputError) -> Destination {
        var current = path
        for _ in 0..<40 {
            var status = stat()
            guard lstat(current, &status) == 0 else {
                if errno == ENOENT { return .replace(current) }
                throw failure(errno)
            }
            switch FileKind(mode: status.st_mode) {
            case .regular: return .replace(current)
            case .folder:
                throw OutputError(.isFolder, path: path, "it is a folder", hint: "name a file, inside it or elsewhere")
            case .characterDevice, .blockDevice, .fifo, .socket: return .through(current, append: false)
            case .symbolicLink:
                if Self.namesOpenDescriptor(current) { return .through(current, append: true) }
                guard let target = Self.linkTarget(current) else { throw failure(errno) }
                current = target
            }
        }
        throw OutputError(.cannotWrite, path: path, "too many symbolic links (a loop?)")
    }

    /// Whether `link` is an entry of a process's `fd` folder: `/proc/self/fd/1`, and what
    /// `/dev/stdout` or `/dev/fd/1` lead to. Its target is not a path but an open file.
    static func namesOpenDescriptor(_ link: String) -> Bool {
        guard let folder = realPath(folder(of: link)) else { return false }
        let parts = folder.split(separator: "/")
        guard parts.count >= 3, parts[0] == "proc", parts.last == "fd" else { return false }
        return parts[1].allSatisfy(\.isNumber) || parts[1] == "self" || parts[1] == "thread-self"
    }

    /// The path `link` points at, relative targets taken from the link's folder.
    static func linkTarget(_ link: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(link, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        let target = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if target.hasPrefix("/") { return target }
        let folder = folder(of: link)
        return folder == "." && !link.hasPrefix("./") ? target : folder + "/" + target
    }

    /// The folder part of `path` (`.` when it has none, `/` for the root's entries).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    /// `realpath(3)`: the absolute path with every link followed; nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Syncs `folder` (what it lists: a rename in it is then durable).
    static func sync(folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    // MARK: Writing through

    private func startThrough(_ target: String, append: Bool) throws(OutputError) -> Writing {
        // No O_CREAT, no O_TRUNC: what is there stays what it is. A FIFO waits for its reader.
        let descriptor = open(target, O_WRONLY | O_CLOEXEC | O_NOCTTY | (append ? O_APPEND : 0))
        guard descriptor >= 0 else {
            if errno == ENXIO, FileKind.of(target) == .socket {
                throw OutputError(.cannotWrite, path: path, "it is a socket, which cannot be opened as a file")
            }
            throw failure(errno)
        }
        return Writing(self, descriptor: descriptor, temporary: nil, target: target)
    }

    // MARK: Replacing

    private func startReplacing(_ target: String) throws(OutputError) -> Writing {
        let folder = Self.folder(of: target)
        let name = target.split(separator: "/").last.map(String.init) ?? target
        var existing = stat()
        let exists = stat(target, &existing) == 0
        // A new file gets 0666 less the umask, as any file the shell creates.
        let mode = exists ? existing.st_mode & 0o7777 : 0o666
        var temporary = ""
        var descriptor: Int32 = -1
        for _ in 0..<8 {
            temporary =
                (folder == "." && !target.hasPrefix("./") ? "" : folder + "/")
                + ".\(name).cadre-\(String(UInt64.random(in: 0...UInt64.max), radix: 36))"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else {
            if errno == ENOENT {
                throw OutputError(
                    .noFolder, path: path, "the folder `\(folder)` does not exist", hint: "create it first")
            }
            throw failure(errno)
        }
        if exists {
            // The umask narrowed the mode open gave; the owner is kept when cadre may set it.
            _ = fchmod(descriptor, mode)
            if existing.st_uid != geteuid() || existing.st_gid != getegid() {
                _ = fchown(descriptor, existing.st_uid, existing.st_gid)
            }
        }
        return Writing(self, descriptor: descriptor, temporary: temporary, target: target)
    }

    fileprivate func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws(OutputError) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(errno)
            }
            written += count
        }
    }

    /// The error for `code`, in words.
    fileprivate func failure(_ code: Int32) -> OutputError {
        switch code {
        case EISDIR: OutputError(.isFolder, path: path, "it is a folder", hint: "name a file, inside it or elsewhere")
        case ENOTDIR: OutputError(.noFolder, path: path, "a part of the path is not a folder")
        case EACCES, EPERM, EROFS:
            OutputError(
                .notPermitted, path: path, String(cString: strerror(code)).lowercased(),
                hint: "choose a folder you may write to")
        default: OutputError(.cannotWrite, path: path, String(cString: strerror(code)).lowercased())
        }
    }
}

/// `write(2)`, under a name that does not clash with Swift's methods.
@inline(__always)
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

/// `close(2)`, under a name that does not clash with ``OutputFile/Writing``'s method.
@inline(__always)
private func systemClose(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}
