import CadreModel
import Foundation
import NIOSSL
import PostgresNIO

/// The parts of a resolved `postgres://` URL. A secret: its description hides everything.
struct PostgresLocation: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// How the connection is encrypted, as libpq's `sslmode` says it.
    enum TLSMode: String {
        case disable, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    var host: String
    var port: Int
    var user: String
    var password: String?
    var database: String
    var tls: TLSMode

    var description: String { "<hidden>" }
    var debugDescription: String { "<hidden>" }
    var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }

    /// Parses `postgres://user:password@host:port/database?sslmode=…` (or `postgresql://`).
    /// User and password are percent-decoded; the port defaults to 5432, the database to the user,
    /// `sslmode` to `prefer`; a `password` parameter gives the password when the user information
    /// has none, as libpq reads it. Errors describe the problem without quoting the URL.
    static func parse(_ url: ResolvedSecret, store: String) throws(StoreError) -> PostgresLocation {
        func invalid(_ why: String) -> StoreError {
            StoreError(
                .invalidURL, store: store,
                message: "its URL is not a PostgreSQL URL (postgres://user:password@host:port/database): \(why)")
        }
        guard let components = URLComponents(string: url.revealed) else { throw invalid("it cannot be parsed") }
        guard let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql" else {
            throw invalid("the scheme must be postgres or postgresql")
        }
        guard let host = components.host, !host.isEmpty else { throw invalid("it names no host") }
        guard let user = components.user, !user.isEmpty else { throw invalid("it names no user") }
        let port = components.port ?? 5432
        guard (1...65535).contains(port) else { throw invalid("the port is out of range") }
        var path = components.path
        if path.hasPrefix("/") { path.removeFirst() }
        var tls = TLSMode.prefer
        for item in components.queryItems ?? [] where item.name == "sslmode" {
            guard let value = item.value, let mode = TLSMode(rawValue: value) else {
                throw invalid("sslmode must be disable, prefer, require, verify-ca or verify-full")
            }
            tls = mode
        }
        return PostgresLocation(
            host: host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host, port: port, user: user,
            password: components.password ?? components.queryItems?.first { $0.name == "password" }?.value,
            database: path.isEmpty ? user : path, tls: tls)
    }

    /// postgres-nio's configuration for this location.
    func configuration(options: StoreOptions, store: String) throws(StoreError) -> PostgresConnection.Configuration {
        let tlsSetting: PostgresConnection.Configuration.TLS
        do {
            switch tls {
            case .disable:
                tlsSetting = .disable
            case .prefer, .require:
                var settings = TLSConfiguration.makeClientConfiguration()
                settings.certificateVerification = .none  // libpq: encrypt, do not verify
                let context = try NIOSSLContext(configuration: settings)
                tlsSetting = tls == .prefer ? .prefer(context) : .require(context)
            case .verifyCA, .verifyFull:
                var settings = TLSConfiguration.makeClientConfiguration()
                settings.certificateVerification = tls == .verifyCA ? .noHostnameVerification : .fullVerification
                tlsSetting = .require(try NIOSSLContext(configuration: settings))
            }
        } catch {
            throw StoreError(.tlsFailed, store: store, message: "the TLS settings its URL asks for cannot be set up")
        }
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: tlsSetting)
        configuration.options.connectTimeout = .milliseconds(options.connectTimeout.wholeMilliseconds)
        // Belt and braces: every transaction of this session is read-only unless it says otherwise,
        // and no statement runs longer than the query limit.
        configuration.options.additionalStartupParameters = [
            ("default_transaction_read_only", "on"),
            ("statement_timeout", "\(options.queryTimeLimit.wholeMilliseconds)"),
            ("application_name", "cadre"),
        ]
        return configuration
    }
}
