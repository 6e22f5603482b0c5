#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file's first bytes with plain system calls: one `open`, a few `read`s, one `close`.
///
/// Never more than `limit` bytes are read, so a huge file, a device such as `/dev/zero` or a
/// growing log cannot exhaust memory; the caller learns the file is larger from the count.
enum FileReader {
    /// Why a file could not be read.
    enum Failure: Error {
        case notFound
        case isDirectory
        case unreadable
    }

    /// Up to `limit` bytes of the file at `path`.
    static func read(_ path: String, upTo limit: Int) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw errno == ENOENT || errno == ENOTDIR ? .notFound : .unreadable
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory }
        // One byte more than the size, so the read that meets the end of the file needs no new buffer.
        let expected = status.st_size > 0 ? min(Int(status.st_size) + 1, limit) : min(64 << 10, limit)
        var bytes = [UInt8](repeating: 0, count: max(1, expected))
        var count = 0
        while count < limit {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, limit - count))) }
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
}

/// `read(2)`, under a name that does not clash with Swift's methods.
@inline(__always)
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
