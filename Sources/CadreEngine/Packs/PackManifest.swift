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
        public var values: [String]
        public var description: String
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
        summary: "A choice a workspace can make.",
        fields: [
            .required("default", .string(.identifier), "The value when the workspace does not choose."),
            .required("values", .list(.string(.identifier)), "The values allowed."),
            .required("description", .string(.text), "What the choice changes, and why the default."),
        ])
}
