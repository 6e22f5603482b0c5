/// The checks a file's bytes pass before any YAML parser sees them: size, emptiness, binary
/// content and encoding. Each failure is one located diagnostic.
enum DocumentBytes {
    /// The text of `bytes` (UTF-8, byte order mark removed), or the reason it is not a text
    /// cadre reads.
    static func text(of bytes: [UInt8], file: String, limits: ParseLimits) throws(Diagnostic) -> String {
        let start = SourceLocation.start(of: file)
        if bytes.count > limits.maxBytes {
            throw .error(
                .fileTooLarge, at: start,
                "file is larger than \(Self.size(limits.maxBytes)), the limit for \(limits.subject)",
                hint: "a descriptor of typical size is a few kilobytes: check that this is the right file")
        }
        if bytes.isEmpty {
            throw .error(
                .emptyFile, at: start, "file is empty",
                hint: "a descriptor starts with `cadre: system/v1`; see docs/descriptors.md")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw .error(
                .notUTF8, at: start, "file is UTF-16 (it starts with a UTF-16 byte order mark)",
                hint: "save the file as UTF-8")
        }
        if let nul = bytes.firstIndex(of: 0) {
            let (line, column) = SourceText.position(ofByte: nul, in: bytes)
            throw .error(
                .binaryFile, at: SourceLocation(file: file, line: line, column: column),
                "file is not text: it holds a NUL byte",
                hint: "descriptors are YAML or JSON text files")
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        if let text = String(validating: body, as: UTF8.self) { return text }
        if let bad = firstInvalidUTF8(in: bytes) {
            let (line, column) = SourceText.position(ofByte: bad, in: bytes)
            let byte = String(bytes[bad], radix: 16, uppercase: true)
            throw .error(
                .notUTF8, at: SourceLocation(file: file, line: line, column: column),
                "file is not valid UTF-8: byte 0x\(byte) cannot start or continue a character here",
                hint: bytes[bad] >= 0xA0
                    ? "the file looks like Latin-1 or Windows-1252; save it as UTF-8"
                    : "save the file as UTF-8")
        }
        return String(decoding: body, as: UTF8.self)
    }

    /// The offset of the first byte that makes `bytes` invalid UTF-8 (overlong forms,
    /// surrogates and values past U+10FFFF included), or nil when it is valid.
    static func firstInvalidUTF8(in bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                upper = 0x9F
            case 0xF0:
                length = 4
                lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                upper = 0x8F
            default: return index
            }
            guard index + length <= count else { return index }
            for offset in 1..<length {
                let byte = bytes[index + offset]
                let (low, high) = offset == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
                if byte < low || byte > high { return index }
            }
            index += length
        }
        return nil
    }

    /// `1 MiB`, `512 KiB`, `300 bytes`.
    static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}
