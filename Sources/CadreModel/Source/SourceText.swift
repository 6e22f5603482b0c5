/// The text of a file, with what diagnostics need to turn offsets into lines and columns.
struct SourceText: Sendable {
    /// The file as named in diagnostics.
    let file: String
    /// The text (UTF-8, without a byte order mark).
    let text: String

    /// The 1-based line and column (in Unicode scalars) of the byte at `offset` in `bytes`,
    /// which may be invalid UTF-8 after `offset`.
    static func position(ofByte offset: Int, in bytes: some Collection<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var index = 0
        for byte in bytes {
            if index == offset { break }
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                // Count the first byte of each scalar, not its continuation bytes.
                column += 1
            }
            index += 1
        }
        return (line, column)
    }

    /// The location of the byte at `offset`.
    func location(ofByte offset: Int) -> SourceLocation {
        let (line, column) = Self.position(ofByte: offset, in: text.utf8)
        return SourceLocation(file: file, line: line, column: column)
    }

    /// The location of a 1-based line and column.
    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    /// The text of line `number` (1-based), without its line break, or nil past the end.
    func line(_ number: Int) -> Substring? {
        guard number >= 1 else { return nil }
        let utf8 = text.utf8
        var current = 1
        var start = utf8.startIndex
        var index = utf8.startIndex
        while index < utf8.endIndex {
            if utf8[index] == UInt8(ascii: "\n") {
                if current == number { return Substring(text[start..<index]).trimmingCarriageReturn() }
                current += 1
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        return current == number ? Substring(text[start...]).trimmingCarriageReturn() : nil
    }

    /// The Unicode scalar at a 1-based line and column, if there is one.
    func scalar(line number: Int, column: Int) -> Unicode.Scalar? {
        guard let line = line(number) else { return nil }
        let scalars = line.unicodeScalars
        guard column >= 1,
            let index = scalars.index(scalars.startIndex, offsetBy: column - 1, limitedBy: scalars.endIndex),
            index < scalars.endIndex
        else { return nil }
        return scalars[index]
    }
}

extension Substring {
    fileprivate func trimmingCarriageReturn() -> Substring {
        unicodeScalars.last == "\r" ? Substring(unicodeScalars.dropLast()) : self
    }
}
