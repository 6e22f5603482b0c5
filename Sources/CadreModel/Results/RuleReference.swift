/// One source a rule cites: the citation as written (`GDPR Art. 5(1)(e)`) and, when the rule gives
/// it, the address of the official text (EUR-Lex, Légifrance, cnil.fr).
///
/// Reports link the citation to `url` (SARIF's `helpUri`, the catalogue, the JSON report).
public struct RuleReference: Sendable, Hashable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The citation as written: article and paragraph, or the guidance's title and date.
    public var citation: String
    /// The official text, an `https` address; nil when the rule gives none.
    public var url: String?

    public init(_ citation: String, url: String? = nil) {
        self.citation = citation
        self.url = url
    }

    public init(stringLiteral citation: String) { self.init(citation) }

    public var description: String { citation }

    enum CodingKeys: String, CodingKey { case citation, url }

    /// Reads `{"citation": …, "url": …}`, or a plain string (runs recorded before references had
    /// addresses).
    public init(from decoder: any Decoder) throws {
        if let citation = try? decoder.singleValueContainer().decode(String.self) {
            self.init(citation)
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try container.decode(String.self, forKey: .citation),
            url: try container.decodeIfPresent(String.self, forKey: .url))
    }
}

extension [RuleReference] {
    /// The citations, joined by `separator` (`CNIL NS-57; GDPR Art. 5(1)(e)`).
    public func citations(joinedBy separator: String) -> String {
        map(\.citation).joined(separator: separator)
    }
}
