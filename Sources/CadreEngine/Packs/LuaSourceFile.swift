import CadreModel

/// A file cadre reads whole to load it — a rule, a pack's module, a test file, a plugin's file —
/// read only when it is a regular file of at most ``maximumBytes``: a FIFO is never opened for
/// reading, and a huge file costs one byte past the limit, not its size.
enum LuaSourceFile {
    /// The largest file read: 1 MiB (the bundled packs' largest file is under 20 KiB).
    static let maximumBytes = 1 << 20

    /// The text of the file at `path` and the digest of its bytes.
    ///
    /// - Throws: an error diagnostic at `location` (by default the whole file, shown as `shown`)
    ///   when the file is missing, not a regular file, larger than ``maximumBytes`` or not UTF-8.
    static func read(_ path: String, shown: String, at location: SourceLocation? = nil) throws(Diagnostic) -> (
        source: String, digest: String
    ) {
        let location = location ?? .whole(shown)
        let bytes: [UInt8]
        do {
            bytes = try FileReader.read(path, upTo: maximumBytes + 1)
        } catch .notRegular(let kind) {
            throw .error(
                .unreadableFile, at: location, "cannot read `\(shown)`: it is \(kind.phrase), not a regular file",
                hint: "cadre loads only regular files")
        } catch {
            throw .error(.unreadableFile, at: location, "cannot read `\(shown)` as UTF-8 text")
        }
        if bytes.count > maximumBytes {
            throw .error(
                .fileTooLarge, at: location,
                "cannot read `\(shown)`: it is larger than 1 MiB, the limit for a file cadre loads",
                hint: "move data out of the code, or split the file into modules (lib/)")
        }
        guard let source = String(validating: bytes, as: UTF8.self) else {
            throw .error(.unreadableFile, at: location, "cannot read `\(shown)` as UTF-8 text")
        }
        return (source, Digest.sha256(bytes))
    }
}
