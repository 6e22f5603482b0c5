/// One scan in progress inside a connector: the scanner, the limits and the clock.
///
/// Connectors read rows in batches and hand each row to ``row(_:)``; it answers `false` when a
/// limit says to stop. The caller then ends its cursor and asks for the ``report(elapsedAt:)``.
struct ScanRun {
    var scanner: TextScanner
    let limits: ScanLimits
    let store: String
    let table: String
    let started = ContinuousClock.now
    let deadline: ContinuousClock.Instant
    private(set) var stoppedBy: ScanStop?
    private var bytesAtLastClockCheck = 0

    init(store: String, table: String, columns: [String], detectors: DetectorRegistry, limits: ScanLimits) {
        self.store = store
        self.table = table
        self.limits = limits
        self.scanner = TextScanner(
            detectors: detectors, columns: columns, examplesPerDetector: limits.examplesPerDetector)
        let own = started.advanced(by: limits.timeLimit.clampedLimit)
        self.deadline = limits.deadline.map { min($0, own) } ?? own
    }

    /// Whether another row may be read: false once the row cap is reached or the time is up.
    mutating func mayReadAnotherRow() -> Bool {
        if stoppedBy != nil { return false }
        if scanner.rows >= limits.rowCap {
            stoppedBy = .rowCap
            return false
        }
        // Look at the clock every 64 rows, or after 1 MiB of text.
        if scanner.rows % 64 == 0 || scanner.bytes - bytesAtLastClockCheck > 1 << 20 {
            bytesAtLastClockCheck = scanner.bytes
            if ContinuousClock.now >= deadline {
                stoppedBy = .timeLimit
                return false
            }
        }
        return true
    }

    /// Marks the scan stopped by its time limit (the store stopped a fetch at the deadline).
    mutating func stopForTime() {
        stoppedBy = .timeLimit
    }

    /// Scans one row whose values `body` passes to the scanner. Call ``mayReadAnotherRow()`` first.
    mutating func row(_ body: (inout TextScanner) -> Void) {
        scanner.beginRow()
        body(&scanner)
    }

    /// The report of the scan so far.
    func report() -> ScanReport {
        ScanReport(
            store: store, table: table, columns: scanner.columns, rowsScanned: scanner.rows,
            bytesScanned: scanner.bytes, stoppedBy: stoppedBy, elapsed: ContinuousClock.now - started,
            detectors: scanner.tallies)
    }

    /// Time left before the deadline (at least a millisecond), for the store's own timeouts.
    var remaining: Duration { max(.milliseconds(1), deadline - ContinuousClock.now) }
}
