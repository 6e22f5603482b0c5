/// What a scan found: counts per detector and redacted examples. Holds no value read from the store.
public struct ScanReport: Sendable, Hashable {
    /// The store's id.
    public var store: String
    /// The table scanned.
    public var table: String
    /// The columns scanned, as the store spells them.
    public var columns: [String]
    /// Rows read.
    public var rowsScanned: Int
    /// Bytes of text passed to the detectors.
    public var bytesScanned: Int
    /// Whether a limit stopped the scan before the last row (see ``stoppedBy``).
    public var truncated: Bool { stoppedBy != nil }
    /// The limit that stopped the scan, if one did.
    public var stoppedBy: ScanStop?
    /// How long the scan took.
    public var elapsed: Duration
    /// One tally per detector, in the registry's order, including detectors that found nothing.
    public var detectors: [DetectorTally]

    /// Creates a report (stores make them; public for tests and tools).
    public init(
        store: String, table: String, columns: [String], rowsScanned: Int, bytesScanned: Int,
        stoppedBy: ScanStop?, elapsed: Duration, detectors: [DetectorTally]
    ) {
        self.store = store
        self.table = table
        self.columns = columns
        self.rowsScanned = rowsScanned
        self.bytesScanned = bytesScanned
        self.stoppedBy = stoppedBy
        self.elapsed = elapsed
        self.detectors = detectors
    }

    /// The tally of the detector of that name.
    public subscript(detector name: String) -> DetectorTally? {
        detectors.first { $0.detector == name }
    }

    /// Matches of every detector.
    public var totalMatches: Int { detectors.reduce(0) { $0 + $1.matches } }
}

/// The limit that stopped a scan.
public enum ScanStop: String, Sendable, Hashable {
    /// ``ScanLimits/rowCap`` rows were read and more remained.
    case rowCap = "row-cap"
    /// ``ScanLimits/timeLimit`` passed.
    case timeLimit = "time-limit"
}

/// What one detector found in a scan.
public struct DetectorTally: Sendable, Hashable {
    /// The detector's name (`email`).
    public var detector: String
    /// The data category it finds (`user.contact.email`).
    public var category: String
    /// Matches in all.
    public var matches: Int
    /// Rows with at least one match.
    public var rows: Int
    /// Matches per column, for the columns with any.
    public var matchesByColumn: [String: Int]
    /// Distinct redacted examples, at most ``ScanLimits/examplesPerDetector``.
    public var examples: [RedactedExample]

    /// Creates a tally.
    public init(
        detector: String, category: String, matches: Int = 0, rows: Int = 0,
        matchesByColumn: [String: Int] = [:], examples: [RedactedExample] = []
    ) {
        self.detector = detector
        self.category = category
        self.matches = matches
        self.rows = rows
        self.matchesByColumn = matchesByColumn
        self.examples = examples
    }
}

/// One match, redacted, and where it was.
public struct RedactedExample: Sendable, Hashable, CustomStringConvertible {
    /// The column it was in.
    public var column: String
    /// The row's position in the scan, from 1 (not a key of the store: keys can be personal data).
    public var row: Int
    /// The redacted match (`j***@e***.fr`).
    public var text: String

    /// Creates an example; `text` must already be redacted.
    public init(column: String, row: Int, text: String) {
        self.column = column
        self.row = row
        self.text = text
    }

    /// `message (row 12): j***@e***.fr`.
    public var description: String { "\(column) (row \(row)): \(text)" }
}
