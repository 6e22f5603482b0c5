/// A problem with a store, as a value: which store, what went wrong, and where in the store.
///
/// A `StoreError` never holds a connection string, a file path, a resolved `${VAR}` value or a
/// value read from the store: only the store's id, the table and column names the caller asked
/// for, and a message written by cadre. Server messages are not copied either (PostgreSQL puts
/// offending values in them); the SQLSTATE code is kept instead, in ``sqlState``.
///
/// ```swift
/// do { _ = try store.count(in: "recordings", olderThan: cutoff, by: "recorded_at") }
/// catch where error.code == .missingColumn { … }
/// ```
public struct StoreError: Error, Sendable, Hashable {
    /// What kind of problem. New codes can be added without breaking callers.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The store's URL names a file or folder that does not exist.
        public static let missingFile = Code(rawValue: "missing-file")
        /// The file exists but cannot be read (permissions, not a database, a directory where a file was expected…).
        public static let unreadableFile = Code(rawValue: "unreadable-file")
        /// The URL refers to `${VAR}` and the environment has no `VAR`.
        public static let missingVariable = Code(rawValue: "missing-variable")
        /// The URL (once resolved) is not of the form its engine expects.
        public static let invalidURL = Code(rawValue: "invalid-url")
        /// The server cannot be reached: refused, unknown host, timed out while connecting, connection lost.
        public static let serverUnreachable = Code(rawValue: "server-unreachable")
        /// The server refused the credentials.
        public static let authenticationFailed = Code(rawValue: "authentication-failed")
        /// The server has no database of that name, or the role may not connect to it.
        public static let missingDatabase = Code(rawValue: "missing-database")
        /// The server refused the encrypted connection the URL asks for, or the TLS setup failed.
        public static let tlsFailed = Code(rawValue: "tls-failed")
        /// The store has no table (or view, or file) of that name.
        public static let missingTable = Code(rawValue: "missing-table")
        /// The table has no column of that name.
        public static let missingColumn = Code(rawValue: "missing-column")
        /// The column's type cannot answer the question (a date question on a boolean column…).
        public static let unsupportedColumnType = Code(rawValue: "unsupported-column-type")
        /// The store holds data cadre cannot read (a JSONL line that is not an object, a record too large…).
        public static let invalidData = Code(rawValue: "invalid-data")
        /// The query ran past its time limit and was stopped.
        public static let timeout = Code(rawValue: "timeout")
        /// The role may not read that table or column.
        public static let permissionDenied = Code(rawValue: "permission-denied")
        /// The store was closed before the call.
        public static let closed = Code(rawValue: "closed")
        /// The store answered with an error cadre does not classify; see ``StoreError/sqlState``.
        public static let queryFailed = Code(rawValue: "query-failed")
        /// The request itself is not valid (an empty column list, a negative limit…).
        public static let invalidRequest = Code(rawValue: "invalid-request")
    }

    /// What kind of problem.
    public var code: Code
    /// The id of the store, as the descriptor names it.
    public var store: String
    /// The table the call was about, when there is one.
    public var table: String?
    /// The column the call was about, when there is one.
    public var column: String?
    /// What went wrong, in a sentence written by cadre (never a server message, never a value).
    public var message: String
    /// The PostgreSQL SQLSTATE (`"57014"`) or SQLite result code (`"SQLITE_CORRUPT"`), when the store gave one.
    public var sqlState: String?

    /// Creates an error.
    public init(
        _ code: Code, store: String, table: String? = nil, column: String? = nil,
        message: String, sqlState: String? = nil
    ) {
        self.code = code
        self.store = store
        self.table = table
        self.column = column
        self.message = message
        self.sqlState = sqlState
    }
}

extension StoreError: CustomStringConvertible, CustomDebugStringConvertible {
    /// `store 'calls', table 'recordings': message [code]`.
    public var description: String {
        var place = "store '\(store)'"
        if let table { place += ", table '\(table)'" }
        if let column { place += ", column '\(column)'" }
        var text = "\(place): \(message) [\(code)"
        if let sqlState { text += ", \(sqlState)" }
        return text + "]"
    }

    public var debugDescription: String { "StoreError(\(description))" }
}
