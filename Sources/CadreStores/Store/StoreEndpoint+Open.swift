extension StoreEndpoint {
    /// Opens the store: the connector of its engine, `${VAR}` references resolved from `environment`.
    ///
    /// ```swift
    /// let endpoint = StoreEndpoint(id: "calls", engine: .sqlite, url: "${CALLS_DB_URL}")
    /// let store = try endpoint.open(environment: ProcessInfo.processInfo.environment)
    /// defer { store.close() }
    /// let old = try store.count(in: "recordings", olderThan: cutoff, by: "recorded_at")
    /// ```
    /// - Throws: a ``StoreError`` naming the store by its id; never the URL or a variable's value.
    @available(*, noasync, message: "store calls block; call them from a worker thread")
    public func open(environment: [String: String], options: StoreOptions = StoreOptions()) throws(StoreError)
        -> any Store
    {
        switch engine {
        case .sqlite: try SQLiteStore(endpoint: self, environment: environment, options: options)
        case .postgres: try PostgresStore(endpoint: self, environment: environment, options: options)
        case .csv, .jsonl: try FileStore(endpoint: self, environment: environment, options: options)
        }
    }
}
