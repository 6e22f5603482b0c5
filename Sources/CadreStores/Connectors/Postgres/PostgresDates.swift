/// Dates in PostgreSQL: native types compared natively, numbers and text read as ``DateSemantics`` says.
enum PostgresDates {
    /// SQL giving Unix seconds for an integer, real or text column. Text that is neither
    /// `YYYY-MM-DD…` nor a plain number gives NULL; text that starts like a date but is not one
    /// (`2025-13-45`) makes PostgreSQL fail the query (``StoreError/Code/invalidData``).
    static func epochSeconds(of c: String, kind: ColumnKind, store: String, table: String) throws -> String {
        let numeric = { (v: String) in "(CASE WHEN abs(\(v)) >= 100000000000 THEN \(v) / 1000.0 ELSE \(v) END)::float8"
        }
        switch kind {
        case .integer, .real:
            return numeric(c)
        default:
            return """
                (CASE WHEN \(c) ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}' THEN extract(epoch FROM \(c)::timestamptz)::float8 \
                WHEN \(c) ~ '^[0-9]+(\\.[0-9]+)?$' THEN \(numeric("\(c)::float8")) END)
                """
        }
    }

    static func unsupported(_ column: ColumnSchema, store: String, table: String) -> StoreError {
        StoreError(
            .unsupportedColumnType, store: store, table: table, column: column.name,
            message: "a column of type \(column.declaredType) holds no dates")
    }

    /// `information_schema.columns.data_type`, classified.
    static func kind(ofDataType type: String) -> ColumnKind {
        switch type {
        case "text", "character varying", "character", "name", "citext": .text
        case "smallint", "integer", "bigint": .integer
        case "real", "double precision", "numeric": .real
        case "boolean": .boolean
        case "date": .date
        case "timestamp without time zone", "timestamp with time zone": .timestamp
        case "json", "jsonb": .json
        case "bytea": .blob
        default: .other
        }
    }
}
