#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a regular file front to back in fixed chunks, opened `O_RDONLY`: the only way file stores
/// touch a file. Memory: one chunk (256 KiB).
final class FileByteReader {
    private let descriptor: Int32
    private var chunk: UnsafeMutableBufferPointer<UInt8>
    /// Bytes of `chunk` holding data, and the next one to read.
    private var filled = 0
    private var position = 0
    private(set) var isAtEnd = false
    /// Bytes read so far.
    private(set) var offset = 0
    let store: String
    let table: String

    init(path: String, store: String, table: String, chunkSize: Int = 256 << 10) throws(StoreError) {
        self.store = store
        self.table = table
        // Opened without waiting (a FIFO would wait for a writer), then refused unless it is a
        // regular file: a FIFO or a device never ends.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            let code: StoreError.Code = errno == ENOENT ? .missingFile : .unreadableFile
            throw StoreError(
                code, store: store, table: table,
                message: code == .missingFile ? "the file is gone" : "the file cannot be read")
        }
        var status = stat()
        guard fstat(fd, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw StoreError(
                .unreadableFile, store: store, table: table,
                message: "the file is a FIFO, a socket or a device, not a regular file")
        }
        descriptor = fd
        chunk = .allocate(capacity: chunkSize)
    }

    deinit {
        close(descriptor)
        chunk.deallocate()
    }

    /// The next byte, or nil at the end of the file.
    @inline(__always) func next() throws(StoreError) -> UInt8? {
        if position == filled {
            guard try refill() else { return nil }
        }
        let byte = chunk[position]
        position += 1
        offset += 1
        return byte
    }

    /// The next byte without consuming it.
    @inline(__always) func peek() throws(StoreError) -> UInt8? {
        if position == filled {
            guard try refill() else { return nil }
        }
        return chunk[position]
    }

    /// Calls `body` with the unread bytes of the current chunk (refilling first when empty), and
    /// consumes as many as `body` returns. Returns false at the end of the file.
    func consume(_ body: (UnsafeBufferPointer<UInt8>) -> Int) throws(StoreError) -> Bool {
        if position == filled {
            guard try refill() else { return false }
        }
        let used = body(UnsafeBufferPointer(rebasing: chunk[position..<filled]))
        position += used
        offset += used
        return true
    }

    private func refill() throws(StoreError) -> Bool {
        guard !isAtEnd, let base = chunk.baseAddress else { return false }
        while true {
            let n = read(descriptor, base, chunk.count)
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else {
                throw StoreError(.unreadableFile, store: store, table: table, message: "reading the file failed")
            }
            if n == 0 {
                isAtEnd = true
                return false
            }
            filled = n
            position = 0
            return true
        }
    }
}
