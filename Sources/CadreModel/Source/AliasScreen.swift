import Yams

/// Checks a document's aliases before the real parse expands them.
///
/// Yams shares an aliased node rather than copying it, but it hashes every mapping key to find
/// duplicates, and an alias used as a key is hashed in full: a few lines of nested aliases
/// (an "alias bomb") would then take hours. This screen parses a copy of the text in which every
/// alias has become a plain placeholder word, so nothing expands, then counts what the aliases
/// would expand to and refuses aliases in keys. Only texts that contain something like an alias
/// pay for it.
enum AliasScreen {
    /// True when `text` contains `*` followed by a character an anchor name may start with.
    static func mayHoldAliases(_ text: String) -> Bool {
        var previousIsStar = false
        for byte in text.utf8 {
            if previousIsStar, isAnchorByte(byte) { return true }
            previousIsStar = byte == UInt8(ascii: "*")
        }
        return false
    }

    /// Throws when the aliases of `text` would expand past `limits.maxNodes` or stand in keys.
    static func check(_ text: String, source: SourceText, limits: ParseLimits) throws(Diagnostic) {
        guard let marker = placeholderMarker(for: text) else { return }
        var screened = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pendingStar = false
        while let scalar = scalars.next() {
            if pendingStar {
                screened.append(scalar.isASCII && isAnchorByte(UInt8(scalar.value)) ? marker : "*")
                pendingStar = false
                if scalar == "*" {
                    pendingStar = true
                    continue
                }
                screened.append(scalar)
            } else if scalar == "*" {
                pendingStar = true
            } else {
                screened.append(scalar)
            }
        }
        if pendingStar { screened.append("*") }

        let parser: Parser
        let root: Node?
        do {
            parser = try Parser(yaml: String(screened), resolver: .basic, constructor: .default, encoding: .utf8)
            root = try parser.singleRoot()
        } catch {
            throw YAMLErrorTranslation.diagnostic(for: error, in: source)
        }
        guard let root else { return }
        var walk = Walk(marker: marker, file: source.file, limit: limits.maxNodes)
        try withExtendedLifetime(parser) { () throws(Diagnostic) in
            _ = try walk.size(of: root, inKey: false)
        }
    }

    /// libyaml's anchor characters: ASCII letters, digits, `_` and `-`.
    private static func isAnchorByte(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    /// A private-use character absent from `text`, to mark placeholders.
    private static func placeholderMarker(for text: String) -> Unicode.Scalar? {
        let present = Set(text.unicodeScalars.filter { $0.value >= 0xE000 && $0.value < 0xE100 })
        return (0xE000..<0xE100).lazy.compactMap(Unicode.Scalar.init).first { !present.contains($0) }
    }

    private struct Walk {
        let marker: Unicode.Scalar
        let file: String
        let limit: Int
        var anchors: [String: Int] = [:]
        var total = 0

        /// The expanded size of `node`, counting each placeholder as its anchor's size.
        mutating func size(of node: Node, inKey: Bool) throws(Diagnostic) -> Int {
            var size = 1
            switch node {
            case .scalar(let scalar):
                if scalar.style == .plain, scalar.string.unicodeScalars.first == marker {
                    let location = SourceLocation(
                        file: file, line: scalar.mark?.line ?? 1, column: scalar.mark?.column ?? 1)
                    if inKey {
                        throw .error(
                            .aliasKey, at: location, "an alias cannot be used as a mapping key",
                            hint: "write the key itself; descriptor keys are plain words")
                    }
                    let name = String(scalar.string.unicodeScalars.dropFirst())
                    size = anchors[name] ?? 1
                    total += size - 1
                }
            case .sequence(let sequence):
                for element in sequence { size += try self.size(of: element, inKey: inKey) }
            case .mapping(let mapping):
                for (key, value) in mapping {
                    size += try self.size(of: key, inKey: true)
                    size += try self.size(of: value, inKey: inKey)
                }
            case .alias:
                break
            }
            total += 1
            if total > limit {
                throw .error(
                    .aliasExpansion,
                    at: SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1),
                    "aliases expand this document to more than \(limit) values (an \"alias bomb\")",
                    hint: "aliases (`*name`) copy their anchor each time they are used; a descriptor needs few of them")
            }
            if let anchor = node.anchor?.rawValue { anchors[anchor] = size }
            return size
        }
    }
}
