import CadreModel
import LuaHost
import Yams

/// Writes a document an importer built (Lua tables) as YAML a person would want to keep editing:
/// keys in the order of the format's reference (cadre's own formats, told by the `cadre:` key),
/// other mappings in the order of their `_order` list or by key; short lists and short mappings of
/// scalars in flow style (`[customer, employee]`, `{period: P1Y, from: collection}`); comments
/// above the keys they explain.
///
/// Every scalar and every flow collection is written by Yams' emitter (libyaml), which quotes a
/// string where its context requires — a comma in a flow mapping, a `: ` anywhere — so what is
/// written reads back as the same values. This writer only lays out the block structure, the
/// order of keys and the comments; strings that YAML 1.1 readers would take for booleans, nulls
/// or numbers (`no`, `on`, `1_000`) are quoted too. Scalars the emitter would write as they are
/// (`user.contact.email`, `42`, `true`) are written without running it, and the tests hold that
/// shortcut to the emitter's text.
struct YAMLWriter {
    /// The widest line a flow collection may make.
    static let flowWidth = 80
    /// The key a mapping may hold to give its keys' order (not written).
    static let orderKey = "_order"

    /// Comments by node path (`""` for the top of the file, `purposes[0].legal_basis`).
    var comments: [String: String] = [:]
    private var lines: [String] = []

    init(comments: [String: String] = [:]) {
        self.comments = comments
    }

    /// The YAML text of `document`.
    mutating func write(_ document: LuaValue) -> String {
        lines = []
        if let header = comments[""] { lines += Self.commentLines(header, indent: "") }
        let format = document.tableValue?["cadre"]?.stringValue
        let shape = format.flatMap(Self.shape(of:)).map(ValueShape.object)
        switch document {
        case .table(let table) where Self.isMapping(table, shape: shape):
            writeMapping(table, shape: shape, indent: "", path: "")
        case .table(let table):
            writeSequence(table.array, shape: shape, indent: "", path: "")
        default:
            lines.append(Self.scalar(document))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The declared shape of a format of cadre's.
    static func shape(of format: String) -> ObjectShape? {
        switch format {
        case DescriptorSchema.format: DescriptorSchema.system
        case PackManifest.format: PackManifest.shape
        case PluginManifest.format: PluginManifest.shape
        case WorkspaceConfiguration.format: WorkspaceConfiguration.shape
        case Taxonomy.fileFormat: taxonomyShape
        default: nil
        }
    }

    private static let taxonomyTerm = ObjectShape(
        name: "term", summary: "",
        fields: [
            .required("name", .string(.text), ""), .optional("description", .string(.text), ""),
            .optional("origin", .string(.text), ""), .optional("special", .string(.text), ""),
            .optional("replaced_by", .string(.text), ""),
        ])
    private static let taxonomyShape = ObjectShape(
        name: "taxonomy", summary: "",
        fields: [
            .required("cadre", .constant(Taxonomy.fileFormat), ""), .optional("origin", .string(.text), ""),
            .optional("data_categories", .dictionary(keys: .taxonomyKey, values: .object(taxonomyTerm)), ""),
            .optional("data_uses", .dictionary(keys: .taxonomyKey, values: .object(taxonomyTerm)), ""),
            .optional("data_subjects", .dictionary(keys: .taxonomyKey, values: .object(taxonomyTerm)), ""),
        ])

    // MARK: Collections

    private static func isMapping(_ table: LuaTable, shape: ValueShape?) -> Bool {
        if !table.fields.isEmpty { return true }
        if !table.array.isEmpty { return false }
        switch shape {
        case .object?, .dictionary?: return true
        default: return false
        }
    }

    /// The keys of `table` in writing order, with the shape of each value.
    private static func entries(_ table: LuaTable, shape: ValueShape?) -> [(String, LuaValue, ValueShape?)] {
        var present: [String: LuaValue] = [:]
        for (key, value) in table.fields {
            guard let key = key.stringValue ?? (key.integerValue.map { String($0) }), key != orderKey else { continue }
            present[key] = value
        }
        let given = table[orderKey]?.tableValue?.array.compactMap(\.stringValue) ?? []
        var ordered: [String] = []
        var seen = Set<String>()
        func take(_ key: String) {
            if present[key] != nil, seen.insert(key).inserted { ordered.append(key) }
        }
        if case .object(let object)? = shape { for field in object.fields { take(field.key) } }
        for key in given { take(key) }
        for key in present.keys.sorted() { take(key) }
        return ordered.map { key in
            let valueShape: ValueShape? =
                switch shape {
                case .object(let object)?: object.field(key)?.shape
                case .dictionary(_, let values)?: values
                default: nil
                }
            return (key, present[key] ?? .nil, valueShape)
        }
    }

    private mutating func writeMapping(
        _ table: LuaTable, shape: ValueShape?, indent: String, path: String, firstPrefix: String? = nil
    ) {
        var prefix = firstPrefix
        for (key, value, valueShape) in Self.entries(table, shape: shape) {
            let childPath = path.isEmpty ? key : path + "." + key
            let lead = prefix ?? indent
            if let comment = comments[childPath] {
                if prefix != nil {
                    // A comment cannot sit between `- ` and the first key: put it above the item.
                    let dashIndent = String(lead.dropLast(2))
                    lines += Self.commentLines(comment, indent: dashIndent)
                } else {
                    lines += Self.commentLines(comment, indent: indent)
                }
            }
            prefix = nil
            let keyText = Self.key(key)
            switch value {
            case .table(let child) where Self.isMapping(child, shape: valueShape):
                if let flow = flowMapping(
                    child, shape: valueShape, path: childPath, width: lead.count + keyText.count + 2)
                {
                    lines.append("\(lead)\(keyText): \(flow)")
                } else {
                    lines.append("\(lead)\(keyText):")
                    writeMapping(child, shape: valueShape, indent: indent + "  ", path: childPath)
                }
            case .table(let child):
                if let flow = flowSequence(child.array, path: childPath, width: lead.count + keyText.count + 2) {
                    lines.append("\(lead)\(keyText): \(flow)")
                } else {
                    lines.append("\(lead)\(keyText):")
                    writeSequence(child.array, shape: valueShape, indent: indent + "  ", path: childPath)
                }
            default:
                let text = Self.scalar(value)
                if text.hasPrefix("|") {
                    lines.append("\(lead)\(keyText): |-")
                    for line in value.stringValue?.split(separator: "\n", omittingEmptySubsequences: false) ?? [] {
                        lines.append(line.isEmpty ? "" : indent + "  " + line)
                    }
                } else {
                    lines.append("\(lead)\(keyText): \(text)")
                }
            }
        }
        if let prefix, Self.entries(table, shape: shape).isEmpty { lines.append(prefix + "{}") }
    }

    private mutating func writeSequence(_ elements: [LuaValue], shape: ValueShape?, indent: String, path: String) {
        let elementShape: ValueShape? = if case .list(let inner)? = shape { inner } else { nil }
        for (index, element) in elements.enumerated() {
            let childPath = "\(path)[\(index)]"
            if let comment = comments[childPath] { lines += Self.commentLines(comment, indent: indent) }
            switch element {
            case .table(let child) where Self.isMapping(child, shape: elementShape):
                if child.fields.count <= 3,
                    let flow = flowMapping(child, shape: elementShape, path: childPath, width: indent.count + 2)
                {
                    lines.append("\(indent)- \(flow)")
                } else {
                    writeMapping(
                        child, shape: elementShape, indent: indent + "  ", path: childPath, firstPrefix: indent + "- ")
                }
            case .table(let child):
                if let flow = flowSequence(child.array, path: childPath, width: indent.count + 2) {
                    lines.append("\(indent)- \(flow)")
                } else {
                    lines.append("\(indent)-")
                    writeSequence(child.array, shape: elementShape, indent: indent + "  ", path: childPath)
                }
            default:
                lines.append("\(indent)- \(Self.scalar(element))")
            }
        }
    }

    /// `{a: 1, b: two}` when every value is a scalar, no comment points inside, and it fits.
    private func flowMapping(_ table: LuaTable, shape: ValueShape?, path: String, width: Int) -> String? {
        let entries = Self.entries(table, shape: shape)
        if entries.isEmpty { return "{}" }
        guard entries.count <= 5, entries.allSatisfy({ comments[path + "." + $0.0] == nil }),
            let line = Self.flowLine(mapping: entries.map { ($0.0, $0.1) })
        else { return nil }
        return width + line.count <= Self.flowWidth ? line : nil
    }

    /// `[a, b]` when every element is a scalar and it fits.
    private func flowSequence(_ elements: [LuaValue], path: String, width: Int) -> String? {
        if elements.isEmpty { return "[]" }
        guard elements.indices.allSatisfy({ comments["\(path)[\($0)]"] == nil }),
            let line = Self.flowLine(sequence: elements)
        else { return nil }
        return width + line.count <= Self.flowWidth ? line : nil
    }

    /// A flow mapping of scalars on one line, as Yams' emitter writes it; nil when a value is a
    /// table or the line would break. `shortcut: false` always runs the emitter (for the tests).
    static func flowLine(mapping entries: [(String, LuaValue)], shortcut: Bool = true) -> String? {
        guard !entries.contains(where: { $0.1.tableValue != nil }) else { return nil }
        if shortcut, entries.allSatisfy({ isPlainAsItIs($0.0) }) {
            let values = entries.compactMap { plainText($0.1) }
            if values.count == entries.count {
                return "{" + zip(entries, values).map { "\($0.0): \($1)" }.joined(separator: ", ") + "}"
            }
        }
        var pairs: [(Node, Node)] = []
        for (key, value) in entries {
            guard let node = scalarNode(value) else { return nil }
            pairs.append((Node.scalar(stringNode(key)), node))
        }
        return emitted(.mapping(Node.Mapping(pairs, Tag(.map), .flow)))
    }

    /// A flow sequence of scalars on one line, as Yams' emitter writes it (see `flowLine(mapping:)`).
    static func flowLine(sequence elements: [LuaValue], shortcut: Bool = true) -> String? {
        guard !elements.contains(where: { $0.tableValue != nil }) else { return nil }
        if shortcut {
            let plain = elements.compactMap(plainText)
            if plain.count == elements.count { return "[" + plain.joined(separator: ", ") + "]" }
        }
        var nodes: [Node] = []
        for element in elements {
            guard let node = scalarNode(element) else { return nil }
            nodes.append(node)
        }
        return emitted(.sequence(Node.Sequence(nodes, Tag(.seq), .flow)))
    }

    private static func commentLines(_ text: String, indent: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.isEmpty ? "\(indent)#" : "\(indent)# \($0)"
        }
    }

    // MARK: Scalars

    private static func key(_ key: String) -> String {
        isPlainAsItIs(key) ? key : emitted(.scalar(stringNode(key))) ?? quoted(key)
    }

    /// A scalar as YAML, written by Yams' emitter (plain when it reads back as the same value);
    /// `|` marks a string of several lines (written as a block).
    static func scalar(_ value: LuaValue) -> String {
        if case .string(let s) = value, s.contains("\n"), !s.contains("\r"), !s.hasSuffix("\n"), !s.hasPrefix(" ") {
            return "|"
        }
        if let text = plainText(value) { return text }
        return emittedScalar(value)
    }

    /// What Yams' emitter writes for a scalar (`scalar` without its shortcut; compared with it by
    /// the tests).
    static func emittedScalar(_ value: LuaValue) -> String {
        guard let node = scalarNode(value), let text = emitted(node) else { return quoted(value.description) }
        return text
    }

    /// The text of a scalar the emitter writes as it is, found without running it (an emitter
    /// and a regular expression per scalar made most of an import's time): `null`, booleans,
    /// integers, and the strings of ``isPlainAsItIs(_:)``. Nil for any other value.
    static func plainText(_ value: LuaValue) -> String? {
        switch value {
        case .nil: "null"
        case .boolean(let b): b ? "true" : "false"
        case .integer(let i): String(i)
        case .string(let s): isPlainAsItIs(s) ? s : nil
        default: nil
        }
    }

    /// A string that YAML's plain style holds as it is, in block and in flow context, and that
    /// YAML 1.1 and 1.2 readers both read back as this string: it starts with an ASCII letter,
    /// has only ASCII letters, digits, `_`, `.`, `-`, `/` and inner spaces, and is no word read
    /// as a boolean, a null or a number (`no`, `Off`, `inf`). Most keys and values an importer
    /// writes are such strings (`user.contact.email`, `Customer support`).
    static func isPlainAsItIs(_ s: String) -> Bool {
        let bytes = s.utf8
        guard let first = bytes.first, let last = bytes.last, Self.isLetter(first), last != UInt8(ascii: " ") else {
            return false
        }
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"),
                UInt8(ascii: "/"), UInt8(ascii: " "):
                continue
            default:
                return false
            }
        }
        return !reserved.contains(s.lowercased()) && !looksNumeric(s)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    /// A scalar value as a node for the emitter, tagged with its type; nil for a table.
    private static func scalarNode(_ value: LuaValue) -> Node? {
        switch value {
        case .nil: return .scalar(Node.Scalar("null", Tag(.null)))
        case .boolean(let b): return .scalar(Node.Scalar(b ? "true" : "false", Tag(.bool)))
        case .integer(let i): return .scalar(Node.Scalar(String(i), Tag(.int)))
        case .number(let d):
            if d == d.rounded(), abs(d) < 1e15 { return .scalar(Node.Scalar(String(Int64(d)), Tag(.int))) }
            return .scalar(Node.Scalar("\(d)", Tag(.float)))
        case .string(let s): return .scalar(stringNode(s))
        case .table: return nil
        default: return .scalar(stringNode(value.description))
        }
    }

    /// A string: plain when YAML 1.1 and 1.2 readers both read it back as this string, else
    /// quoted (the emitter chooses how).
    private static func stringNode(_ s: String) -> Node.Scalar {
        let node = s.represented()
        guard node.style == .any, !plainIsSafe(s) else { return node }
        return Node.Scalar(
            s, Tag(.str),
            s.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } ? .doubleQuoted : .singleQuoted)
    }

    /// What Yams' emitter writes for `node`, on one line (no document markers); nil when it
    /// cannot, or when it takes several lines.
    private static func emitted(_ node: Node) -> String? {
        guard let text = try? Yams.serialize(node: node, width: -1, allowUnicode: true) else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while let last = lines.last, last.isEmpty || last == "..." { lines.removeLast() }
        return lines.count == 1 ? lines[0] : nil
    }

    /// Words YAML 1.1 or 1.2 readers take for something other than a string.
    private static let reserved: Set<String> = [
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", "", ".inf", "-.inf", "+.inf", ".nan",
    ]

    private static func plainIsSafe(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return false }
        if reserved.contains(s.lowercased()) { return false }
        if " \t".unicodeScalars.contains(first) || " \t".unicodeScalars.contains(last) { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) {
            // `-` and `?` and `:` may start a plain scalar when a non-space follows, but numbers
            // such as -1 must stay strings.
            guard first == "-" || first == ":" || first == "?", s.count > 1, !s.dropFirst().hasPrefix(" ") else {
                return false
            }
        }
        if s.contains(": ") || s.contains(" #") || s.hasSuffix(":") { return false }
        if s.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return false }
        if looksNumeric(s) { return false }
        return true
    }

    private static func looksNumeric(_ s: String) -> Bool {
        let body = s.hasPrefix("-") || s.hasPrefix("+") ? String(s.dropFirst()) : s
        if body.isEmpty { return false }
        if body.hasPrefix("0x") || body.hasPrefix("0o") { return true }
        if Double(body) != nil { return true }
        // YAML 1.1 sexagesimal (190:20:30) and numbers with underscores.
        if body.allSatisfy({ $0.isNumber || $0 == "_" || $0 == ":" || $0 == "." }), body.first?.isNumber == true,
            body.contains("_") || body.contains(":")
        {
            return true
        }
        return false
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
