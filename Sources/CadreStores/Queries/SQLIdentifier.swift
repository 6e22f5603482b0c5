/// Quoting of SQL identifiers (SQLite and PostgreSQL alike): `"name"`, with `"` doubled.
///
/// Connectors only quote names they first found in the store's catalog, so a quoted name always
/// denotes an existing table or column; quoting makes names with spaces, quotes or keywords safe.
enum SQLIdentifier {
    /// `recordings` → `"recordings"`, `a"b` → `"a""b"`.
    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `"schema"."table"`.
    static func quoted(schema: String, table: String) -> String {
        quoted(schema) + "." + quoted(table)
    }
}
