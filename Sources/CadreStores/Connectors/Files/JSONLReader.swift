/// Streams the records of a JSON Lines file: one JSON object per line, blank lines skipped.
///
/// Only top-level members are columns. Strings are decoded (escapes, `\u` surrogate pairs);
/// numbers, `true`/`false` and nested objects or arrays keep their JSON text. A missing member
/// or `null` is null. A line that is not a JSON object fails with ``StoreError/Code/invalidData``
/// naming the line number (never its content). Memory: one chunk and one line (at most 64 MiB).
final class JSONLReader: FileRecordReader {
    static let maxLineBytes = 64 << 20

    private let reader: FileByteReader
    private let line = RecordBuffer()
    private let decoded = RecordBuffer()
    private let key = RecordBuffer(capacity: 256)
    /// The requested member names, as UTF-8, and where each value of the current line is.
    private var wantedKeys: [[UInt8]] = []
    private var found: [(kind: FieldValue.Kind, inDecoded: Bool, start: Int, end: Int)] = []
    /// When set, every top-level member name seen (with the kind of its first non-null value).
    var collectKeys: ((String, FieldValue.Kind) -> Void)?
    private(set) var lineNumber = 0

    init(path: String, store: String, table: String) throws(StoreError) {
        reader = try FileByteReader(path: path, store: store, table: table)
    }

    /// Chooses the members ``value(_:)`` answers for.
    func select(_ names: [String]) {
        wantedKeys = names.map { Array($0.utf8) }
        found = Array(repeating: (.null, false, 0, 0), count: names.count)
    }

    func next() throws(StoreError) -> Bool {
        while try readLine() {
            lineNumber += 1
            var p = JSONCursor(line.slice(0, line.count))
            p.skipSpace()
            if p.isAtEnd { continue }  // blank line
            for k in found.indices { found[k] = (.null, false, 0, 0) }
            decoded.reset()
            guard parseObject(&p) else {
                throw StoreError(
                    .invalidData, store: reader.store, table: reader.table,
                    message: "line \(lineNumber) is not a JSON object")
            }
            return true
        }
        return false
    }

    func value(_ k: Int) -> FieldValue {
        let f = found[k]
        guard f.kind != .null else { return .null }
        return FieldValue(kind: f.kind, bytes: f.inDecoded ? decoded.slice(f.start, f.end) : line.slice(f.start, f.end))
    }

    private func readLine() throws(StoreError) -> Bool {
        line.reset()
        var sawByte = false
        var done = false
        let line = self.line
        while !done {
            let more = try reader.consume { bytes in
                sawByte = true
                guard let base = bytes.baseAddress else { return 0 }
                if let newline = memchr(base, 0x0A, bytes.count) {
                    let length = UnsafeRawPointer(newline) - UnsafeRawPointer(base)
                    line.append(UnsafeBufferPointer(start: base, count: length))
                    done = true
                    return length + 1
                }
                line.append(bytes)
                return bytes.count
            }
            if line.count > Self.maxLineBytes {
                throw StoreError(
                    .invalidData, store: reader.store, table: reader.table,
                    message: "line \(lineNumber + 1) is larger than 64 MiB")
            }
            if !more { return sawByte && line.count > 0 }
        }
        return true
    }

    /// `{ "key": value, … }` and nothing after it but spaces.
    private func parseObject(_ p: inout JSONCursor) -> Bool {
        guard p.take(0x7B) else { return false }  // {
        p.skipSpace()
        if p.take(0x7D) {
            p.skipSpace()
            return p.isAtEnd
        }  // {}
        while true {
            p.skipSpace()
            key.reset()
            guard p.peek == 0x22, p.decodeString(into: key) else { return false }
            p.skipSpace()
            guard p.take(0x3A) else { return false }  // :
            p.skipSpace()
            let slot = wantedKeys.firstIndex { $0.elementsEqual(key.slice(0, key.count)) }
            let start = p.position
            let decodedStart = decoded.count
            let kind: FieldValue.Kind
            switch p.peek {
            case 0x22:
                if slot == nil {
                    guard p.skipString() else { return false }
                } else {
                    guard p.decodeString(into: decoded) else { return false }
                }
                kind = .text
            case 0x7B, 0x5B:
                guard p.skipNested() else { return false }
                kind = .nested
            case 0x74:
                guard p.take(literal: "true") else { return false }
                kind = .boolean
            case 0x66:
                guard p.take(literal: "false") else { return false }
                kind = .boolean
            case 0x6E:
                guard p.take(literal: "null") else { return false }
                kind = .null
            default:
                guard p.skipNumber() else { return false }
                kind = .number
            }
            if let collectKeys {
                collectKeys(String(decoding: key.slice(0, key.count), as: UTF8.self), kind)
            }
            if let slot, found[slot].kind == .null {
                found[slot] =
                    kind == .text ? (kind, true, decodedStart, decoded.count) : (kind, false, start, p.position)
            }
            p.skipSpace()
            if p.take(0x2C) { continue }  // ,
            guard p.take(0x7D) else { return false }  // }
            p.skipSpace()
            return p.isAtEnd
        }
    }
}

/// A cursor over the bytes of one JSON line.
struct JSONCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var isAtEnd: Bool { position >= bytes.count }
    var peek: UInt8 { position < bytes.count ? bytes[position] : 0 }

    mutating func skipSpace() {
        while position < bytes.count,
            bytes[position] == 0x20 || bytes[position] == 0x09 || bytes[position] == 0x0D || bytes[position] == 0x0A
        {
            position += 1
        }
    }

    mutating func take(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        position += 1
        return true
    }

    mutating func take(literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        for k in 0..<count where bytes[position + k] != literal.utf8Start[k] { return false }
        position += count
        return true
    }

    mutating func skipNumber() -> Bool {
        let start = position
        while position < bytes.count {
            let b = bytes[position]
            guard ASCII.isDigit(b) || b == 0x2D || b == 0x2B || b == 0x2E || b == 0x65 || b == 0x45 else { break }
            position += 1
        }
        return position > start
    }

    /// Skips a nested object or array, strings included.
    mutating func skipNested() -> Bool {
        var depth = 0
        while position < bytes.count {
            let b = bytes[position]
            if b == 0x22 {
                guard skipString() else { return false }
                continue
            }
            position += 1
            if b == 0x7B || b == 0x5B { depth += 1 }
            if b == 0x7D || b == 0x5D {
                depth -= 1
                if depth == 0 { return true }
            }
        }
        return false
    }

    mutating func skipString() -> Bool {
        position += 1
        while position < bytes.count {
            let b = bytes[position]
            position += 1
            if b == 0x5C { position += 1 } else if b == 0x22 { return true }
        }
        return false
    }

    /// Decodes a string at the cursor into `out` (UTF-8, escapes resolved).
    mutating func decodeString(into out: RecordBuffer) -> Bool {
        position += 1  // opening quote
        while position < bytes.count {
            // Copy the run up to the next quote or backslash at once.
            let runStart = position
            while position < bytes.count, bytes[position] != 0x22, bytes[position] != 0x5C { position += 1 }
            out.append(UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
            guard position < bytes.count else { return false }
            if bytes[position] == 0x22 {
                position += 1
                return true
            }
            position += 1  // backslash
            guard position < bytes.count else { return false }
            let e = bytes[position]
            position += 1
            switch e {
            case 0x22, 0x5C, 0x2F: out.append(e)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                guard var scalar = hex4() else { return false }
                if (0xD800...0xDBFF).contains(scalar), take(0x5C), take(0x75), let low = hex4(),
                    (0xDC00...0xDFFF).contains(low)
                {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                for unit in String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8 { out.append(unit) }
            default:
                return false
            }
        }
        return false
    }

    private mutating func hex4() -> UInt32? {
        guard position + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[position]
            let digit: UInt32
            switch b {
            case 0x30...0x39: digit = UInt32(b - 0x30)
            case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
            default: return nil
            }
            value = value * 16 + digit
            position += 1
        }
        return value
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
