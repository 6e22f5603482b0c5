/// Resolves the `${VAR}` references of a store URL against an environment.
///
/// Only `${NAME}` is a reference (NAME: letters, digits, `_`, not starting with a digit); a `$`
/// not followed by `{` is kept as is, and `$${` keeps a literal `${`. The resolved text is
/// returned as a ``ResolvedURL``, whose description hides it.
struct URLTemplate {
    let text: String

    /// The resolved URL.
    /// - Throws: ``StoreError/Code/missingVariable`` naming the first unset variable (its name, not
    ///   a value), ``StoreError/Code/invalidURL`` for an unterminated or malformed reference.
    func resolve(environment: [String: String], store: String) throws(StoreError) -> ResolvedURL {
        var out = ""
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            out += rest[..<dollar]
            let after = rest.index(after: dollar)
            if rest[after...].hasPrefix("${") {   // `$${` → literal `${`
                out += "${"
                rest = rest[rest.index(after, offsetBy: 2)...]
                continue
            }
            guard rest[after...].hasPrefix("{") else {
                out += "$"
                rest = rest[after...]
                continue
            }
            let nameStart = rest.index(after: after)
            guard let close = rest[nameStart...].firstIndex(of: "}") else {
                throw StoreError(.invalidURL, store: store, message: "the URL has a `${` without its closing `}`")
            }
            let name = rest[nameStart..<close]
            guard Self.isVariableName(name) else {
                throw StoreError(.invalidURL, store: store, message: "the URL has a `${…}` reference that is not a variable name")
            }
            guard let value = environment[String(name)] else {
                throw StoreError(.missingVariable, store: store, message: "the environment variable \(name) its URL refers to is not set")
            }
            out += value
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return ResolvedURL(text: out)
    }

    static func isVariableName(_ name: Substring) -> Bool {
        guard let first = name.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
        return name.utf8.allSatisfy { byte in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
        }
    }
}

/// A store URL with its `${VAR}` references resolved: a secret. Its description, debug
/// description and mirror print `<hidden>`; only connectors read ``text``.
struct ResolvedURL: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let text: String
    var description: String { "<hidden>" }
    var debugDescription: String { "<hidden>" }
    var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
