import Foundation

extension Store {
    /// The number of rows of `table`.
    @available(*, noasync, message: "store calls block; call them from a worker thread")
    public func count(in table: String) throws(StoreError) -> Int {
        try count(in: table, where: .all)
    }

    /// The number of rows of `table` whose date `column` is before `cutoff` (the retention check).
    ///
    /// ```swift
    /// let old = try store.count(in: "recordings", olderThan: asOfMinusSixMonths, by: "recorded_at")
    /// ```
    @available(*, noasync, message: "store calls block; call them from a worker thread")
    public func count(in table: String, olderThan cutoff: Date, by column: String) throws(StoreError) -> Int {
        try count(in: table, where: .olderThan(cutoff, column: column))
    }

    /// The number of rows of `table` where `column` is null.
    @available(*, noasync, message: "store calls block; call them from a worker thread")
    public func count(in table: String, whereNull column: String) throws(StoreError) -> Int {
        try count(in: table, where: .isNull(column))
    }

    /// The number of rows of `table` where `column` is not null.
    @available(*, noasync, message: "store calls block; call them from a worker thread")
    public func count(in table: String, whereNotNull column: String) throws(StoreError) -> Int {
        try count(in: table, where: .isNotNull(column))
    }

    /// The schema of every table, sorted by table name.
    @available(*, noasync, message: "store calls block; call them from a worker thread")
    public func schema() throws(StoreError) -> [TableSchema] {
        var result: [TableSchema] = []
        for name in try tableNames() { result.append(try schema(of: name)) }
        return result
    }

    /// Scans with every native detector and the default limits.
    @available(*, noasync, message: "store calls block; call them from a worker thread")
    public func scan(_ table: String, columns: [String]) throws(StoreError) -> ScanReport {
        try scan(table, columns: columns, detectors: .standard, limits: ScanLimits())
    }
}
