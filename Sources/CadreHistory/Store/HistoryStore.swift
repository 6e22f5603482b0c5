import CadreEngine
import CadreModel
import Foundation
import GRDB

/// The run history of a workspace: an SQLite database in WAL mode, `.cadre/history.sqlite`.
///
/// A run is written in one transaction: a process killed while recording (even by `kill -9`)
/// leaves the history as it was before that run, readable, every earlier run intact. The
/// connections are GRDB's `DatabasePool`: one writer, and readers that read while it writes
/// (a re-check compares its run with the last while it records it).
public struct HistoryStore: Sendable {
    /// The history file as shown to users.
    public let file: String
    let database: DatabasePool
    /// Called inside the transaction that records a run, after each system's row, with the
    /// number of rows written: where a test looks at the files as a process killed at that
    /// moment would leave them.
    var systemRecorded: (@Sendable (Int) -> Void)?

    /// Where a workspace keeps its history: `<root>/.cadre/history.sqlite`.
    public static func file(in root: String) -> String { WorkspaceFiles.join(root, ".cadre/history.sqlite") }

    /// The files SQLite opens for writing besides the history itself.
    static let companionSuffixes = ["-wal", "-shm", "-journal"]

    /// Opens (creating it when needed) the history at `file`, bringing its tables up to date.
    ///
    /// - Throws: ``HistoryError`` when the file cannot be created or read as a history, or was
    ///   written by a newer cadre; when it or one of its companions (`-wal`, `-shm`, `-journal`)
    ///   exists but is not a regular file (a FIFO, a device, a folder), which SQLite is never
    ///   let to open; or is a symbolic link, even a dangling one (a link committed in a
    ///   repository would let SQLite create or write a file outside the workspace).
    public static func open(at file: String) throws(HistoryError) -> HistoryStore {
        for path in [file] + companionSuffixes.map({ file + $0 }) {
            // Not following links: a link is refused as what it is, wherever it points.
            if FileKind.of(path, followingLinks: false) == .symbolicLink {
                throw HistoryError(
                    file: path,
                    "is a symbolic link: cadre keeps its history in SQLite files there and follows no link out of them",
                    hint: "remove the link (cadre then starts a new history there), or work in another workspace")
            }
            if let kind = FileKind.of(path), kind != .regular {
                throw HistoryError(
                    file: path, "is \(kind.phrase), not a regular file: cadre keeps its history in SQLite files there",
                    hint: "move it away (cadre then starts a new history there), or work in another workspace")
            }
        }
        let folder = (file as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw HistoryError(file: file, "cannot create the folder `\(folder)`: \(error.localizedDescription)")
            }
        }
        var configuration = Configuration()
        configuration.label = "cadre history"
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // WAL (the pool's journal): readers never block the writer, and a killed writer
            // leaves the last commit; synced at checkpoints.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // 64 MiB of pages: a run of 10,000 systems writes results all over a large table.
            try db.execute(sql: "PRAGMA cache_size = -65536")
            // Reads through a memory map rather than a system call a page: a run's lists span
            // tens of thousands of pages.
            try db.execute(sql: "PRAGMA mmap_size = 1073741824")
        }
        do {
            let database = try DatabasePool(path: file, configuration: configuration)
            let migrator = HistorySchema.migrator
            if try database.read({ try migrator.hasBeenSuperseded($0) }) {
                throw HistoryError(
                    file: file, "the history was written by a newer cadre",
                    hint: "use that cadre, or move the file away to start a new history")
            }
            try migrator.migrate(database)
            return HistoryStore(file: file, database: database)
        } catch let error as HistoryError {
            throw error
        } catch let error as DatabaseError {
            throw HistoryError(
                file: file, "cannot open the history: \(error.message ?? "SQLite error \(error.resultCode.rawValue)")",
                hint: "is it an SQLite file? Move it away to start a new history")
        } catch {
            throw HistoryError(file: file, "cannot open the history: \(error)")
        }
    }

    /// Runs `body` on the database, turning its errors into ``HistoryError``s.
    func reading<T>(_ body: (Database) throws -> T) throws(HistoryError) -> T {
        do {
            return try database.read(body)
        } catch let error as HistoryError {
            throw error
        } catch let error as DatabaseError {
            throw HistoryError(
                file: file, "cannot read the history: \(error.message ?? "SQLite error \(error.resultCode.rawValue)")")
        } catch {
            throw HistoryError(file: file, "cannot read the history: \(error)")
        }
    }

    /// Runs `body` in one transaction: all of it is written, or none.
    func writing<T>(_ body: (Database) throws -> T) throws(HistoryError) -> T {
        do {
            return try database.write(body)
        } catch let error as HistoryError {
            throw error
        } catch let error as DatabaseError {
            throw HistoryError(
                file: file, "cannot write the history: \(error.message ?? "SQLite error \(error.resultCode.rawValue)")")
        } catch {
            throw HistoryError(file: file, "cannot write the history: \(error)")
        }
    }

    /// SQLite's own check of the file (`PRAGMA integrity_check`): "ok", or what is wrong.
    public func integrityCheck() throws(HistoryError) -> String {
        try reading { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n") }
    }
}
