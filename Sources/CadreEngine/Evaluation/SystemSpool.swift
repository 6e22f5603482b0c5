#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a run keeps the systems it evaluated until the report reaches them: reports list systems
/// by id, which is known only once every descriptor is read, so results wait on disk, not in
/// memory, and each is read back once.
///
/// The file is created in the temporary folder (`TMPDIR`, else `/tmp`) readable by its owner
/// only, and removed from the folder as soon as it is open: nothing is left behind whatever
/// happens to cadre, and no other process finds it by name. Findings' evidence in it is already
/// redacted, as in any report. When no such file can be written (no temporary folder, a full
/// disk), records stay in memory: the run goes on, with the memory it would have used before.
///
/// Not thread-safe: a run appends under its own lock.
final class SystemSpool {
    /// Where a record is: its bytes' place in the spool.
    struct Record {
        var offset: Int
        var length: Int
    }

    private var descriptor: Int32 = -1
    /// How many bytes the file holds; the spool's bytes past them are in `pending`.
    private var written = 0
    /// Bytes appended but not yet written to the file (all of them when there is no file).
    private var pending: [UInt8] = []
    /// Whether the file takes no more (none could be made, or a write failed).
    private var full = false
    /// Written to the file in pieces of this size.
    private static let chunk = 1 << 20

    /// A spool in `folder` (by default the temporary folder: `TMPDIR`, else `/tmp`).
    init(in folder: String = SystemSpool.temporaryFolder()) {
        var template = Array((folder + "/cadre-spool-XXXXXX").utf8CString)
        let opened = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard opened >= 0 else {
            full = true
            return
        }
        _ = fchmod(opened, 0o600)
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        descriptor = opened
        pending.reserveCapacity(Self.chunk)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Keeps `bytes`; the record says where.
    func append(_ bytes: [UInt8]) -> Record {
        let record = Record(offset: written + pending.count, length: bytes.count)
        pending += bytes
        if !full, pending.count >= Self.chunk { full = !flush() }
        return record
    }

    /// The bytes of `record`; nil when the file cannot be read back.
    func read(_ record: Record) -> [UInt8]? {
        if record.offset >= written {
            let start = record.offset - written
            return Array(pending[start..<start + record.length])
        }
        guard record.offset + record.length <= written else { return nil }
        var bytes = [UInt8](repeating: 0, count: record.length)
        var done = 0
        while done < record.length {
            let got = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress! + done, record.length - done, off_t(record.offset + done))
            }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return nil }
            done += got
        }
        return bytes
    }

    /// Writes what is pending; false when the file refuses some of it (what it took is counted).
    private func flush() -> Bool {
        var done = 0
        defer {
            pending.removeFirst(done)
            written += done
        }
        while done < pending.count {
            let wrote = pending.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + done, pending.count - done)
            }
            if wrote < 0, errno == EINTR { continue }
            guard wrote > 0 else { return false }
            done += wrote
        }
        return true
    }

    static func temporaryFolder() -> String {
        if let folder = getenv("TMPDIR").map({ String(cString: $0) }), !folder.isEmpty { return folder }
        return "/tmp"
    }
}
