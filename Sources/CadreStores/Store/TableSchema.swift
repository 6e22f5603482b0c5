/// The columns of one table, as the store describes them.
public struct TableSchema: Sendable, Hashable {
    /// The table's name, as the store spells it.
    public var name: String
    /// The columns, in the store's order.
    public var columns: [ColumnSchema]

    public init(name: String, columns: [ColumnSchema]) {
        self.name = name
        self.columns = columns
    }

    /// The column of that name (exact spelling first, then ignoring ASCII case).
    public func column(named name: String) -> ColumnSchema? {
        columns.first { $0.name == name } ?? columns.first { $0.name.lowercased() == name.lowercased() }
    }
}

/// One column of a table.
public struct ColumnSchema: Sendable, Hashable {
    /// The column's name, as the store spells it.
    public var name: String
    /// The type the store declares (`TEXT`, `timestamp with time zone`); empty when it declares none (CSV).
    public var declaredType: String
    /// The declared type, classified.
    public var kind: ColumnKind
    /// Whether the store allows nulls; `nil` when it does not say (files).
    public var isNullable: Bool?

    public init(name: String, declaredType: String, kind: ColumnKind, isNullable: Bool?) {
        self.name = name
        self.declaredType = declaredType
        self.kind = kind
        self.isNullable = isNullable
    }
}

/// A column's type, classified across engines.
public enum ColumnKind: String, Sendable, Hashable, CaseIterable {
    case text, integer, real, boolean, date, timestamp, blob, json
    /// A type cadre does not classify (or none: SQLite columns without a declared type).
    case other
}
