/// An `x-` block of descriptors (`x-energy:`) that a pack gives a shape: its `pack.yaml` declares
/// the block's fields under `extensions:`, and validation checks the block wherever the pack says
/// it is written, as it checks the format's own parts. `x-` keys no pack declares stay free.
///
/// ```yaml
/// extensions:
///   x-energy:
///     description: The energy the system's AI uses.
///     in: [system, ai]
///     fields:
///       kwh_per_month: { type: integer, required: true, description: Energy used in a month. }
///       supplier: { type: text }
///       tier: { type: choice, values: [low, medium, high] }
///       sites: { type: country, list: true }
/// ```
public struct DescriptorExtension: Sendable {
    /// The key descriptors write, starting with `x-`.
    public var key: String
    /// Where it may be written: `system` (the descriptor's root) or the key of a part (`ai`, `data`…).
    public var places: [String]
    /// Its fields, as the format's parts declare theirs.
    public var shape: ObjectShape
    /// The pack that declares it.
    public var pack: String
    /// Where it is declared: its key under `extensions:` in the pack's `pack.yaml`.
    public var location: SourceLocation
    /// What validation checks, in a line (`x-energy in ai: kwh_per_month integer required; …`):
    /// when it changes, descriptors validated before must be validated again.
    public var signature: String

    public init(
        key: String, places: [String], shape: ObjectShape, pack: String, location: SourceLocation, signature: String
    ) {
        self.key = key
        self.places = places
        self.shape = shape
        self.pack = pack
        self.location = location
        self.signature = signature
    }

    /// The places an extension may be written in, with the shape of the mapping there: `system`,
    /// the descriptor's root, then each part of the root that is a mapping or a list of mappings,
    /// by its key (`ai`: each AI component).
    public static let places: [(key: String, object: ObjectShape)] =
        [("system", DescriptorSchema.system)]
        + DescriptorSchema.system.fields.compactMap { field in
            switch field.shape {
            case .object(let object), .list(.object(let object)): (field.key, object)
            default: nil
            }
        }

    /// The types a field can have, each a shape of the format.
    static let types: [(word: String, shape: ValueShape, summary: String)] = [
        ("text", .string(.text), "any text"),
        ("identifier", .string(.identifier), "letters, digits, `.`, `_` and `-`"),
        ("integer", .integer(minimum: 0), "a whole number, 0 or more"),
        ("boolean", .boolean, "`true` or `false`"),
        ("date", .date, "a date, YYYY-MM-DD"),
        ("duration", .duration, "an ISO 8601 duration (`P6M`)"),
        ("country", .string(.country), "an ISO 3166-1 alpha-2 country code"),
        ("region", .string(.region), "`EU`, `EEA` or a country code"),
        ("choice", .string(.text), "one word of `values`"),
    ]

    /// The shape of an `extensions:` entry of `pack.yaml`.
    public static let declarationShape = ObjectShape(
        name: "extension",
        summary: "An `x-` block of descriptors, given fields.",
        fields: [
            .optional("description", .string(.text), "What the block records."),
            .optional(
                "in",
                .list(.choice(ChoiceSet(name: "place", values: places.map { ($0.key, "the \($0.object.name)") }))),
                "Where descriptors write it: `system` (the root, the default) or parts (`ai`, `data`…)."),
            .required(
                "fields", .dictionary(keys: .identifier, values: .object(fieldDeclarationShape)), "The block's fields."),
        ])

    /// The shape of one field of an extension in `pack.yaml`.
    static let fieldDeclarationShape = ObjectShape(
        name: "extension field",
        summary: "One field of an `x-` block.",
        fields: [
            .required(
                "type", .choice(ChoiceSet(name: "field type", values: types.map { ($0.word, $0.summary) })),
                "What the value is."),
            .optional("list", .boolean, "A list of such values (default false)."),
            .optional("required", .boolean, "Whether the block must hold the field (default false)."),
            .optional("values", .list(.string(.text)), "The words a `choice` accepts."),
            .optional("description", .string(.text), "What the field means."),
        ])

    /// The extensions an `extensions:` mapping of `pack.yaml` declares (already checked against
    /// ``declarationShape``), and what is wrong with them.
    public static func read(_ node: LocatedNode, pack: String) -> ([DescriptorExtension], [Diagnostic]) {
        var extensions: [DescriptorExtension] = []
        var diagnostics: [Diagnostic] = []
        for entry in node.mapping ?? [] {
            guard let fieldEntries = entry.value["fields"]?.mapping else { continue }
            var fields: [FieldShape] = []
            var signatures: [String] = []
            for field in fieldEntries {
                guard case .string(let type)? = field.value["type"]?.scalar?.value,
                    var shape = types.first(where: { $0.word == type })?.shape
                else { continue }
                var choices = ""
                if type == "choice" {
                    let words = (field.value["values"]?.sequence ?? []).compactMap { element -> String? in
                        if case .string(let word)? = element.scalar?.value { return word }
                        return nil
                    }
                    guard !words.isEmpty else {
                        diagnostics.append(
                            .error(
                                .missingField, at: field.value.location,
                                "field `\(field.key)` of `\(entry.key)` is a choice with no `values`",
                                hint: "add `values: [word, …]`: the words it accepts"))
                        continue
                    }
                    shape = .choice(ChoiceSet(name: "`\(field.key)`", values: words.map { ($0, "") }))
                    choices = " [\(words.joined(separator: ", "))]"
                }
                let isList = field.value["list"]?.scalar?.value == .bool(true)
                let isRequired = field.value["required"]?.scalar?.value == .bool(true)
                if isList { shape = .list(shape) }
                signatures.append(
                    "\(field.key) \(isList ? "list of " : "")\(type)\(choices)\(isRequired ? " required" : "")")
                let description: String
                if case .string(let text)? = field.value["description"]?.scalar?.value {
                    description = text
                } else {
                    description = "The block's `\(field.key)`."
                }
                fields.append(
                    FieldShape(
                        key: field.key, shape: shape, isRequired: isRequired, summary: description))
            }
            let places = (entry.value["in"]?.sequence ?? []).compactMap { element -> String? in
                if case .string(let place)? = element.scalar?.value { return place }
                return nil
            }
            let summary: String
            if case .string(let text)? = entry.value["description"]?.scalar?.value {
                summary = text
            } else {
                summary = ""
            }
            extensions.append(
                DescriptorExtension(
                    key: entry.key, places: places.isEmpty ? ["system"] : places,
                    shape: ObjectShape(name: "`\(entry.key)`", summary: summary, fields: fields), pack: pack,
                    location: entry.keyLocation,
                    signature: "\(entry.key) in \(places.isEmpty ? "system" : places.joined(separator: ", ")): "
                        + signatures.joined(separator: "; ")))
        }
        return (extensions, diagnostics)
    }
}
