import Foundation
import GRDB
import GRDBSQLite

extension SQLiteStore {
    public func tableNames() throws(StoreError) -> [String] {
        try read(table: nil) { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT name FROM sqlite_master
                    WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
                    ORDER BY name
                    """)
        }
    }

    public func schema(of table: String) throws(StoreError) -> TableSchema {
        try read(table: table) { db in try Self.schema(db, table: table, store: id) }
    }

    public func count(in table: String, where filter: RowFilter) throws(StoreError) -> Int {
        /// The count, or the parts to count it in (a large table whose rows a function reads).
        enum Answer {
            case count(Int)
            case parts(RowidParts, condition: String, arguments: [DatabaseValue])
        }
        // One deadline for the count, whether it is counted whole or in parts.
        let deadline = ContinuousClock.now.advanced(by: options.queryTimeLimit.clampedLimit)
        let answer: Answer = try read(table: table, column: filter.column, deadline: deadline) { db in
            let schema = try Self.schema(db, table: table, store: id)
            let from = SQLIdentifier.quoted(schema.name)
            switch filter {
            case .all:
                return .count(try Int.fetchOne(db, sql: "SELECT count(*) FROM \(from)") ?? 0)
            case .isNull(let column), .isNotNull(let column):
                let c = try Self.quotedColumn(column, of: schema, store: id)
                let test = if case .isNull = filter { "IS NULL" } else { "IS NOT NULL" }
                return .count(try Int.fetchOne(db, sql: "SELECT count(*) FROM \(from) WHERE \(c) \(test)") ?? 0)
            case .olderThan(let cutoff, let column):
                let c = try Self.quotedColumn(column, of: schema, store: id)
                let arguments = Self.olderThanArguments(cutoff)
                if let parts = try RowidParts.plan(db, table: schema, rowsPerPart: options.rowsPerPart) {
                    return .parts(parts, condition: Self.olderThanCondition(quotedColumn: c), arguments: arguments)
                }
                let sql = Self.olderThanSQL(quotedTable: from, quotedColumn: c)
                return .count(try Int.fetchOne(db, sql: sql, arguments: StatementArguments(arguments)) ?? 0)
            }
        }
        switch answer {
        case .count(let count): return count
        case .parts(let parts, let condition, let arguments):
            return try countInParts(
                parts, where: condition, arguments: arguments, table: table, column: filter.column, deadline: deadline)
        }
    }

    public func distinctCount(in table: String, of column: String) throws(StoreError) -> Int {
        try read(table: table, column: column) { db in
            let schema = try Self.schema(db, table: table, store: id)
            let c = try Self.quotedColumn(column, of: schema, store: id)
            return try Int.fetchOne(db, sql: "SELECT count(DISTINCT \(c)) FROM \(SQLIdentifier.quoted(schema.name))")
                ?? 0
        }
    }

    public func dateRange(in table: String, of column: String) throws(StoreError) -> DateRange {
        /// Earliest, latest (Unix seconds), and how many values are not dates.
        typealias Answer = (earliest: Double?, latest: Double?, unreadable: Int)
        // One deadline for the range, whether it is read whole or in parts.
        let deadline = ContinuousClock.now.advanced(by: options.queryTimeLimit.clampedLimit)
        let (whole, parts, sql) = try read(table: table, column: column, deadline: deadline) {
            db -> (Answer?, RowidParts?, String) in
            let schema = try Self.schema(db, table: table, store: id)
            let c = try Self.quotedColumn(column, of: schema, store: id)
            let parts = try RowidParts.plan(db, table: schema, rowsPerPart: options.rowsPerPart)
            let within = parts.map { " WHERE \($0.rowid) >= ? AND \($0.rowid) <= ?" } ?? ""
            let sql = """
                SELECT min(e), max(e), count(v) - count(e)
                FROM (SELECT \(c) AS v, \(SQLiteDates.epochSeconds(of: c)) AS e FROM \(SQLIdentifier.quoted(schema.name))\(within))
                """
            guard parts == nil else { return (nil, parts, sql) }
            return (try Self.dateRange(db, sql: sql, arguments: []), nil, sql)
        }
        let answers: [Answer]
        if let parts {
            answers = try readInParts(parts, table: table, column: column, deadline: deadline) { db, low, high in
                try Self.dateRange(db, sql: sql, arguments: [low, high])
            }
        } else {
            answers = whole.map { [$0] } ?? []
        }
        return DateRange(
            earliest: answers.compactMap(\.earliest).min().map(Date.init(timeIntervalSince1970:)),
            latest: answers.compactMap(\.latest).max().map(Date.init(timeIntervalSince1970:)),
            unreadable: answers.reduce(0) { $0 + $1.unreadable })
    }

    /// The earliest and latest dates and the count of values that are not dates that `sql` reads.
    private static func dateRange(_ db: Database, sql: String, arguments: StatementArguments) throws -> (
        earliest: Double?, latest: Double?, unreadable: Int
    ) {
        guard let row = try Row.fetchOne(db, sql: sql, arguments: arguments) else { return (nil, nil, 0) }
        return (row[0], row[1], row[2] ?? 0)
    }

    public func scan(_ table: String, columns: [String], detectors: DetectorRegistry, limits: ScanLimits)
        throws(StoreError) -> ScanReport
    {
        try limits.validate(store: id, table: table, columns: columns)
        // Resolve names first (under the query time limit), then stream under the scan's own limit.
        let schema = try self.schema(of: table)
        let names = try schema.columnNames(columns, in: id)
        let quoted = names.map { SQLIdentifier.quoted($0) }
        var run = ScanRun(store: id, table: schema.name, columns: names, detectors: detectors, limits: limits)
        let sql = "SELECT \(quoted.joined(separator: ", ")) FROM \(SQLIdentifier.quoted(schema.name))"
        do {
            try read(table: table, deadline: run.deadline) { db in
                let statement = try db.makeStatement(sql: sql)
                let handle = statement.sqliteStatement
                let cursor = try Row.fetchCursor(statement)
                while try cursor.next() != nil {
                    guard run.mayReadAnotherRow() else { break }
                    run.row { scanner in
                        for k in 0..<names.count {
                            // The column's bytes as text (numbers are converted), valid until the next step.
                            guard let text = sqlite3_column_text(handle, Int32(k)) else { continue }
                            let length = Int(sqlite3_column_bytes(handle, Int32(k)))
                            scanner.scan(UnsafeBufferPointer(start: text, count: length), column: k)
                        }
                    }
                }
            }
        } catch  where error.code == .timeout {
            run.stopForTime()
        }
        return run.report()
    }

    /// The retention count's statement; parameters: `?1` the cutoff in `julianday` units, `?2` in
    /// Unix seconds, `?3` in `julianday` milliseconds. Values in the usual ISO shapes are read by
    /// ``SQLiteISOText``'s function, any other by ``SQLiteDates/isOlder(_:)``.
    static func olderThanSQL(quotedTable: String, quotedColumn: String) -> String {
        "SELECT count(*) FROM \(quotedTable) WHERE \(olderThanCondition(quotedColumn: quotedColumn))"
    }

    /// The retention count's condition on a row (parameters as in ``olderThanSQL(quotedTable:quotedColumn:)``).
    static func olderThanCondition(quotedColumn: String) -> String {
        "coalesce(\(SQLiteISOText.functionName)(\(quotedColumn), ?3), \(SQLiteDates.isOlder(quotedColumn)))"
    }

    /// The parameters of ``olderThanSQL(quotedTable:quotedColumn:)`` for `cutoff`.
    static func olderThanArguments(_ cutoff: Date) -> [DatabaseValue] {
        [
            SQLiteDates.julianDay(of: cutoff).databaseValue, cutoff.timeIntervalSince1970.databaseValue,
            SQLiteDates.julianMilliseconds(of: cutoff).databaseValue,
        ]
    }

    /// The statement ``count(in:where:)`` runs for ``RowFilter/olderThan(_:column:)`` without its
    /// fast path (``SQLiteISOText``, a function only cadre's connections have), its parameters
    /// written in: for benchmarks that run the same count in the `sqlite3` shell.
    @_spi(Benchmarks)
    public static func retentionCountSQL(table: String, column: String, cutoff: Date) -> String {
        let c = SQLIdentifier.quoted(column)
        return "SELECT count(*) FROM \(SQLIdentifier.quoted(table)) WHERE \(SQLiteDates.isOlder(c))"
            .replacingOccurrences(of: "?1", with: String(format: "%.17g", SQLiteDates.julianDay(of: cutoff)))
            .replacingOccurrences(of: "?2", with: String(format: "%.17g", cutoff.timeIntervalSince1970))
    }

    /// The table's schema, its name resolved in `sqlite_master` (exact spelling, else ignoring case).
    static func schema(_ db: Database, table: String, store: String) throws -> TableSchema {
        let names = try String.fetchAll(
            db,
            sql: """
                SELECT name FROM sqlite_master
                WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name = ? COLLATE NOCASE
                """, arguments: [table])
        guard let name = names.first(where: { $0 == table }) ?? names.first else {
            throw StoreError(.missingTable, store: store, table: table, message: "the database has no such table")
        }
        let rows = try Row.fetchAll(
            db, sql: "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?)", arguments: [name])
        let columns = rows.map { row -> ColumnSchema in
            let declared: String = row[1] ?? ""
            let notNull: Bool = row[2] ?? false
            return ColumnSchema(
                name: row[0] ?? "", declaredType: declared, kind: kind(ofDeclared: declared), isNullable: !notNull)
        }
        return TableSchema(name: name, columns: columns)
    }

    static func quotedColumn(_ column: String, of schema: TableSchema, store: String) throws -> String {
        SQLIdentifier.quoted(try schema.column(named: column, in: store).name)
    }

    /// A declared SQLite type, classified (SQLite's affinity rules, plus dates and booleans by name).
    static func kind(ofDeclared declared: String) -> ColumnKind {
        let t = declared.lowercased()
        if t.contains("timestamp") || t.contains("datetime") { return .timestamp }
        if t.contains("date") { return .date }
        if t.contains("bool") { return .boolean }
        if t.contains("json") { return .json }
        if t.contains("int") { return .integer }
        if t.contains("char") || t.contains("clob") || t.contains("text") { return .text }
        if t.contains("blob") { return .blob }
        if t.contains("real") || t.contains("floa") || t.contains("doub") || t.contains("numeric")
            || t.contains("decimal")
        {
            return .real
        }
        return .other
    }
}
