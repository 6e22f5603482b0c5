@_spi(Benchmarks) import CadreStores
import Foundation

/// (a) A retention count on a large SQLite table: cadre's pushdown count against the same SQL run
/// by the `sqlite3` shell, and against the simplest query a person would type for this table.
enum RetentionBenchmark {
    static let cutoff = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01T00:00:00Z

    static func run(rows: Int, runs: Int) throws -> String {
        let path = try Generators.recordingsDatabase(rows: rows)
        guard let sqlite3 = Harness.which("sqlite3") else {
            throw BenchmarkFailure("sqlite3 is not installed (scripts/install-deps.sh --bench)")
        }
        let store = try SQLiteStore(endpoint: StoreEndpoint(id: "bench", engine: .sqlite, url: path), environment: [:])
        defer { store.close() }
        let sameSQL = SQLiteStore.retentionCountSQL(table: "recordings", column: "recorded_at", cutoff: cutoff)
        let simpleSQL = "SELECT count(*) FROM recordings WHERE recorded_at < '2025-01-01'"

        // All three must agree before any of them is timed.
        let ours = try store.count(in: "recordings", olderThan: cutoff, by: "recorded_at")
        let shellSame = Int(
            try Harness.run(sqlite3, ["-readonly", path, sameSQL]).trimmingCharacters(in: .whitespacesAndNewlines))
        let shellSimple = Int(
            try Harness.run(sqlite3, ["-readonly", path, simpleSQL]).trimmingCharacters(in: .whitespacesAndNewlines))
        guard ours == shellSame, ours == shellSimple else {
            throw BenchmarkFailure("counts differ: cadre \(ours), sqlite3 \(shellSame ?? -1) / \(shellSimple ?? -1)")
        }

        var count = 0
        let medians = try Harness.medians(
            runs: runs,
            [
                ("cadre", { count = try store.count(in: "recordings", olderThan: cutoff, by: "recorded_at") }),
                ("sqlite3 same SQL", { _ = try Harness.run(sqlite3, ["-readonly", path, sameSQL]) }),
                ("sqlite3 simple SQL", { _ = try Harness.run(sqlite3, ["-readonly", path, simpleSQL]) }),
            ])
        let cadre = medians["cadre"] ?? .zero
        var table = Table("what", "median of \(runs)", "ratio to cadre")
        for name in ["cadre", "sqlite3 same SQL", "sqlite3 simple SQL"] {
            let value = medians[name] ?? .zero
            table.add(name, value.formatted, String(format: "cadre = %.2f×", cadre.seconds / max(value.seconds, 1e-9)))
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return """
            Retention count, \(rows.formatted()) rows (\(size >> 20) MiB file), \(count.formatted()) older than 2025-01-01.
            cadre: `store.count(in: "recordings", olderThan: cutoff, by: "recorded_at")` (SQLite via GRDB, read-only).
            sqlite3 same SQL: `sqlite3 -readonly` running the statement cadre runs without its fast path for the usual ISO shapes (a function only cadre's connections have): ISO text through `julianday` and epoch numbers, row by row.
            sqlite3 simple SQL: `\(simpleSQL)` (right only when every value is ISO text in one format).

            \(table.markdown)
            """
    }
}
