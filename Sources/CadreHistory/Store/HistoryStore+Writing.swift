import CadreEngine
import CadreModel
import Foundation
import GRDB

extension HistoryStore {
    /// Records `run` in one transaction and returns its number. `results` holds the recorded form
    /// of the results the history does not hold yet (key → JSON); those the run copied, or
    /// evaluated again with the same content, are stored already.
    /// `documents` holds the descriptors the run parsed (digest → ``DocumentArchive``): the
    /// history keeps those of the run's descriptors, parsed by this cadre, and drops the others.
    ///
    /// - Throws: ``HistoryError`` when the database cannot be written; nothing is recorded then.
    @discardableResult
    public func record(_ run: RecordedRun, results: [ResultKey: String], documents: [String: [UInt8]] = [:])
        throws(HistoryError) -> Int64
    {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // How each system's list is recorded, decided before the transaction (on every core): it
        // only inserts. A list that derives from a stored full list is that list's key and the
        // entries that differ (when they are a quarter of the rules or fewer: beyond, a full list
        // costs about as much and is read alone); a list stored as it is, its key; any other, a
        // new full list, under its rule set.
        var ruleSets: [(key: ResultKey, body: String)] = []
        var forms: [ListForm] = []
        var lastSet: (rules: [String], key: ResultKey)?  // the next list nearly always has the same
        for item in run.systems {
            if let (key, overrides) = Self.storedForm(of: item.results) {
                forms.append(.stored(key: key, overrides: overrides))
                continue
            }
            let rules = item.results.map(\.rule)
            if let lastSet, lastSet.rules == rules {
                forms.append(.full(ruleSet: lastSet.key))
                continue
            }
            let body = ResultCoding.ruleSet(of: item.results)
            let key = ResultKey(of: Data(body.utf8))
            ruleSets.append((key, body))
            lastSet = (rules, key)
            forms.append(.full(ruleSet: key))
        }
        // New full lists of one rule set, when they are many: against the list most like them,
        // each as its differences from it (``TypicalList``).
        var typicalLists: [Data] = []
        for set in Set(forms.compactMap { if case .full(let set) = $0 { set } else { nil } }).sorted(
            by: ResultKey.inByteOrder)
        {
            let members = forms.indices.filter { if case .full(set) = forms[$0] { true } else { false } }
            let lists = members.map { run.systems[$0].results }
            let derived: [Int: ResultList]
            if let typical = TypicalList.of(lists, ruleSet: set) {
                typicalLists.append(Data(typical.body))
                derived = typical.derived
            } else if let base = TypicalList.mostUsedBase(in: run.systems, rules: lists[0].map(\.rule)) {
                // Few new lists (a descriptor changed): against the list the others derive from.
                derived = TypicalList.derive(lists, from: base)
            } else {
                continue
            }
            for (index, list) in derived {
                if let (key, overrides) = Self.storedForm(of: list) {
                    forms[members[index]] = .stored(key: key, overrides: overrides)
                }
            }
        }
        let lists = Array(zip(run.systems, forms)).concurrentMap {
            item, form -> (key: String, overrides: Data?, body: Data?) in
            switch form {
            case .stored(let key, let overrides): return (key, overrides, nil)
            case .full(let set):
                let body = ResultCoding.list(item.results, ruleSet: set)
                return (ResultKey(of: body).hex, nil, Data(body))
            }
        }
        return try writing { db in
            // Each system's row, as it would be written.
            let rows = try zip(run.systems, lists).map { item, prepared in
                SystemRow(
                    file: item.file, id: item.id, name: item.name, digest: item.digest,
                    diagnostics: item.diagnostics.isEmpty
                        ? "[]" : String(decoding: try encoder.encode(item.diagnostics), as: UTF8.self),
                    results: prepared.key, overrides: prepared.overrides)
            }
            // The rows are those that differ from the last full set of rows when they are few.
            let base = try Self.systemsBase(db)
            var written = rows
            var removed: [String] = []
            var systemsFrom: Int64?
            if let base {
                let files = Set(rows.map(\.file))
                let changed = rows.filter { base.rows[$0.file] != $0 }
                removed = base.rows.keys.filter { !files.contains($0) }.sorted()
                if (changed.count + removed.count) * 4 <= rows.count {
                    (written, systemsFrom) = (changed, base.run)
                } else {
                    removed = []
                }
            }
            let counts = Dictionary(uniqueKeysWithValues: run.info.counts.map { ($0.key.rawValue, $0.value) })
            try db.execute(
                sql: """
                    INSERT INTO run (recorded_at, as_of, cadre_version, workspace, kind, previous_run, evaluated_pairs,
                      total_pairs, engine, counts, diagnostics, "trigger", commit_id, branch, systems_from)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    run.info.recordedAt, run.info.asOf.description, run.info.cadreVersion, run.info.workspace,
                    run.info.kind.rawValue,
                    run.info.previousRun, run.info.evaluatedPairs, run.info.totalPairs, run.engine,
                    String(decoding: try encoder.encode(counts), as: UTF8.self),
                    String(decoding: try encoder.encode(run.diagnostics), as: UTF8.self),
                    run.info.origin.trigger?.rawValue, run.info.origin.commit, run.info.origin.branch, systemsFrom,
                ])
            let id = db.lastInsertedRowID
            let input = try db.cachedStatement(
                sql:
                    "INSERT INTO input (run_id, kind, name, path, version, digest, detail) VALUES (?, ?, ?, ?, ?, ?, ?)"
            )
            for item in run.inputs {
                let detail =
                    item.detail.isEmpty ? nil : String(decoding: try encoder.encode(item.detail), as: UTF8.self)
                try input.execute(arguments: [
                    id, item.kind.rawValue, item.name, item.path, item.version, item.digest, detail,
                ])
            }
            let rule = try db.cachedStatement(
                sql: "INSERT INTO rule (run_id, id, pack, info, readings) VALUES (?, ?, ?, ?, ?)")
            for info in run.rules {
                try rule.execute(arguments: [
                    id, info.id, info.pack, String(decoding: try encoder.encode(info), as: UTF8.self),
                    run.readings[info.id]?.text,
                ])
            }
            let waiver = try db.cachedStatement(
                sql: """
                    INSERT INTO waiver (run_id, origin, system, rule, expires, reason, approved_by, file, line, "column")
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            func insert(_ item: Waiver, origin: String) throws {
                try waiver.execute(arguments: [
                    id, origin, item.system, item.rule, item.expires.description, item.reason, item.approvedBy,
                    item.location.file,
                    item.location.line, item.location.column,
                ])
            }
            for item in run.waivers { try insert(item, origin: "workspace") }
            for system in run.systems { for item in system.waivers { try insert(item, origin: "descriptor") } }
            let result = try db.cachedStatement(sql: "INSERT OR IGNORE INTO result (key, body) VALUES (?, ?)")
            // In key order: a run's results share their first bytes, and are appended together.
            // Sorted by the keys' bytes (the order of their hex forms), each hex form made as it
            // is written: a first run of 10,000 systems writes a million of them.
            let sorted = results.sorted(by: { ResultKey.inByteOrder($0.key, $1.key) })
            let forms = try Self.recordedForms(sorted.map { Array($0.value.utf8) }, kind: .result, in: db)
            for ((key, _), form) in zip(sorted, forms) {
                try result.execute(arguments: [key.hex, Data(form)])
            }
            let list = try db.cachedStatement(sql: "INSERT OR IGNORE INTO result_list (key, body) VALUES (?, ?)")
            let system = try db.cachedStatement(
                sql: """
                    INSERT INTO system (run_id, file, system_id, name, digest, diagnostics, results, overrides) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let ruleSet = try db.cachedStatement(sql: "INSERT OR IGNORE INTO rule_set (key, body) VALUES (?, ?)")
            for (key, body) in ruleSets { try ruleSet.execute(arguments: [key.hex, body]) }
            for body in typicalLists { try list.execute(arguments: [ResultKey(of: body).hex, body]) }
            for prepared in lists { if let body = prepared.body { try list.execute(arguments: [prepared.key, body]) } }
            for (index, row) in written.enumerated() {
                try system.execute(arguments: [
                    id, row.file, row.id, row.name, row.digest, row.diagnostics, row.results, row.overrides,
                ])
                systemRecorded?(index + 1)
            }
            let gone = try db.cachedStatement(sql: "INSERT INTO system_removed (run_id, file) VALUES (?, ?)")
            for file in removed { try gone.execute(arguments: [id, file]) }
            let document = try db.cachedStatement(
                sql: "INSERT OR REPLACE INTO parsed_document (digest, cadre_version, body) VALUES (?, ?, ?)")
            let archives = documents.sorted { $0.key < $1.key }
            let archiveForms = try Self.recordedForms(archives.map(\.value), kind: .document, in: db)
            for ((digest, _), form) in zip(archives, archiveForms) {
                try document.execute(arguments: [digest, run.info.cadreVersion, Data(form)])
            }
            // The cache keeps the descriptors of this run only.
            let kept = Set(rows.map(\.digest))
            let stale = try Row.fetchAll(db, sql: "SELECT digest, cadre_version FROM parsed_document").compactMap {
                row -> String? in
                let digest: String = row["digest"]
                return row["cadre_version"] == run.info.cadreVersion && kept.contains(digest) ? nil : digest
            }
            let drop = try db.cachedStatement(sql: "DELETE FROM parsed_document WHERE digest = ?")
            for digest in stale { try drop.execute(arguments: [digest]) }
            return id
        }
    }

    /// A system's row in a run, as written.
    struct SystemRow: Equatable {
        var file: String
        var id: String?
        var name: String?
        var digest: String
        var diagnostics: String
        var results: String
        var overrides: Data?
    }

    /// The last run that holds the rows of all its systems (the last run, or the one its rows
    /// differ from), and those rows by file; nil when there is no run.
    static func systemsBase(_ db: Database) throws -> (run: Int64, rows: [String: SystemRow])? {
        guard
            let last = try Row.fetchOne(db, sql: "SELECT id, systems_from FROM run ORDER BY id DESC LIMIT 1")
        else { return nil }
        let run: Int64 = (last["systems_from"] as Int64?) ?? last["id"]
        var rows: [String: SystemRow] = [:]
        let cursor = try Row.fetchCursor(
            db,
            sql: "SELECT file, system_id, name, digest, diagnostics, results, overrides FROM system WHERE run_id = ?",
            arguments: [run])
        while let row = try cursor.next() {
            let file: String = row["file"]
            rows[file] = SystemRow(
                file: file, id: row["system_id"], name: row["name"], digest: row["digest"],
                diagnostics: row["diagnostics"], results: row["results"], overrides: row["overrides"])
        }
        return (run, rows)
    }

    /// How a system's list is recorded: as a list the history holds (with the entries that differ
    /// from it), or as a new full list of a rule set.
    private enum ListForm {
        case stored(key: String, overrides: Data?)
        case full(ruleSet: ResultKey)
    }

    /// How `list` is recorded when the history holds it already, or the full list it derives
    /// from: that list's key, and the entries that differ from it (nil: none); nil when a new
    /// full list must be stored.
    static func storedForm(of list: ResultList) -> (key: String, overrides: Data?)? {
        if let base = list.base, list.overrides.count * 4 <= list.count {
            return (base.key, list.overrides.isEmpty ? nil : Data(ResultCoding.entries(of: list)))
        }
        if list.base == nil, let key = list.storedKey { return (key, nil) }
        return nil
    }
}
