/// How far one scan may go.
public struct ScanLimits: Sendable, Hashable {
    /// The most rows read; the scan stops there and reports ``ScanReport/truncated``.
    public var rowCap: Int
    /// The longest the scan may run; it stops then and reports ``ScanReport/truncated``.
    public var timeLimit: Duration
    /// The most redacted examples kept per detector (distinct ones, in the order found).
    public var examplesPerDetector: Int
    /// Rows fetched per round trip (PostgreSQL cursor) — the scan holds at most this many rows.
    public var batchSize: Int
    /// An instant the scan ends at if ``timeLimit`` has not ended it before: for a caller whose
    /// detectors stop at that same instant (the engine's plugin detectors), so that the scan
    /// reports the time limit that stopped them.
    public var deadline: ContinuousClock.Instant?

    /// Creates limits.
    /// - Parameters:
    ///   - rowCap: Default 100,000 rows.
    ///   - timeLimit: Default 30 seconds.
    ///   - examplesPerDetector: Default 3.
    ///   - batchSize: Default 500 rows.
    public init(
        rowCap: Int = 100_000, timeLimit: Duration = .seconds(30), examplesPerDetector: Int = 3, batchSize: Int = 500
    ) {
        self.rowCap = rowCap
        self.timeLimit = timeLimit
        self.examplesPerDetector = examplesPerDetector
        self.batchSize = batchSize
    }

    /// Checks a scan's request before it reaches the store: these limits, and at least one column.
    ///
    /// - Throws: ``StoreError/Code/invalidRequest``.
    func validate(store: String, table: String, columns: [String]) throws(StoreError) {
        guard rowCap >= 0, examplesPerDetector >= 0, batchSize >= 1, timeLimit > .zero else {
            throw StoreError(
                .invalidRequest, store: store, table: table,
                message: "scan limits must be positive (row cap, time limit, batch size) and examples not negative")
        }
        guard !columns.isEmpty else {
            throw StoreError(.invalidRequest, store: store, table: table, message: "a scan needs at least one column")
        }
    }
}
