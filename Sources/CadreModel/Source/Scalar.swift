/// A scalar as written in a YAML or JSON document: its text, its style, and the value it reads as.
///
/// cadre reads plain scalars with the YAML 1.2 core schema (JSON's types plus `~`): `true` and
/// `false` are booleans, `yes`, `no`, `on` and `off` are strings. YAML 1.1 tools read those four
/// as booleans (the "Norway problem"), so ``isYAML11Boolean`` lets validation say so when one
/// appears where a value from a list is expected. Quoted and block scalars are always strings.
public struct Scalar: Sendable, Hashable {
    /// How the scalar was written.
    public enum Style: String, Sendable, Hashable, Codable {
        case plain
        case singleQuoted = "single_quoted"
        case doubleQuoted = "double_quoted"
        /// A `|` block.
        case literal
        /// A `>` block.
        case folded
    }

    /// The text after YAML processing (quotes removed, escapes applied, blocks folded).
    public var text: String
    /// How the scalar was written.
    public var style: Style
    /// The value the text reads as.
    public var value: ScalarValue

    /// Creates a scalar and reads its value with the YAML 1.2 core schema.
    public init(text: String, style: Style) {
        self.text = text
        self.style = style
        self.value = style == .plain ? ScalarValue(plain: text) : .string(text)
    }

    /// True for a plain `yes`, `no`, `on` or `off` (any capitalisation YAML 1.1 accepts):
    /// a string for cadre, a boolean for YAML 1.1 readers.
    public var isYAML11Boolean: Bool {
        style == .plain && Self.yaml11Booleans.contains(text)
    }

    static let yaml11Booleans: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
    ]
}

/// The value of a scalar under the YAML 1.2 core schema.
public enum ScalarValue: Sendable, Hashable {
    /// `~`, `null`, or nothing at all.
    case null
    case bool(Bool)
    case integer(Int)
    case float(Double)
    case string(String)

    /// Reads a plain (unquoted) scalar.
    public init(plain text: String) {
        // Most plain scalars are words: a letter other than those that start `null`, `true`,
        // `false` (in any of their spellings) can only start a string.
        if let first = text.utf8.first, (first >= 0x61 && first <= 0x7A) || (first >= 0x41 && first <= 0x5A) {
            switch first {
            case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"),
                UInt8(ascii: "F"):
                // The words below are five bytes at most.
                if text.utf8.count > 5 {
                    self = .string(text)
                    return
                }
            default:
                self = .string(text)
                return
            }
        }
        switch text {
        case "", "~", "null", "Null", "NULL": self = .null
        case "true", "True", "TRUE": self = .bool(true)
        case "false", "False", "FALSE": self = .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": self = .float(.infinity)
        case "-.inf", "-.Inf", "-.INF": self = .float(-.infinity)
        case ".nan", ".NaN", ".NAN": self = .float(.nan)
        default:
            if let integer = Self.integer(from: text) {
                self = .integer(integer)
            } else if Self.looksLikeFloat(text), let double = Double(text) {
                self = .float(double)
            } else {
                self = .string(text)
            }
        }
    }

    /// The string, if this is a string.
    public var string: String? { if case .string(let s) = self { s } else { nil } }

    /// The word validation uses for this kind of value: `string`, `integer`, `number`, `boolean`, `null`.
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer: "integer"
        case .float: "number"
        case .string: "string"
        }
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+` or `0x[0-9a-fA-F]+`, within `Int`'s range.
    private static func integer(from text: String) -> Int? {
        text.utf8.withContiguousStorageIfAvailable { integer(from: $0, text: text) }
            ?? integer(from: Array(text.utf8), text: text)
    }

    private static func integer<Bytes: RandomAccessCollection<UInt8>>(from utf8: Bytes, text: String) -> Int?
    where Bytes.Index == Int {
        guard let first = utf8.first else { return nil }
        if utf8.count > 2, first == UInt8(ascii: "0") {
            let body = String(decoding: utf8[2...], as: UTF8.self)
            if utf8[1] == UInt8(ascii: "x") { return Int(body, radix: 16) }
            if utf8[1] == UInt8(ascii: "o") { return Int(body, radix: 8) }
        }
        let digits = (first == UInt8(ascii: "-") || first == UInt8(ascii: "+")) ? utf8.dropFirst() : utf8[...]
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(text)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, the core schema's float.
    private static func looksLikeFloat(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { looksLikeFloat($0) } ?? looksLikeFloat(Array(text.utf8))
    }

    private static func looksLikeFloat<Bytes: RandomAccessCollection<UInt8>>(_ utf8: Bytes) -> Bool {
        var bytes = utf8[...]
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        let mantissaEnd = bytes.firstIndex { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") } ?? bytes.endIndex
        let mantissa = bytes[bytes.startIndex..<mantissaEnd]
        let dots = mantissa.reduce(0) { $1 == UInt8(ascii: ".") ? $0 + 1 : $0 }
        guard dots <= 1, mantissa.contains(where: isDigit),
            mantissa.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: ".") })
        else { return false }
        if mantissaEnd == bytes.endIndex { return true }
        var exponent = bytes[bytes.index(after: mantissaEnd)...]
        if let sign = exponent.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            exponent = exponent.dropFirst()
        }
        return !exponent.isEmpty && exponent.allSatisfy(isDigit)
    }
}
