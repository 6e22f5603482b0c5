import GRDB

/// The tables of `.cadre/history.sqlite`, as migrations: migrations are only added, never edited
/// once shipped, so cadre opens any history a cadre of an equal or lower version wrote (GRDB's
/// `DatabaseMigrator` records which ran in `grdb_migrations`).
///
/// - `run`: one row per run: when (UTC wall clock), the as-of date, cadre's version, the
///   workspace's name, how many (system, rule) pairs were evaluated out of how many, counts by
///   status, and the run's own problems (JSON); what triggered it (`recheck`, `watch`,
///   `baseline`, `ci`), and the git commit and branch of the workspace, when it is in a
///   repository (NULL in runs recorded before cadre kept them).
/// - `input`: every input of a run with its digest (SHA-256): packs (version, settings), their
///   files, plugins (`kind = 'plugin'` and `'plugin-file'`), waiver files,
///   taxonomy files, `cadre.yaml`. Paths are relative to the workspace.
/// - `rule`: every rule loaded, as ``RuleInfo`` (JSON), and what it read besides its systems when
///   evaluated (``RuleReadings`` as words: `as-of stores pack-version`; NULL when not known).
/// - `waiver`: every waiver in force in the run, from waiver files and descriptors.
/// - `system`: every descriptor: its digest, id, problems, and its results: a reference to a
///   `result_list` and, in `overrides`, the entries where they differ from it (38 bytes an
///   entry; NULL when none), so a re-check after one rule changed adds short rows, not lists.
///   A run whose `systems_from` names an earlier run (since v7) holds only the rows that differ
///   from that run's, and `system_removed` the files that run had and it has not: a run where
///   a quarter of the systems or fewer changed adds that many rows, not one per system. The run
///   named always holds all its rows (it has no `systems_from`), so a run is read from two runs'
///   rows at most.
/// - `result_list`, `rule_set` and `result`: content-addressed (the key is a digest of the body;
///   a result's starts with the number of the run that stored it, which keeps a run's results
///   together in the file — ``ResultKey``), so a result that did not change is stored once,
///   however many runs hold it. A list is binary (``ResultCoding``): the key of its rule set
///   (the rule ids it covers, one per line; a run nearly always has one), then 34 bytes a rule:
///   status, severity, the result's key. No list is ever deleted (a later run's rows may name
///   it). A list may also be a difference stored as a list of its own (the base's key, then the
///   entries, with no `overrides` beside it) or a text list (`rule-id result-key status
///   severity` lines); both are read, neither is written. A run's new lists are recorded as
///   their differences from the list most of them are like (``TypicalList``: systems of one
///   workspace differ at a few rules), in their rows, when they differ at a quarter of their
///   rules or fewer. A result is a ``RuleResult`` as
///   JSON, findings included (findings are redacted before they reach a result: no store value
///   is ever recorded), without its system (since v6: the `system` row names it), so a result
///   alike on many systems — a pass, a rule out of scope — is one content, stored once per run
///   that first holds it. Results recorded before v6 name their system, and are read as they are.
/// - `parsed_document`: the descriptors of the last run as parsed (a ``DocumentArchive``), by the
///   digest of their bytes and the cadre that parsed them, so that a re-check reads them back
///   rather than parsing them again. Each run keeps only its own descriptors' (a cache: deleting
///   its rows loses nothing but time).
/// - `body_dictionary` (since v8): the Zstandard dictionaries results and parsed documents are
///   compressed with (``RecordedBodies``), each of a kind (`result`, `document`), never deleted. A
///   result's or a parsed document's body is compressed (a BLOB starting with `0xC1` and its
///   dictionary's `id`) since v8; one recorded before is read as it is.
enum HistorySchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: runs, inputs, rules, waivers, systems, results") { db in
            try db.execute(
                sql: """
                    CREATE TABLE run (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      recorded_at TEXT NOT NULL,
                      as_of TEXT NOT NULL,
                      cadre_version TEXT NOT NULL,
                      workspace TEXT,
                      kind TEXT NOT NULL,
                      previous_run INTEGER REFERENCES run(id) ON DELETE SET NULL,
                      evaluated_pairs INTEGER NOT NULL,
                      total_pairs INTEGER NOT NULL,
                      engine TEXT NOT NULL,
                      counts TEXT NOT NULL,
                      diagnostics TEXT NOT NULL
                    );
                    CREATE TABLE input (
                      run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                      kind TEXT NOT NULL,
                      name TEXT NOT NULL,
                      path TEXT NOT NULL,
                      version TEXT,
                      digest TEXT NOT NULL,
                      detail TEXT,
                      PRIMARY KEY (run_id, kind, path)
                    );
                    CREATE TABLE rule (
                      run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                      id TEXT NOT NULL,
                      pack TEXT NOT NULL,
                      info TEXT NOT NULL,
                      PRIMARY KEY (run_id, id)
                    );
                    CREATE TABLE waiver (
                      run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                      origin TEXT NOT NULL,
                      system TEXT NOT NULL,
                      rule TEXT NOT NULL,
                      expires TEXT NOT NULL,
                      reason TEXT NOT NULL,
                      approved_by TEXT NOT NULL,
                      file TEXT NOT NULL,
                      line INTEGER NOT NULL,
                      "column" INTEGER NOT NULL
                    );
                    CREATE INDEX waiver_by_run ON waiver(run_id);
                    CREATE TABLE result_list (
                      key TEXT PRIMARY KEY,
                      body TEXT NOT NULL
                    ) WITHOUT ROWID;
                    CREATE TABLE result (
                      key TEXT PRIMARY KEY,
                      body TEXT NOT NULL
                    ) WITHOUT ROWID;
                    CREATE TABLE system (
                      run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                      file TEXT NOT NULL,
                      system_id TEXT,
                      name TEXT,
                      digest TEXT NOT NULL,
                      diagnostics TEXT NOT NULL,
                      results TEXT NOT NULL REFERENCES result_list(key),
                      PRIMARY KEY (run_id, file)
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v2: rule sets, parsed documents") { db in
            try db.execute(
                sql: """
                    CREATE TABLE rule_set (
                      key TEXT PRIMARY KEY,
                      body TEXT NOT NULL
                    ) WITHOUT ROWID;
                    CREATE TABLE parsed_document (
                      digest TEXT PRIMARY KEY,
                      cadre_version TEXT NOT NULL,
                      body BLOB NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v3: differences in systems' rows") { db in
            try db.execute(sql: "ALTER TABLE system ADD COLUMN overrides BLOB")
        }
        migrator.registerMigration("v4: what rules read") { db in
            try db.execute(sql: "ALTER TABLE rule ADD COLUMN readings TEXT")
        }
        migrator.registerMigration("v5: what triggered a run, at which commit") { db in
            try db.execute(
                sql: """
                    ALTER TABLE run ADD COLUMN "trigger" TEXT;
                    ALTER TABLE run ADD COLUMN commit_id TEXT;
                    ALTER TABLE run ADD COLUMN branch TEXT;
                    """)
        }
        migrator.registerMigration("v6: results recorded without their system") { _ in
            // No table changes: results are now recorded without their `system` (the system's row
            // names it), so that a result alike on many systems is stored once; those recorded
            // before are read as they are. Registered so that an older cadre, which cannot read
            // such results, says the history was written by a newer cadre.
        }
        migrator.registerMigration("v7: runs that record only the systems that changed") { db in
            try db.execute(
                sql: """
                    ALTER TABLE run ADD COLUMN systems_from INTEGER REFERENCES run(id);
                    CREATE TABLE system_removed (
                      run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                      file TEXT NOT NULL,
                      PRIMARY KEY (run_id, file)
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v8: compressed results and parsed documents") { db in
            try db.execute(
                sql: """
                    CREATE TABLE body_dictionary (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      kind TEXT NOT NULL,
                      body BLOB NOT NULL
                    );
                    """)
        }
        return migrator
    }
}
