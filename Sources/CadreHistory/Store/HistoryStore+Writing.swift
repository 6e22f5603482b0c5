import CadreEngine
import CadreModel
import Foundation
import GRDB

extension HistoryStore {
    /// Records `run` in one transaction and returns its number. `results` holds the recorded form
    /// of the results the run evaluated (key → JSON); results it copied are already stored.
    ///
    /// - Throws: ``HistoryError`` when the database cannot be written; nothing is recorded then.
    @discardableResult
    public func record(_ run: RecordedRun, results: [String: String]) throws(HistoryError) -> Int64 {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try writing { db in
            willRecord?()
            let counts = Dictionary(uniqueKeysWithValues: run.info.counts.map { ($0.key.rawValue, $0.value) })
            try db.execute(
                sql: """
                    INSERT INTO run (recorded_at, as_of, cadre_version, workspace, kind, previous_run, evaluated_pairs,
                      total_pairs, engine, counts, diagnostics)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    run.info.recordedAt, run.info.asOf.description, run.info.cadreVersion, run.info.workspace, run.info.kind.rawValue,
                    run.info.previousRun, run.info.evaluatedPairs, run.info.totalPairs, run.engine,
                    String(decoding: try encoder.encode(counts), as: UTF8.self),
                    String(decoding: try encoder.encode(run.diagnostics), as: UTF8.self),
                ])
            let id = db.lastInsertedRowID
            let input = try db.cachedStatement(sql: "INSERT INTO input (run_id, kind, name, path, version, digest, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")
            for item in run.inputs {
                let detail = item.detail.isEmpty ? nil : String(decoding: try encoder.encode(item.detail), as: UTF8.self)
                try input.execute(arguments: [id, item.kind.rawValue, item.name, item.path, item.version, item.digest, detail])
            }
            let rule = try db.cachedStatement(sql: "INSERT INTO rule (run_id, id, pack, info) VALUES (?, ?, ?, ?)")
            for info in run.rules {
                try rule.execute(arguments: [id, info.id, info.pack, String(decoding: try encoder.encode(info), as: UTF8.self)])
            }
            let waiver = try db.cachedStatement(sql: """
                INSERT INTO waiver (run_id, origin, system, rule, expires, reason, approved_by, file, line, "column")
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            func insert(_ item: CadreEngine.Waiver, origin: String) throws {
                try waiver.execute(arguments: [
                    id, origin, item.system, item.rule, item.expires.description, item.reason, item.approvedBy, item.location.file,
                    item.location.line, item.location.column,
                ])
            }
            for item in run.waivers { try insert(item, origin: "workspace") }
            for system in run.systems { for item in system.waivers { try insert(item, origin: "descriptor") } }
            let result = try db.cachedStatement(sql: "INSERT OR IGNORE INTO result (key, body) VALUES (?, ?)")
            for (key, body) in results { try result.execute(arguments: [key, body]) }
            let list = try db.cachedStatement(sql: "INSERT OR IGNORE INTO result_list (key, body) VALUES (?, ?)")
            let system = try db.cachedStatement(sql: """
                INSERT INTO system (run_id, file, system_id, name, digest, diagnostics, results) VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            for item in run.systems {
                let key: String
                if let known = item.resultsKey {
                    key = known  // copied from a recorded run: its list is stored already
                } else {
                    let body = ResultCoding.list(item.results)
                    key = ResultCoding.digest(body)
                    try list.execute(arguments: [key, body])
                }
                let diagnostics = item.diagnostics.isEmpty ? "[]" : String(decoding: try encoder.encode(item.diagnostics), as: UTF8.self)
                try system.execute(arguments: [id, item.file, item.id, item.name, item.digest, diagnostics, key])
                if let rowPause { Thread.sleep(forTimeInterval: Double(rowPause.components.seconds) + Double(rowPause.components.attoseconds) / 1e18) }
            }
            return id
        }
    }
}
