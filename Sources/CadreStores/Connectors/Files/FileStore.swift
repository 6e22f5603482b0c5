import CadreModel
import Foundation
import NIOConcurrencyHelpers

/// CSV or JSON Lines files, read front to back in bounded memory.
///
/// The URL names one file (a table named after the file without its extension) or a folder (a
/// table per `.csv` file — or `.jsonl` / `.ndjson` file — in it, not in sub-folders). Files are
/// opened `O_RDONLY` and never written. Each call streams the file once: counts, distinct counts
/// and date ranges are computed on the way, with the semantics of the SQL stores (see ``Store``).
///
/// Schema: a CSV table's columns are its header (type unknown: ``ColumnKind/text``); a JSONL
/// table's columns are the top-level members seen in its first 1,000 lines, typed by their first
/// non-null value. A column asked for that is not in the schema is ``StoreError/Code/missingColumn``.
///
/// Threading: calls run on the calling thread; the store holds no open file between calls and is
/// `Sendable`. Each call stops with ``StoreError/Code/timeout`` past ``StoreOptions/queryTimeLimit``.
public final class FileStore: Store {
    public let id: String
    public let engine: StoreEngine
    let options: StoreOptions
    let root: String
    let rootIsDirectory: Bool
    private let isClosed = NIOLockedValueBox(false)
    static let schemaSampleLines = 1_000

    /// Opens the file or folder the endpoint names (engine `csv` or `jsonl`).
    /// - Throws: ``StoreError/Code/missingVariable``, ``StoreError/Code/invalidURL``,
    ///   ``StoreError/Code/missingFile``, ``StoreError/Code/invalidRequest`` for another engine.
    public init(endpoint: StoreEndpoint, environment: [String: String], options: StoreOptions = StoreOptions())
        throws(StoreError)
    {
        id = endpoint.id
        engine = endpoint.engine
        self.options = options
        guard engine == .csv || engine == .jsonl else {
            throw StoreError(.invalidRequest, store: id, message: "a file store reads csv or jsonl, not \(engine)")
        }
        let resolved = try endpoint.resolvedURL(environment: environment)
        root = try LocalPath.from(
            resolved, schemes: ["file", "csv", "jsonl"], store: id, baseDirectory: options.baseDirectory)
        let (exists, isDirectory) = LocalPath.kind(root)
        guard exists else {
            throw StoreError(.missingFile, store: id, message: "the file or folder its URL names does not exist")
        }
        rootIsDirectory = isDirectory
        if !isDirectory { try LocalPath.checkReadableFile(root, store: id) }
    }

    public func close() {
        isClosed.withLockedValue { $0 = true }
    }

    var extensions: [String] { engine == .csv ? ["csv"] : ["jsonl", "ndjson"] }

    /// Table name → file path.
    func tables() throws(StoreError) -> [String: String] {
        guard !isClosed.withLockedValue({ $0 }) else {
            throw StoreError(.closed, store: id, message: "the store was closed")
        }
        guard rootIsDirectory else {
            return [((root as NSString).lastPathComponent as NSString).deletingPathExtension: root]
        }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: root)
        } catch {
            throw StoreError(.unreadableFile, store: id, message: "its folder cannot be listed")
        }
        var tables: [String: String] = [:]
        for entry in entries where extensions.contains((entry as NSString).pathExtension.lowercased()) {
            let path = (root as NSString).appendingPathComponent(entry)
            guard !LocalPath.kind(path).isDirectory else { continue }
            tables[(entry as NSString).deletingPathExtension] = path
        }
        return tables
    }

    public func tableNames() throws(StoreError) -> [String] {
        try tables().keys.sorted()
    }

    /// The path of a table (exact name, else ignoring case).
    func path(of table: String) throws(StoreError) -> (name: String, path: String) {
        let tables = try tables()
        if let path = tables[table] { return (table, path) }
        if let (name, path) = tables.first(where: { $0.key.lowercased() == table.lowercased() }) { return (name, path) }
        throw StoreError(
            .missingTable, store: id, table: table,
            message: rootIsDirectory
                ? "its folder has no .\(extensions[0]) file of that name" : "its file is a table of another name")
    }

    public func schema(of table: String) throws(StoreError) -> TableSchema {
        let (name, path) = try self.path(of: table)
        switch engine {
        case .csv:
            let reader = try CSVReader(path: path, store: id, table: name)
            return TableSchema(
                name: name,
                columns: reader.header.map {
                    ColumnSchema(name: $0, declaredType: "", kind: .text, isNullable: nil)
                })
        default:
            let reader = try JSONLReader(path: path, store: id, table: name)
            var order: [String] = []
            var kinds: [String: ColumnKind] = [:]
            reader.collectKeys = { key, kind in
                if kinds[key] == nil {
                    order.append(key)
                    kinds[key] = .other
                }
                if kinds[key] == .other, let known = Self.kind(of: kind) { kinds[key] = known }
            }
            reader.select([])
            while reader.lineNumber < Self.schemaSampleLines, try reader.next() {}
            return TableSchema(
                name: name,
                columns: order.map {
                    ColumnSchema(name: $0, declaredType: "", kind: kinds[$0] ?? .other, isNullable: nil)
                })
        }
    }

    static func kind(of kind: FieldValue.Kind) -> ColumnKind? {
        switch kind {
        case .null: nil
        case .text: .text
        case .number: .real
        case .boolean: .boolean
        case .nested: .json
        }
    }

    /// Streams `table`, calling `body` with the reader positioned on each record, whose values are
    /// those of `columns` (resolved against the schema), until `body` returns false.
    func pass(
        _ table: String, columns: [String], deadline: ContinuousClock.Instant?,
        _ body: (FileRecordReader) throws(StoreError) -> Bool
    ) throws(StoreError) -> (table: String, columns: [String]) {
        let schema = try self.schema(of: table)
        let names = try schema.columnNames(columns, in: id)
        let (_, path) = try self.path(of: schema.name)
        let reader: FileRecordReader
        switch engine {
        case .csv:
            let csv = try CSVReader(path: path, store: id, table: schema.name)
            csv.select(names.map { name in csv.header.firstIndex(of: name) ?? -1 })
            reader = csv
        default:
            let jsonl = try JSONLReader(path: path, store: id, table: schema.name)
            jsonl.select(names)
            reader = jsonl
        }
        let deadline = deadline ?? ContinuousClock.now.advanced(by: options.queryTimeLimit.clampedLimit)
        var records = 0
        while try reader.next() {
            records += 1
            if records % 4096 == 0, ContinuousClock.now >= deadline {
                throw StoreError(
                    .timeout, store: id, table: schema.name, message: "reading the file ran past its time limit")
            }
            guard try body(reader) else { break }
        }
        return (schema.name, names)
    }
}
