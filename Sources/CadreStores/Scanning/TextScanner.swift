/// Runs detectors over text values, row after row, and keeps counts and redacted examples.
///
/// Stores feed it the free-text values of each row; it can also scan text the caller holds:
///
/// ```swift
/// var scanner = TextScanner(detectors: .standard, columns: ["note"])
/// scanner.beginRow()
/// scanner.scan("Écrire à jean.dupont@example.fr", column: 0)
/// scanner.tallies[0].matches   // 1 (email), scanner.tallies[0].examples[0].text == "j***@e***.fr"
/// ```
///
/// Only redacted forms of matches are kept; the text itself is never stored.
public struct TextScanner {
    /// The detectors, in order.
    public let detectors: [any Detector]
    /// The names of the columns values come from (``RedactedExample/column``).
    public let columns: [String]
    /// The most distinct examples kept per detector.
    public let examplesPerDetector: Int
    /// One tally per detector, in order.
    public private(set) var tallies: [DetectorTally]
    /// Rows begun so far.
    public private(set) var rows = 0
    /// Bytes scanned so far.
    public private(set) var bytes = 0
    /// The last row each detector matched in, to count rows with a match once.
    private var lastRowMatched: [Int]

    /// Creates a scanner.
    /// - Parameters:
    ///   - detectors: The detectors to run, in order.
    ///   - columns: The names of the columns, indexed by the `column` argument of `scan`.
    ///   - examplesPerDetector: The most distinct redacted examples kept per detector.
    public init(detectors: DetectorRegistry, columns: [String], examplesPerDetector: Int = 3) {
        self.detectors = detectors.detectors
        self.columns = columns
        self.examplesPerDetector = max(0, examplesPerDetector)
        self.tallies = detectors.detectors.map { DetectorTally(detector: $0.name, category: $0.category) }
        self.lastRowMatched = Array(repeating: 0, count: detectors.detectors.count)
    }

    /// Starts a new row: the values scanned next belong to it.
    public mutating func beginRow() {
        rows += 1
    }

    /// Scans one string value of column number `column` in the current row.
    public mutating func scan(_ value: String, column: Int) {
        var value = value
        value.withUTF8 { scan($0, column: column) }
    }

    /// Scans the UTF-8 bytes of one value of column number `column` in the current row.
    public mutating func scan(_ value: UnsafeBufferPointer<UInt8>, column: Int) {
        bytes += value.count
        for k in detectors.indices {
            let detector = detectors[k]
            detector.detect(in: value) { range in
                record(detector: k, range: range, in: value, column: column)
            }
        }
    }

    private mutating func record(detector k: Int, range: Range<Int>, in value: UnsafeBufferPointer<UInt8>, column: Int)
    {
        let columnName = column < columns.count ? columns[column] : "#\(column)"
        tallies[k].matches += 1
        tallies[k].matchesByColumn[columnName, default: 0] += 1
        if lastRowMatched[k] != rows {
            lastRowMatched[k] = rows
            tallies[k].rows += 1
        }
        guard tallies[k].examples.count < examplesPerDetector else { return }
        let text = detectors[k].redact(UnsafeBufferPointer(rebasing: value[range]))
        if !tallies[k].examples.contains(where: { $0.text == text }) {
            tallies[k].examples.append(RedactedExample(column: columnName, row: rows, text: text))
        }
    }
}
