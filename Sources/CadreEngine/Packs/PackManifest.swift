import CadreModel

/// A pack's `pack.yaml`: who it is, which law it encodes, which rule API it needs, its settings.
///
/// ```yaml
/// cadre: pack/v1
/// id: cnil
/// version: 1.4.0
/// title: CNIL guidance for customer service
/// jurisdiction: FR
/// api: 1
/// sources:
///   - { title: "Délibération 2021-131 (commercial management)", date: 2021-09-23, url: https://… }
/// settings:
///   calendar: { default: omnibus, values: [omnibus, original], description: … }
/// data: data.yaml
/// extensions:
///   x-energy: { in: [ai], fields: { kwh_per_month: { type: integer, required: true } } }
/// ```
public struct PackManifest: Sendable, Hashable {
    public static let format = "pack/v1"

    /// A legal text or guidance the pack encodes.
    public struct Source: Sendable, Hashable {
        public var title: String
        public var date: ISODate?
        public var url: String?
    }

    /// A choice a workspace can make (`calendar: original`), with its default.
    public struct Setting: Sendable, Hashable {
        public var name: String
        public var defaultValue: String
        /// The values a choice allows; empty for a value of a ``type`` (a duration, a number).
        public var values: [String]
        /// What a value setting holds — a value the pack's rules share, written once (a retention
        /// period, a threshold), which a workspace may change; nil for a choice among ``values``.
        public var type: ValueType? = nil
        public var description: String
    }

    /// The type of a value setting.
    public enum ValueType: String, Sendable, Hashable, CaseIterable {
        case duration, integer, number, date, text

        /// What is wrong with `value` for this type, if anything: "is not a duration (P6M…)".
        public func problem(with value: String) -> String? {
            switch self {
            case .duration: (try? ISODuration(parsing: value)) == nil ? "is not an ISO 8601 duration (P6M, P1Y…)" : nil
            case .integer: Int(value) == nil ? "is not a whole number" : nil
            case .number: Double(value).map { $0.isFinite } == true ? nil : "is not a number"
            case .date: (try? ISODate(parsing: value)) == nil ? "is not a date (YYYY-MM-DD)" : nil
            case .text: value.isEmpty ? "is empty" : nil
            }
        }
    }

    public var id: String
    public var version: String
    public var title: String
    public var description: String?
    public var jurisdiction: String?
    /// The version of the rule API (`cadre` in Lua) the pack needs.
    public var api: Int
    public var sources: [Source]
    public var settings: [Setting]
    /// A YAML file of the pack, readable by its rules as `pack.data`.
    public var dataFile: String?
    /// Where `pack.yaml` is.
    public var location: SourceLocation

    /// The declared shape of `pack.yaml`.
    static let shape = ObjectShape(
        name: "pack",
        summary: "A versioned folder of rules.",
        fields: [
            .required("cadre", .constant(format), "The format of the file: `pack/v1`."),
            .required("id", .string(.identifier), "The pack's id, the prefix of its rules' ids (`cnil`)."),
            .required(
                "version", .string(.text), "The pack's version (semantic versioning): bump it when a rule changes."),
            .required("title", .string(.text), "What the pack covers, in a line."),
            .optional("description", .string(.text), "What the pack covers and what it leaves out."),
            .optional("jurisdiction", .string(.region), "Where the law applies: `EU` or a country code."),
            .required("api", .integer(minimum: 1), "The version of the rule API the pack needs."),
            .optional("sources", .list(.object(sourceShape)), "The legal texts and guidance the pack encodes."),
            .optional(
                "settings", .dictionary(keys: .identifier, values: .object(settingShape)),
                "Choices a workspace can make."),
            .optional("data", .string(.text), "A YAML file of the pack that rules read as `pack.data`."),
            .optional(
                "extensions", .dictionary(keys: .extensionKey, values: .object(DescriptorExtension.declarationShape)),
                "`x-` blocks of descriptors the pack gives fields, which validation checks."),
        ])

    static let sourceShape = ObjectShape(
        name: "source",
        summary: "A legal text or guidance.",
        fields: [
            .required("title", .string(.text), "The text's title and number."),
            .optional("date", .date, "Its date."),
            .optional("url", .string(.text), "Where to read it."),
        ])

    static let settingShape = ObjectShape(
        name: "setting",
        summary:
            "A choice a workspace can make (`values:`), or a value the pack's rules share, written once (`type:`).",
        fields: [
            .required("default", .string(.text), "The value when the workspace does not choose."),
            .optional("values", .list(.string(.identifier)), "For a choice: the values allowed."),
            .optional(
                "type",
                .choice(
                    ChoiceSet(
                        name: "setting type",
                        values: ValueType.allCases.map { ($0.rawValue, "a value: \($0.rawValue)") })),
                "For a value: its type — duration, integer, number, date or text."),
            .required("description", .string(.text), "What the choice changes, and why the default."),
        ])
}
