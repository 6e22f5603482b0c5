/// A parsed document in a compact binary form, so that a parse can be kept (a re-check keeps the
/// descriptors it parsed in the history) and read back far faster than the YAML is parsed again.
///
/// ```swift
/// let bytes = DocumentArchive.encode(root)
/// let same = DocumentArchive.decode(bytes, file: "systems/voicebot.yaml")  // == root
/// ```
///
/// The file's name is not kept: locations name the file given to ``decode(_:file:limits:)``, so
/// one archive serves every file with the same bytes. Scalars keep their text and style; their
/// value is derived again, as the parser derives it. Decoding never trusts the bytes: anything
/// truncated, unknown, deeper or larger than the parser's limits gives nil, never a crash.
public enum DocumentArchive {
    /// The format's version, first byte of every archive: an archive of another version is not read.
    public static let version: UInt8 = 1

    private enum Tag: UInt8 {
        case scalar = 0
        case sequence = 1
        case mapping = 2
    }

    private static let styles: [Scalar.Style] = [.plain, .singleQuoted, .doubleQuoted, .literal, .folded]

    /// The archive of `root`.
    public static func encode(_ root: LocatedNode) -> [UInt8] {
        var writer = Writer()
        writer.bytes.append(version)
        writer.node(root)
        return writer.bytes
    }

    /// The document `bytes` hold, its locations naming `file`; nil when the bytes are not an
    /// archive of this version, or hold a document beyond `limits`.
    public static func decode(_ bytes: [UInt8], file: String, limits: ParseLimits = .standard) -> LocatedNode? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer, file: file, limits: limits)
            guard reader.byte() == version, let root = reader.node(depth: 1), reader.offset == buffer.count else {
                return nil
            }
            return root
        }
    }

    private struct Writer {
        var bytes: [UInt8] = []

        mutating func number(_ value: Int) {
            var value = UInt(bitPattern: value)
            while value >= 0x80 {
                bytes.append(UInt8(value & 0x7F) | 0x80)
                value >>= 7
            }
            bytes.append(UInt8(value))
        }

        mutating func text(_ text: String) {
            number(text.utf8.count)
            bytes.append(contentsOf: text.utf8)
        }

        mutating func location(_ location: SourceLocation) {
            number(location.line)
            number(location.column)
        }

        mutating func node(_ node: LocatedNode) {
            switch node.content {
            case .scalar(let scalar):
                bytes.append(Tag.scalar.rawValue)
                location(node.location)
                bytes.append(UInt8(DocumentArchive.styles.firstIndex(of: scalar.style) ?? 0))
                text(scalar.text)
            case .sequence(let elements):
                bytes.append(Tag.sequence.rawValue)
                location(node.location)
                number(elements.count)
                for element in elements { self.node(element) }
            case .mapping(let entries):
                bytes.append(Tag.mapping.rawValue)
                location(node.location)
                number(entries.count)
                for entry in entries {
                    text(entry.key)
                    location(entry.keyLocation)
                    self.node(entry.value)
                }
            }
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let file: String
        let limits: ParseLimits
        var offset = 0
        var nodes = 0

        init(bytes: UnsafeBufferPointer<UInt8>, file: String, limits: ParseLimits) {
            self.bytes = bytes
            self.file = file
            self.limits = limits
        }

        mutating func byte() -> UInt8? {
            guard offset < bytes.count else { return nil }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func number() -> Int? {
            var value = 0
            var shift = 0
            while let byte = byte() {
                value |= Int(byte & 0x7F) << shift
                if byte < 0x80 { return value >= 0 ? value : nil }
                shift += 7
                if shift > 56 { return nil }
            }
            return nil
        }

        mutating func text() -> String? {
            guard let count = number(), count <= bytes.count - offset else { return nil }
            defer { offset += count }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<offset + count]), as: UTF8.self)
        }

        mutating func location() -> SourceLocation? {
            guard let line = number(), let column = number() else { return nil }
            return SourceLocation(file: file, line: line, column: column)
        }

        mutating func node(depth: Int) -> LocatedNode? {
            nodes += 1
            guard depth <= limits.maxDepth, nodes <= limits.maxNodes, let tag = byte().flatMap(Tag.init(rawValue:)),
                let location = location()
            else { return nil }
            switch tag {
            case .scalar:
                guard let style = byte(), Int(style) < DocumentArchive.styles.count, let text = text() else {
                    return nil
                }
                return LocatedNode(.scalar(Scalar(text: text, style: DocumentArchive.styles[Int(style)])), at: location)
            case .sequence:
                // Every element takes at least three bytes: a count beyond that is not believed.
                guard let count = number(), count <= (bytes.count - offset) / 3 else { return nil }
                var elements: [LocatedNode] = []
                elements.reserveCapacity(count)
                for _ in 0..<count {
                    guard let element = node(depth: depth + 1) else { return nil }
                    elements.append(element)
                }
                return LocatedNode(.sequence(elements), at: location)
            case .mapping:
                guard let count = number(), count <= (bytes.count - offset) / 6 else { return nil }
                var entries: [LocatedNode.Entry] = []
                entries.reserveCapacity(count)
                for _ in 0..<count {
                    guard let key = text(), let keyLocation = self.location(), let value = node(depth: depth + 1) else {
                        return nil
                    }
                    entries.append(LocatedNode.Entry(key: key, keyLocation: keyLocation, value: value))
                }
                return LocatedNode(.mapping(entries), at: location)
            }
        }
    }
}
