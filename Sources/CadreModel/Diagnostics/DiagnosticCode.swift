/// The stable identifier of a kind of problem, printed in brackets after each message.
///
/// Codes are kebab-case words. Those of descriptor validation are listed here and in
/// docs/descriptors.md; other targets (rules, packs) add their own.
public struct DiagnosticCode: RawRepresentable, Sendable, Hashable, Codable, Comparable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    // The file as a whole.
    /// The file cannot be opened or read.
    public static let unreadableFile: Self = "unreadable-file"
    /// The file is larger than the parse limit.
    public static let fileTooLarge: Self = "file-too-large"
    /// The file is empty or holds only comments.
    public static let emptyFile: Self = "empty-file"
    /// The file holds NUL bytes: it is not text.
    public static let binaryFile: Self = "binary-file"
    /// The file is not valid UTF-8.
    public static let notUTF8: Self = "not-utf8"
    /// A control character YAML does not allow.
    public static let controlCharacter: Self = "control-character"

    // YAML and JSON syntax.
    /// The text is not valid YAML (or JSON).
    public static let syntax: Self = "syntax"
    /// A tab where YAML wants spaces.
    public static let tabIndentation: Self = "tab-indentation"
    /// More than one YAML document in a file.
    public static let multipleDocuments: Self = "multiple-documents"
    /// The same key twice in one mapping.
    public static let duplicateKey: Self = "duplicate-key"
    /// Nesting deeper than the parse limit.
    public static let tooDeep: Self = "too-deep"
    /// Aliases that expand to more nodes than the parse limit (an "alias bomb").
    public static let aliasExpansion: Self = "alias-expansion"
    /// An alias used as a mapping key.
    public static let aliasKey: Self = "alias-key"
    /// An alias to an anchor that does not exist.
    public static let undefinedAlias: Self = "undefined-alias"
    /// A mapping key that is a list or a mapping.
    public static let complexKey: Self = "complex-key"

    // The shape of a descriptor.
    /// The `cadre:` header is missing or names another format.
    public static let unknownFormat: Self = "unknown-format"
    /// A key the format does not define (and that does not start with `x-`).
    public static let unknownKey: Self = "unknown-key"
    /// A required field is missing.
    public static let missingField: Self = "missing-field"
    /// A value of the wrong type (a list where a string is expected…).
    public static let wrongType: Self = "wrong-type"
    /// A key given with no value.
    public static let emptyValue: Self = "empty-value"
    /// The same value twice in a list.
    public static let duplicateValue: Self = "duplicate-value"
    /// A value that is not one of the allowed words, or not of the expected format.
    public static let invalidValue: Self = "invalid-value"
    /// A malformed ISO 8601 date.
    public static let invalidDate: Self = "invalid-date"
    /// A malformed ISO 8601 duration.
    public static let invalidDuration: Self = "invalid-duration"
    /// A taxonomy key (data category, data use, data subject) that the taxonomy does not hold.
    public static let unknownTaxonomyKey: Self = "unknown-taxonomy-key"
    /// A taxonomy key that fideslang has renamed.
    public static let deprecatedTaxonomyKey: Self = "deprecated-taxonomy-key"
    /// A malformed `${VAR}` environment reference.
    public static let invalidEnvironmentReference: Self = "invalid-environment-reference"
    /// A password or token written in a store URL instead of an environment reference.
    public static let secretInDescriptor: Self = "secret-in-descriptor"

    // References between parts of a descriptor.
    /// Two purposes, AI components, stores… with the same id.
    public static let duplicateID: Self = "duplicate-id"
    /// A reference to a purpose, store or processor that the descriptor does not declare.
    public static let unknownReference: Self = "unknown-reference"
    /// A field that contradicts another one.
    public static let inconsistentField: Self = "inconsistent-field"
    /// Two descriptors with the same system id.
    public static let duplicateSystemID: Self = "duplicate-system-id"
    /// More problems than a report shows for one file.
    public static let tooManyProblems: Self = "too-many-problems"
    /// A path given to `cadre validate` holds no descriptor.
    public static let noDescriptors: Self = "no-descriptors"
}
