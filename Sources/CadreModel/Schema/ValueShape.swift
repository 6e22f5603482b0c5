/// The shape a value of a descriptor (or of a taxonomy file) must have.
///
/// Shapes are declared once (``DescriptorSchema``) and drive both validation (``ShapeValidator``)
/// and the JSON Schema `cadre schema` prints, so the two always agree.
public indirect enum ValueShape: Sendable {
    /// A string, possibly with a format.
    case string(StringFormat)
    /// A whole number, at least `minimum`.
    case integer(minimum: Int)
    /// `true` or `false`.
    case boolean
    /// An ISO 8601 date, `YYYY-MM-DD`.
    case date
    /// An ISO 8601 duration, `P6M`.
    case duration
    /// Exactly this string.
    case constant(String)
    /// One word from a list.
    case choice(ChoiceSet)
    /// A key of one of the taxonomy's kinds.
    case taxonomyKey(TaxonomyKind)
    /// A list of values of one shape.
    case list(ValueShape)
    /// A mapping with declared fields.
    case object(ObjectShape)
    /// A mapping from free keys (of a format) to values of one shape.
    case dictionary(keys: StringFormat, values: ValueShape)
    /// Either of two shapes of different kinds (a string or a mapping: `gdpr` or `{ git: URL, ref: v1 }`);
    /// a value is checked against the one of its kind.
    case either(ValueShape, ValueShape)

    /// What the shape is called in messages: `a string`, `a list`, `a date (YYYY-MM-DD)`.
    var expectation: String {
        switch self {
        case .string: "a string"
        case .integer: "a whole number"
        case .boolean: "true or false"
        case .date: "a date (YYYY-MM-DD)"
        case .duration: "an ISO 8601 duration (P6M)"
        case .constant(let value): "`\(value)`"
        case .choice(let set): "one of \(set.words.joined(separator: ", "))"
        case .taxonomyKey(let kind): "a \(kind.singularName) key"
        case .list: "a list"
        case .object, .dictionary: "a mapping"
        case .either(let first, let second): "\(first.expectation) or \(second.expectation)"
        }
    }

    /// Whether a value of this shape is a mapping, a list or a scalar: what ``either(_:_:)``
    /// chooses by.
    var nodeKind: String {
        switch self {
        case .object, .dictionary: "mapping"
        case .list: "list"
        case .either(let first, _): first.nodeKind
        default: "scalar"
        }
    }
}

/// What a string must look like.
public enum StringFormat: String, Sendable, Hashable {
    /// Any non-empty text.
    case text
    /// An identifier: letters, digits, `.`, `_` and `-`, starting with a letter or digit.
    case identifier
    /// An ISO 3166-1 alpha-2 country code (`FR`).
    case country
    /// `EU`, `EEA` or an ISO 3166-1 alpha-2 country code.
    case region
    /// Text that may hold `${NAME}` environment references.
    case environmentTemplate
    /// A key of a taxonomy file (`user.contact.email`): lower-case words joined by dots.
    case taxonomyKey
    /// The key of an `x-` block a pack declares (`x-energy`): `x-` then an identifier.
    case extensionKey

    /// The regular expression of the format, for the JSON Schema (nil for any text).
    var pattern: String? {
        switch self {
        case .text, .environmentTemplate: nil
        case .identifier: "^[A-Za-z0-9][A-Za-z0-9._-]*$"
        case .country: "^[A-Z]{2}$"
        case .region: "^(EU|EEA|[A-Z]{2})$"
        case .taxonomyKey: "^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$"
        case .extensionKey: "^x-[A-Za-z0-9][A-Za-z0-9._-]*$"
        }
    }
}

/// The words a choice field accepts, each with a one-line meaning.
public struct ChoiceSet: Sendable {
    /// What the list is called in messages (`legal basis`).
    public let name: String
    /// The words and what they mean, in order.
    public let values: [(word: String, summary: String)]
    /// The words, in order.
    public let words: [String]
    private let wordSet: Set<String>

    /// The choices of a ``DescriptorChoice`` type.
    public init<Choice: DescriptorChoice>(_ type: Choice.Type) {
        self.init(name: Choice.choiceName, values: Choice.allCases.map { ($0.rawValue, $0.summary) })
    }

    /// Choices given directly.
    public init(name: String, values: [(word: String, summary: String)]) {
        self.name = name
        self.values = values
        self.words = values.map(\.word)
        self.wordSet = Set(words)
    }

    /// True when `word` is one of the choices.
    public func contains(_ word: String) -> Bool { wordSet.contains(word) }
}

/// A mapping with declared fields.
public struct ObjectShape: Sendable {
    /// The name of the part in messages and in the JSON Schema (`purpose`, `data item`).
    public var name: String
    /// What it describes.
    public var summary: String
    /// Its fields, in the order documentation lists them.
    public var fields: [FieldShape]

    /// Creates a shape.
    public init(name: String, summary: String, fields: [FieldShape]) {
        self.name = name
        self.summary = summary
        self.fields = fields
    }

    /// The field named `key`.
    public func field(_ key: String) -> FieldShape? { fields.first { $0.key == key } }
}

/// One field of an ``ObjectShape``.
public struct FieldShape: Sendable {
    /// The key.
    public var key: String
    /// The value's shape.
    public var shape: ValueShape
    /// True when the field must be present.
    public var isRequired: Bool
    /// What the field means, in a sentence.
    public var summary: String

    /// An optional field.
    public static func optional(_ key: String, _ shape: ValueShape, _ summary: String) -> FieldShape {
        FieldShape(key: key, shape: shape, isRequired: false, summary: summary)
    }

    /// A required field.
    public static func required(_ key: String, _ shape: ValueShape, _ summary: String) -> FieldShape {
        FieldShape(key: key, shape: shape, isRequired: true, summary: summary)
    }
}
