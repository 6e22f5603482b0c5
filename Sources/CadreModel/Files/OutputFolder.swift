#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A folder cadre writes several files into (`cadre import --output-dir`, `cadre init`): each
/// file is written as ``OutputFile`` writes one, and never through a symbolic link inside the
/// folder — a file or a folder on the way — that leads outside it. Links that stay inside are
/// followed.
public struct OutputFolder: Sendable {
    /// The folder as the user named it.
    public let path: String

    public init(_ path: String) { self.path = path }

    /// `relative`'s path inside the folder, as shown to users (`out/systems/crm.yaml`).
    public func path(of relative: String) -> String { WorkspaceFiles.join(path, relative) }

    /// Checks that writing `relative` (a path without `..`) stays inside the folder.
    ///
    /// - Throws: ``OutputError`` with code ``OutputError/Code/outsideFolder``, naming the first
    ///   symbolic link on the way that leads outside.
    public func check(_ relative: String) throws(OutputError) {
        let components = relative.split(separator: "/")
        if relative.hasPrefix("/") || components.contains("..") {
            throw OutputError(
                .outsideFolder, path: relative, "the path leads outside the folder \(path)",
                hint: "name a path inside it, without `..`")
        }
        // A folder that does not exist yet holds no link.
        guard let root = OutputFile.realPath(path) else { return }
        var current = path
        for component in components {
            current =
                current == "." ? String(component) : (current.hasSuffix("/") ? current : current + "/") + component
            let kind = FileKind.of(current, followingLinks: false)
            // Nothing there: nothing further exists either.
            if kind == nil { return }
            guard kind == .symbolicLink else { continue }
            let target = Self.finalTarget(of: current)
            guard let target, target == root || target.hasPrefix(root == "/" ? "/" : root + "/") else {
                throw OutputError(
                    .outsideFolder, path: current,
                    "it is a symbolic link to \(target ?? OutputFile.linkTarget(current) ?? "?"), outside the folder \(path)",
                    hint: "cadre writes only inside the folder: remove the link, or choose another folder")
            }
        }
    }

    /// Writes `text` at `relative` inside the folder, creating the folders it needs.
    ///
    /// - Throws: ``OutputError`` when a link leads outside (see ``check(_:)``) or the file cannot
    ///   be written.
    public func write(_ text: String, to relative: String) throws(OutputError) {
        try check(relative)
        let file = path(of: relative)
        try makeFolders(OutputFile.folder(of: file), for: file)
        try OutputFile(file).write(text)
    }

    /// Writes every file of `files` (a path inside the folder and its text) as one durable
    /// batch, as ``OutputFile`` writes one file but with one sync for them all: each is written
    /// to a temporary file beside its path, the file system is synced once (`syncfs`), then each
    /// is renamed over its path and each folder they are in is synced once. Until the renames,
    /// every path is left as it was; a failure removes every temporary file.
    ///
    /// - Throws: ``OutputError`` when a link leads outside (see ``check(_:)``) or a file cannot
    ///   be written, before anything is renamed when it can.
    public func write(_ files: [(path: String, text: String)]) throws(OutputError) {
        for file in files { try check(file.path) }
        var writings: [OutputFile.Writing] = []
        writings.reserveCapacity(files.count)
        for file in files {
            let shown = path(of: file.path)
            try makeFolders(OutputFile.folder(of: shown), for: shown)
            let writing = try OutputFile(shown).start()
            try writing.write(Array(file.text.utf8))
            try writing.close(syncing: false)
            writings.append(writing)
        }
        // One sync of the file system holds every file's bytes (of every file system, when
        // that one cannot be synced alone).
        let descriptor = open(path.isEmpty ? "." : path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if descriptor < 0 || syncFileSystem(descriptor) != 0 { sync() }
        if descriptor >= 0 { close(descriptor) }
        var folders: Set<String> = []
        for writing in writings {
            try writing.publish()
            if let folder = writing.folder { folders.insert(folder) }
        }
        for folder in folders.sorted() { OutputFile.sync(folder: folder) }
    }

    /// `mkdir -p`: every folder of `folder` that is missing, as `mkdir` makes them (0777 less the umask).
    private func makeFolders(_ folder: String, for file: String) throws(OutputError) {
        var current = folder.hasPrefix("/") ? "" : "."
        for component in folder.split(separator: "/") {
            current += "/" + component
            let shown = current.hasPrefix("./") ? String(current.dropFirst(2)) : current
            if mkdir(current, 0o777) != 0, errno != EEXIST {
                let reason = String(cString: strerror(errno)).lowercased()
                throw OutputError(.noFolder, path: file, "cannot create the folder \(shown): \(reason)")
            }
            guard FileKind.of(current) == .folder else {
                throw OutputError(.noFolder, path: file, "\(shown) is not a folder")
            }
        }
    }

    /// Where the link `link` finally leads, every link followed: its real path, or for a link to
    /// nothing the real path of the folder it would be created in; nil when even that is missing.
    static func finalTarget(of link: String) -> String? {
        if let resolved = OutputFile.realPath(link) { return resolved }
        var current = link
        for _ in 0..<40 {
            guard FileKind.of(current, followingLinks: false) == .symbolicLink else { break }
            guard let next = OutputFile.linkTarget(current) else { return nil }
            current = next
        }
        guard FileKind.of(current, followingLinks: false) == nil,
            let folder = OutputFile.realPath(OutputFile.folder(of: current))
        else {
            return nil
        }
        let name = current.split(separator: "/").last.map(String.init) ?? current
        return folder == "/" ? "/" + name : folder + "/" + name
    }
}

#if os(Linux)
    /// `syncfs(2)`: the file system holding `descriptor`, synced (Glibc's module does not export it).
    @_silgen_name("syncfs")
    private func syncFileSystem(_ descriptor: Int32) -> Int32
#else
    private func syncFileSystem(_ descriptor: Int32) -> Int32 { -1 }
#endif
