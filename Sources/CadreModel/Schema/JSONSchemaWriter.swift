/// Writes the JSON Schema (draft 2020-12) of the descriptor format, for editors: with
/// yaml-language-server (VS Code's YAML extension) it completes keys and values and flags
/// mistakes as you type. `cadre validate` remains the reference: it also checks what a schema
/// cannot (references between parts, dates that do not exist).
public struct JSONSchemaWriter: Sendable {
    /// The taxonomy whose keys the schema lists.
    public var taxonomy: Taxonomy

    /// Creates a writer.
    public init(taxonomy: Taxonomy) { self.taxonomy = taxonomy }

    /// The schema URI this writer targets.
    public static let dialect = "https://json-schema.org/draft/2020-12/schema"

    /// The pattern of an ISO 8601 duration as cadre reads it.
    public static let durationPattern =
        "^P(?!$)([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+S)?)?$"

    /// The schema of `cadre: system/v1`, pretty-printed.
    public func descriptorSchema() -> String {
        var definitions: [(key: String, value: JSONValue)] = []
        var defined: Set<String> = []
        let root = reference(to: DescriptorSchema.system, definitions: &definitions, defined: &defined)
        for kind in TaxonomyKind.allCases {
            let keys = taxonomy.terms(in: kind).map { JSONValue.string($0.key) }
            definitions.append(
                (
                    definitionName(kind),
                    .object([
                        (
                            "description",
                            .string(
                                "A \(kind.singularName) key of cadre's taxonomy (fideslang and cadre's extensions).")
                        ),
                        ("type", .string("string")),
                        ("enum", .array(keys)),
                    ])
                ))
        }
        let schema = JSONValue.object([
            ("$schema", .string(Self.dialect)),
            ("title", .string("cadre system descriptor (cadre: \(SystemDescriptor.format))")),
            ("description", .string(DescriptorSchema.system.summary + " See docs/descriptors.md.")),
            ("$ref", root),
            ("$defs", .object(definitions)),
        ])
        return schema.serialized() + "\n"
    }

    private func definitionName(_ kind: TaxonomyKind) -> String {
        switch kind {
        case .dataCategory: "data_category"
        case .dataUse: "data_use"
        case .dataSubject: "data_subject"
        }
    }

    private func definitionName(_ object: ObjectShape) -> String {
        object.name.lowercased().replacingSpaces()
    }

    private func reference(
        to object: ObjectShape, definitions: inout [(key: String, value: JSONValue)], defined: inout Set<String>
    ) -> JSONValue {
        let name = definitionName(object)
        if defined.insert(name).inserted {
            let index = definitions.count
            definitions.append((name, .null))
            var properties: [(key: String, value: JSONValue)] = []
            for field in object.fields {
                var members: [(key: String, value: JSONValue)] = [("description", .string(field.summary))]
                switch schema(of: field.shape, definitions: &definitions, defined: &defined) {
                case .object(let shapeMembers): members += shapeMembers
                default: break
                }
                properties.append((field.key, .object(members)))
            }
            definitions[index].value = .object([
                ("description", .string(object.summary)),
                ("type", .string("object")),
                ("properties", .object(properties)),
                ("required", .array(object.fields.filter(\.isRequired).map { .string($0.key) })),
                ("patternProperties", .object([("^x-", .object([("description", .string("Free extension key."))]))])),
                ("additionalProperties", .bool(false)),
            ])
        }
        return .string("#/$defs/\(name)")
    }

    private func schema(
        of shape: ValueShape, definitions: inout [(key: String, value: JSONValue)], defined: inout Set<String>
    ) -> JSONValue {
        switch shape {
        case .string(let format):
            var members: [(key: String, value: JSONValue)] = [("type", .string("string")), ("minLength", .integer(1))]
            if let pattern = format.pattern { members.append(("pattern", .string(pattern))) }
            return .object(members)
        case .integer(let minimum):
            return .object([("type", .string("integer")), ("minimum", .integer(minimum))])
        case .boolean:
            return .object([("type", .string("boolean"))])
        case .date:
            return .object([
                ("type", .string("string")), ("format", .string("date")),
                ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")),
            ])
        case .duration:
            return .object([("type", .string("string")), ("pattern", .string(Self.durationPattern))])
        case .constant(let value):
            return .object([("const", .string(value))])
        case .choice(let set):
            return .object([
                ("enum", .array(set.words.map(JSONValue.string))),
                ("enumDescriptions", .array(set.values.map { .string($0.summary) })),
            ])
        case .taxonomyKey(let kind):
            return .object([("$ref", .string("#/$defs/\(definitionName(kind))"))])
        case .list(let element):
            return .object([
                ("type", .string("array")),
                ("items", schema(of: element, definitions: &definitions, defined: &defined)),
            ])
        case .object(let object):
            return .object([("$ref", reference(to: object, definitions: &definitions, defined: &defined))])
        case .dictionary(let keys, let values):
            var members: [(key: String, value: JSONValue)] = [("type", .string("object"))]
            if let pattern = keys.pattern {
                members.append(("propertyNames", .object([("pattern", .string(pattern))])))
            }
            members.append(("additionalProperties", schema(of: values, definitions: &definitions, defined: &defined)))
            return .object(members)
        case .either(let first, let second):
            return .object([
                (
                    "anyOf",
                    .array([
                        schema(of: first, definitions: &definitions, defined: &defined),
                        schema(of: second, definitions: &definitions, defined: &defined),
                    ])
                )
            ])
        }
    }
}

extension String {
    fileprivate func replacingSpaces() -> String {
        String(map { $0 == " " ? "_" : $0 })
    }
}
