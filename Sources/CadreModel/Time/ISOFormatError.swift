/// Why a text is not an ISO 8601 date or duration, with a suggestion when there is one.
public struct ISOFormatError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was expected.
    public enum Kind: String, Sendable, Hashable {
        case date
        case duration
    }

    /// What was expected.
    public var kind: Kind
    /// The text as written.
    public var text: String
    /// Why it is not valid, in a phrase (`February 2025 has 28 days`).
    public var reason: String
    /// What to write instead, when cadre can tell.
    public var hint: String?

    /// Creates an error.
    public init(_ kind: Kind, text: String, reason: String, hint: String? = nil) {
        self.kind = kind
        self.text = text
        self.reason = reason
        self.hint = hint
    }

    /// `` `2025-02-30` is not a valid date: February 2025 has 28 days ``.
    public var description: String { "`\(text)` is not a valid \(kind.rawValue): \(reason)" }
}
