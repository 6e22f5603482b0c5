import Foundation
import NIOCore
import PostgresNIO

extension PostgresStore {
    public func tableNames() throws(StoreError) -> [String] {
        try transaction(table: nil) { session in
            let rows = try session.run(
                """
                SELECT table_schema, table_name, table_schema = ANY(current_schemas(false))
                FROM information_schema.tables
                WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
                """)
            return try rows.map { row in
                let (schema, table, inPath) = try row.decode((String, String, Bool).self)
                return inPath ? table : "\(schema).\(table)"
            }.sorted()
        }
    }

    public func schema(of table: String) throws(StoreError) -> TableSchema {
        try transaction(table: table) { session in try resolve(table, in: session).schema }
    }

    public func count(in table: String, where filter: RowFilter) throws(StoreError) -> Int {
        try transaction(table: table, column: filter.column) { session in
            let resolved = try resolve(table, in: session)
            let from = resolved.quotedName
            let query: PostgresQuery
            switch filter {
            case .all:
                query = "SELECT count(*) FROM \(unescaped: from)"
            case .isNull(let column):
                query =
                    "SELECT count(*) FROM \(unescaped: from) WHERE \(unescaped: try resolved.quoted(column)) IS NULL"
            case .isNotNull(let column):
                query =
                    "SELECT count(*) FROM \(unescaped: from) WHERE \(unescaped: try resolved.quoted(column)) IS NOT NULL"
            case .olderThan(let cutoff, let column):
                let found = try resolved.column(column)
                let c = SQLIdentifier.quoted(found.name)
                switch found.kind {
                case .date, .timestamp:
                    // With the session in UTC, `timestamp` and `date` compare as UTC instants.
                    query = "SELECT count(*) FROM \(unescaped: from) WHERE \(unescaped: c) < \(cutoff)"
                case .integer, .real, .text:
                    let epoch = try PostgresDates.epochSeconds(
                        of: c, kind: found.kind, store: id, table: resolved.schema.name)
                    query =
                        "SELECT count(*) FROM \(unescaped: from) WHERE \(unescaped: epoch) < \(cutoff.timeIntervalSince1970)"
                default:
                    throw PostgresDates.unsupported(found, store: id, table: resolved.schema.name)
                }
            }
            return try session.run(query).first?.decode(Int.self) ?? 0
        }
    }

    public func distinctCount(in table: String, of column: String) throws(StoreError) -> Int {
        try transaction(table: table, column: column) { session in
            let resolved = try resolve(table, in: session)
            let found = try resolved.column(column)
            // json has no equality operator: compare its text.
            let value = SQLIdentifier.quoted(found.name) + (found.kind == .json ? "::text" : "")
            let query: PostgresQuery =
                "SELECT count(DISTINCT \(unescaped: value)) FROM \(unescaped: resolved.quotedName)"
            return try session.run(query).first?.decode(Int.self) ?? 0
        }
    }

    public func dateRange(in table: String, of column: String) throws(StoreError) -> DateRange {
        try transaction(table: table, column: column) { session in
            let resolved = try resolve(table, in: session)
            let found = try resolved.column(column)
            let c = SQLIdentifier.quoted(found.name)
            let query: PostgresQuery
            switch found.kind {
            case .date, .timestamp:
                query = """
                    SELECT extract(epoch FROM min(\(unescaped: c)))::float8, extract(epoch FROM max(\(unescaped: c)))::float8, 0::int8
                    FROM \(unescaped: resolved.quotedName)
                    """
            case .integer, .real, .text:
                let epoch = try PostgresDates.epochSeconds(
                    of: c, kind: found.kind, store: id, table: resolved.schema.name)
                query = """
                    SELECT min(e)::float8, max(e)::float8, (count(v) - count(e))::int8
                    FROM (SELECT \(unescaped: c) AS v, \(unescaped: epoch) AS e FROM \(unescaped: resolved.quotedName)) AS dated
                    """
            default:
                throw PostgresDates.unsupported(found, store: id, table: resolved.schema.name)
            }
            guard let row = try session.run(query).first else {
                return DateRange(earliest: nil, latest: nil, unreadable: 0)
            }
            let (earliest, latest, unreadable) = try row.decode((Double?, Double?, Int).self)
            return DateRange(
                earliest: earliest.map(Date.init(timeIntervalSince1970:)),
                latest: latest.map(Date.init(timeIntervalSince1970:)), unreadable: unreadable)
        }
    }

    public func scan(_ table: String, columns: [String], detectors: DetectorRegistry, limits: ScanLimits)
        throws(StoreError) -> ScanReport
    {
        try limits.validate(store: id, table: table, columns: columns)
        let resolved = try transaction(table: table) { session in try resolve(table, in: session) }
        let names = try resolved.schema.columnNames(columns, in: resolved.store)
        var run = ScanRun(store: id, table: resolved.schema.name, columns: names, detectors: detectors, limits: limits)
        let select = names.map { SQLIdentifier.quoted($0) + "::text" }.joined(separator: ", ")
        do {
            try transaction(table: table, timeLimit: limits.timeLimit) { session in
                try session.run(
                    PostgresQuery(
                        unsafeSQL:
                            "DECLARE cadre_scan NO SCROLL CURSOR FOR SELECT \(select) FROM \(resolved.quotedName)"))
                fetching: while true {
                    // One more row than the cap allows, to know whether the cap stopped the scan.
                    let left = limits.rowCap - run.scanner.rows
                    let wanted = left >= limits.batchSize ? limits.batchSize : left + 1
                    let rows = try session.run(PostgresQuery(unsafeSQL: "FETCH FORWARD \(wanted) FROM cadre_scan"))
                    for row in rows {
                        guard run.mayReadAnotherRow() else { break fetching }
                        run.row { scanner in
                            for (k, cell) in row.enumerated() {
                                cell.bytes?.withUnsafeReadableBytes { raw in
                                    scanner.scan(raw.bindMemory(to: UInt8.self), column: k)
                                }
                            }
                        }
                    }
                    if rows.count < wanted { break }
                }
            }
        } catch  where error.code == .timeout {
            run.stopForTime()
        }
        return run.report()
    }

    /// A table found in the catalog: its schema (columns) and its quoted, schema-qualified name.
    struct ResolvedTable {
        var schema: TableSchema
        var quotedName: String
        var store: String

        func column(_ name: String) throws(StoreError) -> ColumnSchema { try schema.column(named: name, in: store) }

        func quoted(_ name: String) throws -> String { SQLIdentifier.quoted(try column(name).name) }
    }

    /// Finds `table` among the tables the role can see: first in the search path (exact name,
    /// then ignoring case), else as `schema.table`.
    func resolve(_ table: String, in session: PostgresSession) throws -> ResolvedTable {
        let candidates = try session.run(
            """
            SELECT table_schema, table_name, array_position(current_schemas(false), table_schema::text)
            FROM information_schema.tables
            WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
              AND (lower(table_name) = lower(\(table)) OR lower(table_schema || '.' || table_name) = lower(\(table)))
            """
        ).map { try $0.decode((String, String, Int?).self) }
        func rank(_ c: (String, String, Int?)) -> (Int, Int, Int) {
            let exact = c.1 == table || "\(c.0).\(c.1)" == table ? 0 : 1
            let qualified = c.1.lowercased() == table.lowercased() ? 0 : 1
            return (qualified, exact, c.2 ?? Int.max)
        }
        guard let (schemaName, tableName, _) = candidates.min(by: { rank($0) < rank($1) }) else {
            throw StoreError(
                .missingTable, store: id, table: table,
                message: "the database has no such table (or the role cannot see it)")
        }
        let columns = try session.run(
            """
            SELECT column_name, data_type, is_nullable = 'YES'
            FROM information_schema.columns
            WHERE table_schema = \(schemaName) AND table_name = \(tableName)
            ORDER BY ordinal_position
            """
        ).map { row in
            let (name, type, nullable) = try row.decode((String, String, Bool).self)
            return ColumnSchema(
                name: name, declaredType: type, kind: PostgresDates.kind(ofDataType: type), isNullable: nullable)
        }
        return ResolvedTable(
            schema: TableSchema(name: tableName, columns: columns),
            quotedName: SQLIdentifier.quoted(schema: schemaName, table: tableName), store: id)
    }
}
