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

    /// The most bytes of the text an error quotes: a longer text is cut, saying how much was. (The
    /// rule API reads at most 256 bytes of an argument, and its note of what it cut fits in this.)
    public static let quoteLimit = 300

    /// `` `2025-02-30` is not a valid date: February 2025 has 28 days ``.
    public var description: String { "`\(Self.quoted(text))` is not a valid \(kind.rawValue): \(reason)" }

    /// `text`, cut to at most ``quoteLimit`` bytes at a character boundary, with a note of how many
    /// bytes were left out.
    static func quoted(_ text: String) -> String {
        let bytes = text.utf8.count
        guard bytes > quoteLimit else { return text }
        var kept = ""
        var size = 0
        for character in text {
            let length = character.utf8.count
            if size + length > quoteLimit { break }
            kept.append(character)
            size += length
        }
        return kept + "…(\(bytes - size) more bytes)"
    }
}
