import CZstd
import Foundation
import GRDB

extension HistoryStore {
    /// `bodies` of `kind` in their recorded form (``RecordedBodies``), in `db` (the transaction
    /// that records them): with the last dictionary of that kind, or with a new one made of them
    /// when they are many and that dictionary (or none) compresses them badly.
    static func recordedForms(_ bodies: [[UInt8]], kind: RecordedBodies.Kind, in db: Database) throws -> [[UInt8]] {
        guard !bodies.isEmpty else { return [] }
        let total = bodies.reduce(0) { $0 + $1.count }
        func size(_ forms: [[UInt8]]) -> Int { forms.reduce(0) { $0 + $1.count } }
        let last = try Row.fetchOne(
            db, sql: "SELECT id, body FROM body_dictionary WHERE kind = ? ORDER BY id DESC LIMIT 1",
            arguments: [kind.rawValue]
        ).map { BodyDictionary(number: $0["id"], bytes: [UInt8]($0["body"] as Data)) }
        // With the last dictionary when it compresses them well enough, or when they are few.
        var current: [[UInt8]]?
        if let last {
            let forms = RecordedBodies.compress(bodies, with: last)
            guard total >= RecordedBodies.trainingBytes, Double(size(forms)) > Double(total) * RecordedBodies.staleRatio
            else { return forms }
            current = forms
        } else if total < RecordedBodies.trainingBytes {
            return RecordedBodies.compress(bodies, with: nil)
        }
        let bytes = RecordedBodies.dictionary(from: bodies)
        try db.execute(
            sql: "INSERT INTO body_dictionary (kind, body) VALUES (?, ?)", arguments: [kind.rawValue, Data(bytes)])
        let made = BodyDictionary(number: db.lastInsertedRowID, bytes: bytes)
        let trained = RecordedBodies.compress(bodies, with: made)
        // Kept when it saves twice its own size (a dictionary is recorded once, and kept for ever)
        // against the last dictionary, or against their own size when there is none.
        guard (current.map(size) ?? total) - size(trained) >= 2 * bytes.count else {
            try db.execute(sql: "DELETE FROM body_dictionary WHERE id = ?", arguments: [made.number])
            return current ?? RecordedBodies.compress(bodies, with: nil)
        }
        return trained
    }
}

/// Reads recorded bodies back in one read of the history, each dictionary loaded once.
final class RecordedBodyReader {
    private let db: Database
    private var dictionaries: [Int64: BodyDictionary?] = [:]
    private let context = ZSTD_createDCtx()

    init(_ db: Database) { self.db = db }

    deinit { ZSTD_freeDCtx(context) }

    /// The body `stored` holds: itself when it is not compressed; nil when it cannot be read.
    func body(_ stored: [UInt8]) -> [UInt8]? {
        guard RecordedBodies.isCompressed(stored) else { return stored }
        return RecordedBodies.decompress(stored, context: context) { number in
            if let known = dictionaries[number] { return known }
            let found =
                (try? Data.fetchOne(db, sql: "SELECT body FROM body_dictionary WHERE id = ?", arguments: [number]))
                .flatMap { $0 }.map { BodyDictionary(number: number, bytes: [UInt8]($0)) }
            dictionaries[number] = found
            return found
        }
    }

    /// The text a result's stored value holds: JSON recorded as text, or compressed; nil when it
    /// cannot be read.
    func text(_ stored: DatabaseValue) -> String? {
        switch stored.storage {
        case .string(let text): text
        case .blob(let data): body([UInt8](data)).map { String(decoding: $0, as: UTF8.self) }
        default: nil
        }
    }
}

extension HistoryStore {
    /// Every byte the files of the history at `file` hold (the database, its WAL, its shared
    /// memory), then every compressed body read back: what a search for a value that must never
    /// be recorded — a store's value, a password — has to read, now that bodies are compressed.
    /// - Throws: when a file cannot be read, or a compressed body cannot be read back.
    static func readableContents(ofHistory file: String) throws -> Data {
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        var contents = Data()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
            contents += try Data(contentsOf: folder.appendingPathComponent(name))
        }
        let queue = try DatabaseQueue(path: file)
        defer { try? queue.close() }
        try queue.read { db in
            let reader = RecordedBodyReader(db)
            for table in ["result", "parsed_document"] {
                for value in try DatabaseValue.fetchAll(db, sql: "SELECT body FROM \(table)") {
                    guard case .blob(let data) = value.storage, RecordedBodies.isCompressed(data) else { continue }
                    guard let body = reader.body([UInt8](data)) else {
                        throw HistoryError(file: file, "a recorded body is unreadable", hint: "the history is damaged")
                    }
                    contents += body
                }
            }
        }
        return contents
    }
}
