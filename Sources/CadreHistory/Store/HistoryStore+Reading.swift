import CadreEngine
import CadreModel
import Foundation
import GRDB

extension HistoryStore {
    /// Every run, newest first.
    public func runs() throws(HistoryError) -> [RunInfo] {
        try reading { db in
            let packs = try Row.fetchAll(
                db, sql: "SELECT run_id, name, version FROM input WHERE kind = 'pack' ORDER BY run_id, name")
            var packsByRun: [Int64: [RunInfo.PackVersion]] = [:]
            for row in packs {
                packsByRun[row["run_id"], default: []].append(.init(id: row["name"], version: row["version"] ?? ""))
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM run ORDER BY id DESC").map { row in
                try Self.info(row, packs: packsByRun[row["id"]] ?? [])
            }
        }
    }

    /// The run `reference` names, nil when there is none. `last` and `last~N` count the runs
    /// `cadre watch` did not record (a watch does not move `last`), unless `countingWatch`.
    public func run(_ reference: RunReference, countingWatch: Bool = false) throws(HistoryError) -> RecordedRun? {
        try reading { db in
            let row: Row?
            switch reference {
            case .id(let id): row = try Row.fetchOne(db, sql: "SELECT * FROM run WHERE id = ?", arguments: [id])
            case .last(let back):
                let watch = countingWatch ? "" : #"WHERE "trigger" IS NOT 'watch' "#
                row = try Row.fetchOne(
                    db, sql: "SELECT * FROM run \(watch)ORDER BY id DESC LIMIT 1 OFFSET ?", arguments: [back])
            }
            guard let row else { return nil }
            return try Self.run(row, db: db)
        }
    }

    /// The last run (not counting `cadre watch`'s, unless `countingWatch`), nil when there is none.
    public func lastRun(countingWatch: Bool = false) throws(HistoryError) -> RecordedRun? {
        try run(.last(back: 0), countingWatch: countingWatch)
    }

    /// The results stored under `keys` (paths relative to the workspace).
    public func results(_ keys: some Collection<ResultKey>) throws(HistoryError) -> [ResultKey: RuleResult] {
        try Self.decode(try resultBodies(keys), file: file)
    }

    /// The recorded form (JSON) of the results stored under `keys`.
    func resultBodies(_ keys: some Collection<ResultKey>) throws(HistoryError) -> [(ResultKey, String)] {
        guard !keys.isEmpty else { return [] }
        return try reading { db in
            var bodies: [(ResultKey, String)] = []
            let statement = try db.cachedStatement(sql: "SELECT body FROM result WHERE key = ?")
            let reader = RecordedBodyReader(db)
            for key in Set(keys) {
                guard let stored = try DatabaseValue.fetchOne(statement, arguments: [key.hex]), !stored.isNull else {
                    throw HistoryError(
                        file: file, "a recorded result is missing (\(key.hex.prefix(12)))",
                        hint: "the history is damaged")
                }
                guard let body = reader.text(stored) else {
                    throw HistoryError(
                        file: file, "a recorded result is unreadable (\(key.hex.prefix(12)))",
                        hint: "the history is damaged")
                }
                bodies.append((key, body))
            }
            return bodies
        }
    }

    /// The results whose recorded forms are `bodies`, decoded on every core (decoding JSON is
    /// most of the work of reading results).
    static func decode(_ bodies: [(ResultKey, String)], file: String) throws(HistoryError) -> [ResultKey: RuleResult] {
        var found: [ResultKey: RuleResult] = [:]
        for (key, result) in bodies.concurrentMap({ ($0.0, try? ResultCoding.decode($0.1)) }) {
            guard let result else {
                throw HistoryError(
                    file: file, "a recorded result is unreadable (\(key.hex.prefix(12)))",
                    hint: "the history is damaged")
            }
            found[key] = result
        }
        return found
    }

    /// The archives of the documents parsed by cadre `cadreVersion` that the history keeps (those
    /// of the last run's descriptors), by the digest of their bytes.
    func parsedDocuments(cadreVersion: String) throws(HistoryError) -> [String: [UInt8]] {
        try reading { db in
            var documents: [String: [UInt8]] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT digest, body FROM parsed_document WHERE cadre_version = ?", arguments: [cadreVersion])
            let reader = RecordedBodyReader(db)
            while let row = try rows.next() {
                // One that cannot be read back is left out: it is parsed again.
                if let body = row["body"] as Data?, let archive = reader.body([UInt8](body)) {
                    documents[row["digest"]] = archive
                }
            }
            return documents
        }
    }

    // MARK: Rows

    static func info(_ row: Row, packs: [RunInfo.PackVersion]) throws -> RunInfo {
        let counts = try JSONDecoder().decode([String: Int].self, from: Data((row["counts"] as String).utf8))
        return RunInfo(
            id: row["id"], recordedAt: row["recorded_at"], asOf: ISODate(row["as_of"] as String) ?? ISODate.epoch,
            cadreVersion: row["cadre_version"], workspace: row["workspace"],
            kind: RunInfo.Kind(rawValue: row["kind"]) ?? .full,
            previousRun: row["previous_run"], evaluatedPairs: row["evaluated_pairs"], totalPairs: row["total_pairs"],
            counts: Dictionary(
                uniqueKeysWithValues: counts.compactMap { key, value in
                    RuleResult.Status(rawValue: key).map { ($0, value) }
                }),
            packs: packs,
            origin: RunOrigin(
                trigger: (row["trigger"] as String?).flatMap(RunOrigin.Trigger.init(rawValue:)),
                commit: row["commit_id"], branch: row["branch"]))
    }

    static func run(_ row: Row, db: Database) throws -> RecordedRun {
        let id: Int64 = row["id"]
        let decoder = JSONDecoder()
        let inputs = try Row.fetchAll(
            db, sql: "SELECT * FROM input WHERE run_id = ? ORDER BY kind, path", arguments: [id]
        ).compactMap { row -> RunInput? in
            guard let kind = RunInput.Kind(rawValue: row["kind"]) else { return nil }
            let detail =
                try (row["detail"] as String?).map { try decoder.decode([String: String].self, from: Data($0.utf8)) }
                ?? [:]
            return RunInput(
                kind: kind, name: row["name"], path: row["path"], version: row["version"], digest: row["digest"],
                detail: detail)
        }
        let packs = inputs.filter { $0.kind == .pack }.map {
            RunInfo.PackVersion(id: $0.name, version: $0.version ?? "")
        }
        var rules: [RuleInfo] = []
        var readings: [String: RuleReadings] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT info, readings FROM rule WHERE run_id = ? ORDER BY id", arguments: [id])
        {
            let rule = try decoder.decode(RuleInfo.self, from: Data((row["info"] as String).utf8))
            rules.append(rule)
            if let words = row["readings"] as String? { readings[rule.id] = RuleReadings(text: words) }
        }
        var workspaceWaivers: [Waiver] = []
        var descriptorWaivers: [String: [Waiver]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM waiver WHERE run_id = ? ORDER BY rowid", arguments: [id]) {
            let waiver = Waiver(
                rule: row["rule"], system: row["system"], reason: row["reason"], approvedBy: row["approved_by"],
                expires: ISODate(row["expires"] as String) ?? ISODate.epoch,
                location: SourceLocation(file: row["file"], line: row["line"], column: row["column"]))
            if row["origin"] == "descriptor" {
                descriptorWaivers[waiver.location.file, default: []].append(waiver)
            } else {
                workspaceWaivers.append(waiver)
            }
        }
        // Nearly every list of a run has one rule set: each is read once.
        var ruleSets: [ResultKey: RuleSet] = [:]
        let ruleSet = try db.cachedStatement(sql: "SELECT body FROM rule_set WHERE key = ?")
        func ruleIDs(_ key: ResultKey) throws -> RuleSet {
            if let known = ruleSets[key] { return known }
            guard let body = try String.fetchOne(ruleSet, arguments: [key.hex]) else {
                throw ResultCoding.CorruptList()
            }
            let rules = RuleSet(ids: ResultCoding.rules(ofSet: body))
            ruleSets[key] = rules
            return rules
        }
        let list = try db.cachedStatement(sql: "SELECT body FROM result_list WHERE key = ?")
        func fullList(_ key: ResultKey) throws -> [UInt8] {
            guard let body = try Data.fetchOne(list, arguments: [key.hex]) else { throw ResultCoding.CorruptList() }
            return [UInt8](body)
        }
        var systems: [RecordedSystem] = []
        /// Appends the systems of `run`'s own rows, but those in `skipped`.
        func appendSystems(of run: Int64, skipping skipped: Set<String> = []) throws {
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT system.*, result_list.body AS list FROM system JOIN result_list ON result_list.key = system.results
                    WHERE run_id = ? ORDER BY file
                    """,
                arguments: [run])
            while let row = try rows.next() {
                let file: String = row["file"]
                if skipped.contains(file) { continue }
                let diagnosticsText: String = row["diagnostics"]
                let key: String = row["results"]
                let results: ResultList
                switch (row["list"] as DatabaseValue).storage {
                case .blob(let bytes):
                    let overrides = (row["overrides"] as Data?).map { [UInt8]($0) }
                    results = try ResultCoding.list(
                        [UInt8](bytes), key: key, overrides: overrides, rules: ruleIDs, full: fullList)
                case .string(let text):
                    // A text list is read as it is: no differences are ever recorded beside one.
                    guard row["overrides"] as DatabaseValue == .null else { throw ResultCoding.CorruptList() }
                    results = ResultList(stored: try ResultCoding.references(text: text), key: key)
                default: throw ResultCoding.CorruptList()
                }
                systems.append(
                    RecordedSystem(
                        file: file, id: row["system_id"], name: row["name"], digest: row["digest"],
                        diagnostics: diagnosticsText == "[]"
                            ? [] : try decoder.decode([Diagnostic].self, from: Data(diagnosticsText.utf8)),
                        waivers: descriptorWaivers[file] ?? [], results: results))
            }
        }
        try appendSystems(of: id)
        // A run whose rows differ from an earlier run's holds only those: the others are that
        // run's, but the files removed since.
        if let base = row["systems_from"] as Int64? {
            var skipped = Set(systems.map(\.file))
            skipped.formUnion(
                try String.fetchAll(db, sql: "SELECT file FROM system_removed WHERE run_id = ?", arguments: [id]))
            try appendSystems(of: base, skipping: skipped)
            systems.sort { $0.file < $1.file }
        }
        var run = RecordedRun(
            info: try info(row, packs: packs), engine: row["engine"], inputs: inputs, rules: rules,
            waivers: workspaceWaivers,
            systems: systems,
            diagnostics: try decoder.decode([Diagnostic].self, from: Data((row["diagnostics"] as String).utf8)))
        run.readings = readings
        return run
    }
}
