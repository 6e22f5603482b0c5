/// A Lua value on the Swift side of the bridge.
///
/// Data crosses the bridge by value: reading a table from Lua copies it into a ``LuaTable``;
/// pushing a ``LuaValue`` builds new Lua values. Functions, read-only trees and host objects stay
/// in their state and cross as a ``LuaReference``.
public enum LuaValue: Sendable, Hashable {
    case `nil`
    case boolean(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case table(LuaTable)
    /// A value held by one state's registry: a function, a read-only tree, a host object.
    case reference(LuaReference)

    /// The name Lua's `type` gives this value.
    public var typeName: String {
        switch self {
        case .nil: "nil"
        case .boolean: "boolean"
        case .integer, .number: "number"
        case .string: "string"
        case .table: "table"
        case .reference(let reference): reference.typeName
        }
    }

    public var isNil: Bool { if case .nil = self { true } else { false } }

    /// The string, if this is a string.
    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }

    /// The integer, if this is an integer or a float with an exact integer value.
    public var integerValue: Int64? {
        switch self {
        case .integer(let i): i
        case .number(let d): Int64(exactly: d)
        default: nil
        }
    }

    /// The number as a Double, if this is a number.
    public var doubleValue: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .number(let d): d
        default: nil
        }
    }

    public var boolValue: Bool? { if case .boolean(let b) = self { b } else { nil } }

    public var tableValue: LuaTable? { if case .table(let t) = self { t } else { nil } }

    public var referenceValue: LuaReference? { if case .reference(let r) = self { r } else { nil } }

    /// Lua truthiness: everything but `nil` and `false` is true.
    public var isTruthy: Bool {
        switch self {
        case .nil, .boolean(false): false
        default: true
        }
    }

    /// The field `key` of a table (`nil` for anything else or a missing key).
    public subscript(key: String) -> LuaValue {
        tableValue?[.string(key)] ?? .nil
    }

    /// The element at `index` (1-based, as in Lua) of a table.
    public subscript(index: Int) -> LuaValue {
        tableValue?[.integer(Int64(index))] ?? .nil
    }
}

extension LuaValue: ExpressibleByNilLiteral {
    public init(nilLiteral: ()) { self = .nil }
}

extension LuaValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
}

extension LuaValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int64) { self = .integer(value) }
}

extension LuaValue: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) { self = .number(value) }
}

extension LuaValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension LuaValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: LuaValue...) { self = .table(LuaTable(array: elements)) }
}

extension LuaValue: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, LuaValue)...) {
        var table = LuaTable()
        for (key, value) in elements { table[.string(key)] = value }
        self = .table(table)
    }
}

extension LuaValue: CustomStringConvertible {
    /// A Lua-like rendering, for messages and tests: `{1, 2, name = "x"}`.
    public var description: String {
        switch self {
        case .nil: "nil"
        case .boolean(let b): b ? "true" : "false"
        case .integer(let i): String(i)
        case .number(let d): LuaValue.format(d)
        case .string(let s): "\"" + s.replacingOccurrences(of: "\"", with: "\\\"") + "\""
        case .table(let t): t.description
        case .reference(let r): "<\(r.typeName) #\(r.id)>"
        }
    }

    /// Formats a float as Lua's `%.14g` does, with `.0` on integral values.
    static func format(_ d: Double) -> String {
        if d.isNaN { return d.sign == .minus ? "-nan" : "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) + ".0" }
        return "\(d)"
    }
}
