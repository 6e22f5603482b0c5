/// How a store is opened, and the limits of its pushdown queries.
public struct StoreOptions: Sendable, Hashable {
    /// The longest a pushdown query (count, distinct count, date range, schema) may run before
    /// it is stopped with a ``StoreError/Code/timeout`` error. Scans have their own
    /// ``ScanLimits/timeLimit``.
    public var queryTimeLimit: Duration
    /// The longest connecting to a server may take (PostgreSQL).
    public var connectTimeout: Duration
    /// The folder relative paths in URLs are resolved against (the workspace); `nil` means the
    /// process's current directory.
    public var baseDirectory: String?
    /// The fewest rowids a part of a SQLite retention count or date range holds: a table of at
    /// least twice as many is read in parts at once, one per core (``RowidParts``); tests lower it.
    var rowsPerPart = 500_000

    /// Creates options.
    /// - Parameters:
    ///   - queryTimeLimit: Per pushdown query; default 30 seconds.
    ///   - connectTimeout: Per connection attempt; default 10 seconds.
    ///   - baseDirectory: Where relative paths start; default the current directory.
    public init(
        queryTimeLimit: Duration = .seconds(30), connectTimeout: Duration = .seconds(10), baseDirectory: String? = nil
    ) {
        self.queryTimeLimit = queryTimeLimit
        self.connectTimeout = connectTimeout
        self.baseDirectory = baseDirectory
    }
}

extension Duration {
    /// The longest limit cadre applies: PostgreSQL's `statement_timeout` takes at most 2³¹−1 ms
    /// (about 24.8 days); longer limits are cut to it, so deadlines never overflow.
    static let longestLimit = Duration.milliseconds(Int64(Int32.max))

    /// The duration cut to ``longestLimit`` (and to zero below).
    var clampedLimit: Duration { min(max(self, .zero), .longestLimit) }

    /// Whole milliseconds of ``clampedLimit``, at least 1 (for `statement_timeout` and deadlines).
    var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = clampedLimit.components
        return max(1, seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }
}
