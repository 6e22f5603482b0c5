/// A Lua table copied to Swift: its sequence `1...n` and its other fields.
///
/// Equality ignores the order of fields. Insertion order is kept, and is the order in which a
/// read-only tree built from this table lists its fields to `pairs`, so a script iterating a
/// descriptor sees the document's order.
public struct LuaTable: Sendable {
    /// The values at keys `1...array.count`.
    public var array: [LuaValue]
    /// The other keys and their values, in insertion order.
    public private(set) var fields: [(key: LuaValue, value: LuaValue)]
    private var positions: [LuaValue: Int]
    /// A host tag carried by read-only trees (for example a source location's number).
    public var tag: Int?

    public init(array: [LuaValue] = [], tag: Int? = nil) {
        self.array = array
        self.fields = []
        self.positions = [:]
        self.tag = tag
    }

    public init(fields: [(String, LuaValue)], array: [LuaValue] = [], tag: Int? = nil) {
        self.init(array: array, tag: tag)
        for (key, value) in fields { self[.string(key)] = value }
    }

    public var isEmpty: Bool { array.isEmpty && fields.isEmpty }

    /// The number of keys with a non-nil value.
    public var count: Int { array.count + fields.count }

    public subscript(key: LuaValue) -> LuaValue? {
        get {
            if let index = key.integerValue, index >= 1, index <= array.count {
                return array[Int(index) - 1]
            }
            guard let position = positions[Self.normalized(key)] else { return nil }
            return fields[position].value
        }
        set {
            if let index = key.integerValue, index >= 1, index <= array.count {
                array[Int(index) - 1] = newValue ?? .nil
                return
            }
            let key = Self.normalized(key)
            if let newValue, !newValue.isNil {
                if key.integerValue == Int64(array.count + 1), positions[key] == nil {
                    array.append(newValue)
                    absorbFollowingFields()
                } else if let position = positions[key] {
                    fields[position].value = newValue
                } else {
                    positions[key] = fields.count
                    fields.append((key, newValue))
                }
            } else if let position = positions.removeValue(forKey: key) {
                fields.remove(at: position)
                for index in position..<fields.count { positions[fields[index].key] = index }
            }
        }
    }

    public subscript(key: String) -> LuaValue? {
        get { self[.string(key)] }
        set { self[.string(key)] = newValue }
    }

    /// Floats with an integer value are the same key as that integer, as in Lua.
    private static func normalized(_ key: LuaValue) -> LuaValue {
        if case .number(let d) = key, let i = Int64(exactly: d) { return .integer(i) }
        return key
    }

    /// Moves `n+1, n+2, …` from the fields into the sequence once `n` joins it.
    private mutating func absorbFollowingFields() {
        while let position = positions[.integer(Int64(array.count + 1))] {
            let value = fields[position].value
            self[.integer(Int64(array.count + 1))] = nil
            array.append(value)
        }
    }
}

extension LuaTable: Equatable {
    public static func == (lhs: LuaTable, rhs: LuaTable) -> Bool {
        guard lhs.array == rhs.array, lhs.fields.count == rhs.fields.count, lhs.tag == rhs.tag else {
            return false
        }
        for (key, value) in lhs.fields where rhs[key] != value { return false }
        return true
    }
}

extension LuaTable: Hashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(array)
        hasher.combine(tag)
        // Order-independent: sum of the fields' own hashes.
        var sum = 0
        for (key, value) in fields {
            var h = Hasher()
            h.combine(key)
            h.combine(value)
            sum &+= h.finalize()
        }
        hasher.combine(sum)
    }
}

extension LuaTable: CustomStringConvertible {
    public var description: String {
        var parts = array.map(\.description)
        for (key, value) in fields {
            if case .string(let name) = key, LuaTable.isIdentifier(name) {
                parts.append("\(name) = \(value)")
            } else {
                parts.append("[\(key)] = \(value)")
            }
        }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.utf8.first, first == UInt8(ascii: "_") || (first | 0x20) >= 97 && (first | 0x20) <= 122
        else { return false }
        return s.utf8.allSatisfy { c in
            c == UInt8(ascii: "_") || (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122)
        }
    }
}
