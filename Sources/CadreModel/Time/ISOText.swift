/// A value written as its ISO 8601 text (`2026-11-29`, `P6M`): encoded as its `description`,
/// decoded by parsing that text, a text that does not parse being corrupted data.
public protocol ISOText: Codable, CustomStringConvertible {
    init(parsing text: String) throws(ISOFormatError)
}

extension ISOText {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try Self(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
