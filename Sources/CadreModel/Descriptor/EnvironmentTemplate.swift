import Foundation

/// A text that may hold environment references, `${NAME}`, such as a store's URL.
///
/// References are kept as written and resolved only when a connector opens the store, with
/// ``resolve(environment:)``. Nothing in cadre prints a resolved value: ``description`` shows the
/// text as written, with `${NAME}` intact and any password written in a URL masked, and
/// ``ResolvedSecret`` prints as `<redacted>`.
///
/// Syntax: `${` + a name of letters, digits and `_` not starting with a digit + `}`; `$${` is a
/// literal `${`; any other `$` is a plain character. This is the one reader of the syntax: the
/// validator checks templates with it, and store connectors resolve them with it.
public struct EnvironmentTemplate: Sendable, Hashable, CustomStringConvertible {
    /// A piece of the template.
    public enum Part: Sendable, Hashable {
        case literal(String)
        case reference(String)
    }

    /// The text as written.
    public let text: String
    /// The text cut into literal pieces and references.
    public let parts: [Part]

    /// Reads a template.
    ///
    /// - Throws: ``EnvironmentError`` for an unclosed `${` or an invalid name (`$${…` is neither:
    ///   it is the literal text `${…`).
    public init(parsing text: String) throws(EnvironmentError) {
        var parts: [Part] = []
        var literal = ""
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            literal += rest[rest.startIndex..<dollar]
            let afterDollar = rest[rest.index(after: dollar)...]
            if afterDollar.hasPrefix("${") {
                literal += "${"
                rest = afterDollar.dropFirst(2)
                continue
            }
            guard afterDollar.first == "{" else {
                literal += "$"
                rest = afterDollar
                continue
            }
            let body = afterDollar.dropFirst()
            guard let close = body.firstIndex(of: "}") else {
                throw EnvironmentError(.unclosedReference, name: nil, reason: "`${` is not closed by `}`")
            }
            let name = String(body[body.startIndex..<close])
            guard Self.isValidName(name) else {
                throw EnvironmentError(
                    .invalidName, name: name,
                    reason: "`\(name)` is not a variable name (letters, digits and `_`, not starting with a digit)")
            }
            if !literal.isEmpty { parts.append(.literal(literal)) }
            literal = ""
            parts.append(.reference(name))
            rest = body[body.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { parts.append(.literal(literal)) }
        self.text = text
        self.parts = parts
    }

    /// The names referenced, in order of appearance.
    public var references: [String] {
        parts.compactMap { if case .reference(let name) = $0 { name } else { nil } }
    }

    /// The text with references substituted from `environment`.
    ///
    /// - Throws: ``EnvironmentError`` naming the first variable `environment` lacks (never a value).
    public func resolve(environment: [String: String]) throws(EnvironmentError) -> ResolvedSecret {
        var value = ""
        for part in parts {
            switch part {
            case .literal(let literal): value += literal
            case .reference(let name):
                guard let resolved = environment[name] else {
                    throw EnvironmentError(
                        .undefinedVariable, name: name, reason: "environment variable `\(name)` is not set")
                }
                value += resolved
            }
        }
        return ResolvedSecret(value)
    }

    /// The text as written, with every secret written in clear masked: the password of a URL's
    /// user information (`postgres://app:•••@db/crm`) and the value of a parameter that names a
    /// secret (`?sslmode=require&password=•••`, `token=•••`). References stay `${NAME}`.
    public var description: String { Self.masking(text) }

    /// True when the text holds a secret written in clear rather than as a reference: a password
    /// in a URL (`scheme://user:password@host`) or a parameter that names a secret
    /// (`password=…`, `passwd`, `pwd`, `secret`, `token`, `api_key`…) with a literal value.
    public var holdsLiteralSecret: Bool { description != text }

    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
        }
    }

    /// `text` with the password of a URL and the values of secret parameters masked.
    static func masking(_ text: String) -> String { maskingParameters(in: maskingPassword(in: text)) }

    /// Parameter names (lower case, `-` read as `_`) whose value is a secret; any name that holds
    /// `password`, `passwd`, `secret` or `token` is one too.
    static let secretParameters: Set<String> = [
        "pwd", "pass", "key", "apikey", "api_key", "access_key", "secret_key", "auth", "sig", "signature",
        "credential", "credentials", "sslkey_password",
    ]

    /// Whether a parameter named `name` holds a secret.
    static func namesSecret(_ name: Substring) -> Bool {
        let name = name.lowercased().replacingOccurrences(of: "-", with: "_")
        return secretParameters.contains(name)
            || ["password", "passwd", "secret", "token"].contains { name.contains($0) }
    }

    /// Masks the value of every `name=value` whose name says it is a secret — in a query string
    /// (`?a=1&password=…`) or a key-value connection string (`host=db password=…`) — unless the
    /// value is one `${NAME}` reference.
    static func maskingParameters(in text: String) -> String {
        // Most text (a descriptor's lines, quoted by reports) has no parameter at all.
        guard text.utf8.contains(UInt8(ascii: "=")) else { return text }
        let separators: Set<Character> = ["?", "&", ";", " ", "\t"]
        var out = ""
        var rest = Substring(text)
        while let equals = rest.firstIndex(of: "=") {
            let before = rest[..<equals]
            let nameStart =
                before.lastIndex(where: { separators.contains($0) }).map { before.index(after: $0) }
                ?? before.startIndex
            let valueStart = rest.index(after: equals)
            let valueEnd =
                rest[valueStart...].firstIndex(where: { separators.contains($0) || $0 == "#" }) ?? rest.endIndex
            let value = rest[valueStart..<valueEnd]
            out += rest[rest.startIndex..<valueStart]
            let isReference =
                value.hasPrefix("${") && value.hasSuffix("}") && value.dropFirst(2).dropLast().allSatisfy { $0 != "}" }
            if Self.namesSecret(before[nameStart...]), !value.isEmpty, !isReference {
                out += "•••"
            } else {
                out += value
            }
            rest = rest[valueEnd...]
        }
        return out + rest
    }

    /// Masks the password of `scheme://user:password@host…`.
    static func maskingPassword(in text: String) -> String {
        guard let scheme = text.range(of: "://") else { return text }
        let authorityStart = scheme.upperBound
        let authorityEnd =
            text[authorityStart...].firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? text.endIndex
        let authority = text[authorityStart..<authorityEnd]
        guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else {
            return text
        }
        let password = authority[authority.index(after: colon)..<at]
        if password.isEmpty || (password.hasPrefix("${") && password.hasSuffix("}")) { return text }
        return String(text[..<authority.index(after: colon)]) + "•••" + String(text[at...])
    }
}

/// A resolved environment value or connection string: usable, never printed.
///
/// `description`, `debugDescription`, string interpolation and `dump` give `<redacted>` (its
/// mirror has no children); the value is reachable only through ``revealed``, which connectors
/// call at the moment they connect.
public struct ResolvedSecret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    private let value: String

    init(_ value: String) { self.value = value }

    /// The value itself. Pass it to the connection API; never log, print or store it.
    public var revealed: String { value }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

/// Why a template cannot be read or resolved. It names variables, never their values.
public struct EnvironmentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem.
    public enum Code: String, Sendable, Hashable {
        case unclosedReference = "unclosed-reference"
        case invalidName = "invalid-name"
        case undefinedVariable = "undefined-variable"
    }

    /// The kind of problem.
    public var code: Code
    /// The variable concerned, if any.
    public var name: String?
    /// What is wrong.
    public var reason: String

    public init(_ code: Code, name: String?, reason: String) {
        self.code = code
        self.name = name
        self.reason = reason
    }

    public var description: String { reason }
}
