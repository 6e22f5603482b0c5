/// The kind of store a descriptor declares (`engine:` in `stores:`).
public enum StoreEngine: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// A SQLite database file, read with GRDB.
    case sqlite
    /// A PostgreSQL server, read with postgres-nio.
    case postgres
    /// A CSV file, or a folder of `.csv` files (one table per file).
    case csv
    /// A JSON Lines file, or a folder of `.jsonl`/`.ndjson` files (one table per file).
    case jsonl

    public var description: String { rawValue }
}
