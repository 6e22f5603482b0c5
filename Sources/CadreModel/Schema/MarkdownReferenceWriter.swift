import Foundation

/// Writes the field reference of the descriptor format as Markdown, from ``DescriptorSchema``:
/// one section per part with a table of its fields, and the allowed words of every choice field.
/// docs/descriptors.md embeds this text between markers, and a test keeps the two identical.
public struct MarkdownReferenceWriter: Sendable {
    /// Creates a writer.
    public init() {}

    /// The marker that opens the generated part of docs/descriptors.md.
    public static let beginMarker = "<!-- BEGIN GENERATED: cadre schema --format markdown -->"
    /// The marker that closes it.
    public static let endMarker = "<!-- END GENERATED -->"

    /// The reference of `cadre: system/v1`.
    public func descriptorReference() -> String {
        var objects: [ObjectShape] = []
        var seen: Set<String> = []
        collect(.object(DescriptorSchema.system), into: &objects, seen: &seen)
        var text = ""
        for object in objects {
            text += "### \(title(object))\n\n\(object.summary)\n\n"
            text += "| key | type | required | meaning |\n|---|---|---|---|\n"
            for field in object.fields {
                text +=
                    "| `\(field.key)` | \(typeName(field.shape)) | \(field.isRequired ? "yes" : "") | \(escape(field.summary)) |\n"
            }
            for field in object.fields {
                guard let set = choices(in: field.shape) else { continue }
                if case .list = field.shape {
                    text += "\nEach element of `\(field.key)` is one of:\n\n"
                } else {
                    text += "\n`\(field.key)` is one of:\n\n"
                }
                text += "| value | meaning |\n|---|---|\n"
                for value in set.values { text += "| `\(value.word)` | \(escape(value.summary)) |\n" }
            }
            text += "\n"
        }
        return text
    }

    private func collect(_ shape: ValueShape, into objects: inout [ObjectShape], seen: inout Set<String>) {
        switch shape {
        case .object(let object):
            guard seen.insert(object.name).inserted else { return }
            objects.append(object)
            for field in object.fields { collect(field.shape, into: &objects, seen: &seen) }
        case .list(let element): collect(element, into: &objects, seen: &seen)
        case .dictionary(_, let values): collect(values, into: &objects, seen: &seen)
        case .either(let first, let second):
            collect(first, into: &objects, seen: &seen)
            collect(second, into: &objects, seen: &seen)
        default: break
        }
    }

    private func title(_ object: ObjectShape) -> String {
        object.name.prefix(1).uppercased() + object.name.dropFirst()
    }

    private func anchor(_ object: ObjectShape) -> String {
        String(title(object).lowercased().map { $0 == " " ? "-" : $0 })
    }

    private func choices(in shape: ValueShape) -> ChoiceSet? {
        switch shape {
        case .choice(let set): set
        case .list(let element): choices(in: element)
        default: nil
        }
    }

    private func typeName(_ shape: ValueShape) -> String {
        switch shape {
        case .string(let format):
            switch format {
            case .text: "string"
            case .identifier: "identifier"
            case .country: "country code"
            case .region: "region"
            case .environmentTemplate: "string with `${VAR}`"
            case .taxonomyKey: "taxonomy key"
            case .extensionKey: "`x-` key"
            }
        case .integer(let minimum): "integer ≥ \(minimum)"
        case .boolean: "`true` / `false`"
        case .date: "date"
        case .duration: "duration"
        case .constant(let value): "`\(value)`"
        case .choice: "one word (below)"
        case .taxonomyKey(let kind): "\(kind.singularName) key"
        case .list(let element): "list of \(plural(typeName(element)))"
        case .object(let object): "[\(object.name)](#\(anchor(object)))"
        case .dictionary(_, let values): "mapping of names to \(plural(typeName(values)))"
        case .either(let first, let second): "\(typeName(first)) or \(typeName(second))"
        }
    }

    private func plural(_ name: String) -> String {
        switch name {
        case "one word (below)": "words (below)"
        case let n where n.hasSuffix(" key"): n + "s"
        case let n where n.hasPrefix("["): n
        case "string": "strings"
        case "identifier": "identifiers"
        default: name
        }
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }
}
