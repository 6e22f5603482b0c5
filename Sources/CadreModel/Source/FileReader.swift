#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file's first bytes with plain system calls: one `open`, a few `read`s, one `close`.
///
/// Never more than `limit` bytes are read, so a huge file or a growing log cannot exhaust
/// memory; the caller learns the file is larger from the count (read `limit + 1` bytes to tell).
/// Only regular files are read: a FIFO, a device or a socket is refused before it is opened
/// (opening a FIFO for reading waits for a writer; reading `/dev/zero` never ends), and checked
/// again on the opened descriptor.
public enum FileReader {
    /// Why a file could not be read.
    public enum Failure: Error, Equatable {
        case notFound
        case isDirectory
        /// A FIFO, a device or a socket.
        case notRegular(FileKind)
        case unreadable
    }

    /// The bytes of a document cadre reads (a descriptor, `cadre.yaml`, a pack's or a waiver
    /// file): at most one byte past `limits.maxBytes`, enough to know the file is too large.
    public static func read(_ path: String, limits: ParseLimits = .standard) throws(Failure) -> [UInt8] {
        try read(path, upTo: limits.maxBytes + 1)
    }

    /// Up to `limit` bytes of the file at `path`.
    public static func read(_ path: String, upTo limit: Int) throws(Failure) -> [UInt8] {
        try check(FileKind.of(path))
        // O_NONBLOCK: should a FIFO take the file's place after the check, opening it does not wait.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            throw errno == ENOENT || errno == ENOTDIR ? .notFound : .unreadable
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable }
        try check(FileKind(mode: status.st_mode))
        // One byte more than the size, so the read that meets the end of the file needs no new buffer.
        let expected = status.st_size > 0 ? min(Int(status.st_size) + 1, limit) : min(64 << 10, limit)
        var bytes = [UInt8](repeating: 0, count: max(1, expected))
        var count = 0
        while count < limit {
            if count == bytes.count {
                bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, limit - count)))
            }
            let got = bytes.withUnsafeMutableBytes { buffer in
                systemRead(descriptor, buffer.baseAddress.map { $0 + count }, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw .unreadable
            }
            if got == 0 { break }
            count += got
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    private static func check(_ kind: FileKind?) throws(Failure) {
        switch kind {
        case nil, .regular?, .symbolicLink?: return
        case .folder?: throw .isDirectory
        case let other?: throw .notRegular(other)
        }
    }
}

/// `read(2)`, under a name that does not clash with Swift's methods.
@inline(__always)
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
