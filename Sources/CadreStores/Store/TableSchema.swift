/// The columns of one table, as the store describes them.
public struct TableSchema: Sendable, Hashable {
    /// The table's name, as the store spells it.
    public var name: String
    /// The columns, in the store's order.
    public var columns: [ColumnSchema]

    /// Creates a schema.
    public init(name: String, columns: [ColumnSchema]) {
        self.name = name
        self.columns = columns
    }

    /// The column of that name (exact spelling first, then ignoring ASCII case).
    public func column(named name: String) -> ColumnSchema? {
        columns.first { $0.name == name } ?? columns.first { $0.name.lowercased() == name.lowercased() }
    }

    /// The column of that name, as ``column(named:)`` finds it.
    ///
    /// - Throws: ``StoreError/Code/missingColumn`` naming `store`, the table and `name`.
    public func column(named name: String, in store: String) throws(StoreError) -> ColumnSchema {
        guard let found = column(named: name) else {
            throw StoreError(
                .missingColumn, store: store, table: self.name, column: name, message: "the table has no such column")
        }
        return found
    }

    /// The names of `columns` as the store spells them.
    ///
    /// - Throws: ``StoreError/Code/missingColumn`` for the first that the table does not have.
    public func columnNames(_ columns: [String], in store: String) throws(StoreError) -> [String] {
        var names: [String] = []
        for column in columns { names.append(try self.column(named: column, in: store).name) }
        return names
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

    /// Creates a column description.
    public init(name: String, declaredType: String, kind: ColumnKind, isNullable: Bool?) {
        self.name = name
        self.declaredType = declaredType
        self.kind = kind
        self.isNullable = isNullable
    }
}

/// A column's type, classified across engines.
public enum ColumnKind: String, Sendable, Hashable, CaseIterable {
    /// Character data (`TEXT`, `varchar`, CSV columns, JSON strings).
    case text
    /// Whole numbers.
    case integer
    /// Other numbers (`REAL`, `double precision`, `numeric`; JSON numbers).
    case real
    /// `BOOLEAN`, JSON `true`/`false`.
    case boolean
    /// A calendar date (`DATE`).
    case date
    /// A date and time (`DATETIME`, `TIMESTAMP`, `timestamptz`).
    case timestamp
    /// Bytes (`BLOB`, `bytea`).
    case blob
    /// JSON (`json`, `jsonb`; nested JSONL values).
    case json
    /// A type cadre does not classify (or none: SQLite columns without a declared type).
    case other
}
