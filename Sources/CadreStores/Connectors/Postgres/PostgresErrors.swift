import NIOCore
import PostgresNIO

/// Maps postgres-nio and SwiftNIO errors to ``StoreError``: by SQLSTATE and error code only.
/// Server messages are not copied (they can quote values, e.g. "invalid input syntax: 'jean@…'"),
/// nor is the underlying error's description (it can hold the host).
enum PostgresErrors {
    static func storeError(_ error: any Error, store: String, table: String?, column: String?, connecting: Bool)
        -> StoreError
    {
        func make(_ code: StoreError.Code, _ message: String, _ state: String? = nil) -> StoreError {
            StoreError(code, store: store, table: table, column: column, message: message, sqlState: state)
        }
        if let error = error as? StoreError { return error }
        guard let error = error as? PSQLError else {
            return make(
                .serverUnreachable, connecting ? "the server cannot be reached" : "the connection to the server failed")
        }
        switch error.code {
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            switch state {
            case "28P01", "28000":
                return make(.authenticationFailed, "the server refused the user name or password", state)
            case "3D000":
                return make(.missingDatabase, "the server has no such database", state)
            case "57014":
                return make(.timeout, "the query ran past its time limit and the server stopped it", state)
            case "42P01":
                return make(.missingTable, "the database has no such table", state)
            case "42703":
                return make(.missingColumn, "the table has no such column", state)
            case "42501":
                return make(.permissionDenied, "the role may not read it", state)
            case "25006":
                return make(.queryFailed, "a statement tried to write and the read-only transaction refused it", state)
            case _ where state.hasPrefix("22"):  // class 22: data exception
                return make(
                    .invalidData,
                    "the column holds a value that cannot be read as the query needs "
                        + "(for a date question: text that starts like a date but is not one)", state)
            case _ where state.hasPrefix("08") || state.hasPrefix("57P"):
                return make(.serverUnreachable, "the server closed the connection or is shutting down", state)
            default:
                return make(.queryFailed, "the server refused the query", state.isEmpty ? nil : state)
            }
        case .authMechanismRequiresPassword:
            return make(.authenticationFailed, "the server asks for a password and the URL gives none")
        case .unsupportedAuthMechanism, .saslError:
            return make(.authenticationFailed, "the server's authentication method cannot be used")
        case .sslUnsupported, .failedToAddSSLHandler, .receivedUnencryptedDataAfterSSLRequest:
            return make(.tlsFailed, "the server does not offer the TLS connection the URL requires")
        case .clientClosedConnection:
            return make(.timeout, "the server did not answer in time; the connection was closed")
        default:
            return make(
                .serverUnreachable,
                connecting ? "the server cannot be reached" : "the connection to the server was lost")
        }
    }
}
