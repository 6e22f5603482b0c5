import CadreModel

/// Where a store is and how to reach it: the `stores:` entry of a descriptor, as far as
/// connecting goes.
///
/// The ``url`` is a template that may refer to environment variables as `${NAME}`; they are
/// resolved by ``open(environment:options:)`` at connect time and the result is never kept in a
/// printable place. The description, debug description and mirror of an endpoint leave the URL
/// out, so `print(endpoint)` or `dump(endpoint)` cannot leak it.
///
/// URL forms:
/// - `sqlite`: a path (`data/calls.sqlite`), `file:///abs/calls.sqlite` or `sqlite:///abs/calls.sqlite`
/// - `postgres`: `postgres://user:password@host:5432/database?sslmode=disable|prefer|require|verify-full`
///   (`postgresql://` too; user and password percent-encoded)
/// - `csv` / `jsonl`: a path or `file://` URL to one file (one table, named after the file without
///   its extension) or to a folder (one table per `.csv`, or `.jsonl`/`.ndjson`, file in it)
///
/// Relative paths are resolved against ``StoreOptions/baseDirectory``.
public struct StoreEndpoint: Sendable, Hashable {
    /// The store's id, unique within a descriptor (`calls`). Errors name the store by this id.
    public var id: String
    /// What kind of store.
    public var engine: StoreEngine
    /// The URL template, with `${VAR}` references. Never printed.
    public var url: String

    /// Creates an endpoint.
    /// - Parameters:
    ///   - id: The store's id, used in every error and report.
    ///   - engine: What kind of store.
    ///   - url: The URL template; `${VAR}` references are resolved when the store is opened.
    public init(id: String, engine: StoreEngine, url: String) {
        self.id = id
        self.engine = engine
        self.url = url
    }

    /// The endpoint of a store a descriptor declares: its id, engine and URL as written (an
    /// empty URL when it has none, which opening reports).
    public init(_ store: StoreDeclaration) {
        self.init(id: store.id.value, engine: store.engine.value, url: store.url?.value.text ?? "")
    }
}

extension StoreEndpoint: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `calls (sqlite)`: the URL is left out on purpose.
    public var description: String { "\(id) (\(engine))" }
    public var debugDescription: String { "StoreEndpoint(id: \(id), engine: \(engine), url: <hidden>)" }
    public var customMirror: Mirror {
        Mirror(self, children: ["id": id, "engine": engine, "url": "<hidden>"], displayStyle: .struct)
    }
}
