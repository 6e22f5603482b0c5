import CadreModel
import CadreStores
import Foundation

/// A scan its time limit cut short, as the result of the rule that scanned reports it.
///
/// The rule still sees `truncated = true, stopped_by = "time-limit"` and goes on; but a scan that
/// read an unknown part of a table is never a pass, so its result becomes an `error` of kind
/// `scan-incomplete` (which counts for `--fail-on`), saying after how many rows the scan stopped
/// and which plugin detector, if one, took the time. The findings the rule made are kept: they
/// hold for the rows read. A scan stopped by its row cap is a sample the rule asked for (or
/// cadre's documented default) and leaves the result as it is.
struct IncompleteScan {
    var store: String
    var table: String
    var rows: Int
    var timeLimit: Duration
    var elapsed: Duration
    /// The plugin detector that took the most time, and where it is defined.
    var slowest: (plugin: String, detector: String, time: Duration, location: SourceLocation?)?
    /// Other scans of the same rule cut short after this one.
    var others = 0

    /// What `report` says, with the time each plugin detector of the scan took.
    init(_ report: ScanReport, timeLimit: Duration, detectors: [PluginDetector]) {
        store = report.store
        table = report.table
        rows = report.rowsScanned
        self.timeLimit = timeLimit
        elapsed = report.elapsed
        if let slow = detectors.max(by: { $0.elapsed < $1.elapsed }), slow.elapsed > .zero {
            slowest = (slow.plugin, slow.name, slow.elapsed, slow.location(of: nil, in: "validate"))
        }
    }

    /// A plugin detector took the time when it took at least half of the scan's.
    private var blamed: (plugin: String, detector: String, time: Duration, location: SourceLocation?)? {
        guard let slowest, slowest.time * 2 >= elapsed else { return nil }
        return slowest
    }

    /// The result's failure: `the scan of crm.notes stopped at its time limit (2.00 s) after 128
    /// rows: detector `badge` of plugin slow took 1.98 s of it; a scan cut short is not a pass`.
    var failure: RuleResult.Failure {
        var message =
            "the scan of \(store).\(table) stopped at its time limit (\(Self.seconds(timeLimit))) after \(rows) row\(rows == 1 ? "" : "s")"
        if let blamed {
            message +=
                ": detector `\(blamed.detector)` of plugin \(blamed.plugin) took \(Self.seconds(blamed.time)) of it"
        } else {
            message += ": reading the store and cadre's own detectors took most of it"
        }
        if others > 0 { message += " (and \(others) other scan\(others == 1 ? "" : "s") of the rule stopped too)" }
        message += "; a scan cut short is not a pass"
        return RuleResult.Failure(kind: .scanIncomplete, message: message, location: blamed?.location)
    }

    private static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.2f s", Double(seconds) + Double(attoseconds) / 1e18)
    }
}
