import CadreEngine
import CadreModel
import Foundation
import GRDB

extension HistoryStore {
    /// Records `run` in one transaction and returns its number. `results` holds the recorded form
    /// of the results the run evaluated (key → JSON); results it copied are already stored.
    /// `documents` holds the descriptors the run parsed (digest → ``DocumentArchive``): the
    /// history keeps those of the run's descriptors, parsed by this cadre, and drops the others.
    ///
    /// - Throws: ``HistoryError`` when the database cannot be written; nothing is recorded then.
    @discardableResult
    public func record(_ run: RecordedRun, results: [ResultKey: String], documents: [String: [UInt8]] = [:]) throws(HistoryError) -> Int64 {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // The lists the run adds, encoded before the transaction (on every core): it only inserts.
        var ruleSets: [(key: ResultKey, body: String)] = []
        var setOfSystem: [ResultKey?] = []
        var lastSet: (rules: [String], key: ResultKey)?  // the next list nearly always has the same
        for item in run.systems {
            guard item.resultsKey == nil, Self.differenceBase(of: item) == nil else {
                // Copied from a recorded run (its list is stored already), or recorded as its
                // difference from a full list: no rule set.
                setOfSystem.append(nil)
                continue
            }
            let rules = item.results.map(\.rule)
            if let lastSet, lastSet.rules == rules {
                setOfSystem.append(lastSet.key)
                continue
            }
            let body = ResultCoding.ruleSet(of: item.results)
            let key = ResultKey(of: Data(body.utf8))
            ruleSets.append((key, body))
            lastSet = (rules, key)
            setOfSystem.append(key)
        }
        let lists = Array(zip(run.systems, setOfSystem)).concurrentMap { item, set -> (key: String, body: Data)? in
            let body: [UInt8]
            if let (base, positions) = Self.differenceBase(of: item) {
                body = ResultCoding.difference(item.results, base: base, positions: positions)
            } else if let set {
                body = ResultCoding.list(item.results, ruleSet: set)
            } else {
                return nil
            }
            return (ResultKey(of: body).hex, Data(body))
        }
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
            for (key, body) in results { try result.execute(arguments: [key.hex, body]) }
            let list = try db.cachedStatement(sql: "INSERT OR IGNORE INTO result_list (key, body) VALUES (?, ?)")
            let system = try db.cachedStatement(sql: """
                INSERT INTO system (run_id, file, system_id, name, digest, diagnostics, results) VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            let ruleSet = try db.cachedStatement(sql: "INSERT OR IGNORE INTO rule_set (key, body) VALUES (?, ?)")
            for (key, body) in ruleSets { try ruleSet.execute(arguments: [key.hex, body]) }
            for (item, prepared) in zip(run.systems, lists) {
                let key: String
                if let prepared {
                    key = prepared.key
                    try list.execute(arguments: [key, prepared.body])
                } else {
                    key = item.resultsKey ?? ""
                }
                let diagnostics = item.diagnostics.isEmpty ? "[]" : String(decoding: try encoder.encode(item.diagnostics), as: UTF8.self)
                try system.execute(arguments: [id, item.file, item.id, item.name, item.digest, diagnostics, key])
                if let rowPause { Thread.sleep(forTimeInterval: Double(rowPause.components.seconds) + Double(rowPause.components.attoseconds) / 1e18) }
            }
            let document = try db.cachedStatement(sql: "INSERT OR REPLACE INTO parsed_document (digest, cadre_version, body) VALUES (?, ?, ?)")
            for (digest, body) in documents { try document.execute(arguments: [digest, run.info.cadreVersion, Data(body)]) }
            try db.execute(
                sql: """
                    DELETE FROM parsed_document
                    WHERE cadre_version <> ? OR digest NOT IN (SELECT digest FROM system WHERE run_id = ?)
                    """,
                arguments: [run.info.cadreVersion, id])
            return id
        }
    }

    /// The full list a new list of `system` is recorded against, and the positions that differ:
    /// when it has a base and differs from it at no more than a quarter of its rules (beyond that,
    /// a full list costs about as much and is read alone).
    static func differenceBase(of system: RecordedSystem) -> (ResultKey, [Int])? {
        guard system.resultsKey == nil, let base = system.base, base.overridden.count * 4 <= system.results.count,
            base.overridden.allSatisfy({ system.results.indices.contains($0) }), let key = ResultKey(hex: base.key)
        else { return nil }
        return (key, base.overridden)
    }
}
