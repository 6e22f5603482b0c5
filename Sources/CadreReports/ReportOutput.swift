import CadreModel

/// Where a report goes, a piece at a time: writers hand it text as they make it, and it passes
/// the bytes on in pieces of at least 256 KiB (and what is left at ``finish()``), so a report is
/// never whole in memory.
public final class ReportOutput {
    private var buffer: [UInt8] = []
    private let destination: ([UInt8]) throws -> Void
    private static let piece = 256 << 10

    /// An output that hands each piece to `destination` (which throws to stop the report).
    public init(_ destination: @escaping ([UInt8]) throws -> Void) {
        self.destination = destination
        buffer.reserveCapacity(Self.piece + 4096)
    }

    /// Appends `text`.
    public func write(_ text: String) throws {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= Self.piece { try flush() }
    }

    /// Appends `bytes` (UTF-8 text).
    public func write(bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.piece { try flush() }
    }

    /// Appends each of `lines` and a line feed after it.
    public func write(lines: [String]) throws {
        for line in lines {
            var line = line
            line.withUTF8 { buffer.append(contentsOf: $0) }
            buffer.append(0x0A)
        }
        if buffer.count >= Self.piece { try flush() }
    }

    /// Hands on what is gathered.
    public func finish() throws { try flush() }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try destination(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

extension ReportOutput {
    /// An output to `file`, by ``OutputFile``'s rules: a regular file is replaced only once
    /// the whole report is written (`finish` of the returned writing).
    public static func to(_ file: OutputFile) throws(OutputError) -> (ReportOutput, OutputFile.Writing) {
        let writing = try file.start()
        return (ReportOutput { bytes in try writing.write(bytes) }, writing)
    }
}
