import Foundation

extension Taxonomy {
    /// The value of the `cadre:` header of a taxonomy file.
    public static let fileFormat = "taxonomy/v1"

    /// The taxonomy cadre ships (fideslang plus cadre's customer-service terms), read once from
    /// the `taxonomy.yaml` resource of this module.
    ///
    /// - Throws: ``TaxonomyError`` when the resource is missing or unreadable (a broken install).
    public static func bundled() throws(TaxonomyError) -> Taxonomy {
        try bundledResult.get()
    }

    private static let bundledResult: Result<Taxonomy, TaxonomyError> = {
        guard let url = TaxonomyResource.url() else {
            return .failure(
                TaxonomyError(
                    .resourceMissing,
                    reason:
                        "the bundled taxonomy (taxonomy.yaml) was not found; it ships in the CadreModel resource bundle next to the cadre binary",
                    diagnostics: []))
        }
        let (taxonomy, diagnostics) = Taxonomy().adding(
            termsFromFileAt: url.path, as: "taxonomy.yaml", defaultOrigin: "fideslang")
        guard !diagnostics.containsErrors else {
            return .failure(
                TaxonomyError(.invalid, reason: "the bundled taxonomy is invalid", diagnostics: diagnostics))
        }
        return .success(taxonomy)
    }()

    /// This taxonomy with the terms of a taxonomy file added (a workspace's own vocabulary).
    ///
    /// A term must not redefine an existing key, and its parent key must exist (here or in the
    /// same file). Terms with problems are left out and reported; the others are added.
    ///
    /// - Parameters:
    ///   - path: the file to read.
    ///   - file: its name in diagnostics (by default, `path`).
    ///   - defaultOrigin: the origin of terms that do not say theirs.
    /// - Returns: the extended taxonomy and every problem found, sorted by location.
    public func adding(
        termsFromFileAt path: String, as file: String? = nil, defaultOrigin: String = "workspace"
    ) -> (taxonomy: Taxonomy, diagnostics: [Diagnostic]) {
        let file = file ?? path
        do {
            let root = try DocumentParser().parse(fileAt: path, as: file)
            return adding(termsFrom: root, defaultOrigin: defaultOrigin)
        } catch {
            return (self, [error])
        }
    }

    /// This taxonomy with the terms of a parsed taxonomy file added (see ``adding(termsFromFileAt:as:defaultOrigin:)``).
    public func adding(termsFrom root: LocatedNode, defaultOrigin: String = "workspace") -> (
        taxonomy: Taxonomy, diagnostics: [Diagnostic]
    ) {
        guard root["cadre"]?.scalar?.value == .string(Self.fileFormat) else {
            return (
                self,
                [
                    .error(
                        .unknownFormat, at: root["cadre"]?.location ?? root.location,
                        "not a taxonomy file: it must start with `cadre: \(Self.fileFormat)`",
                        hint: "write `cadre: \(Self.fileFormat)` on the first line")
                ]
            )
        }
        var shapes = ShapeValidator(taxonomy: Taxonomy(), root: TaxonomyFileSchema.file)
        shapes.check(root, against: .object(TaxonomyFileSchema.file), at: .root)
        var diagnostics = shapes.diagnostics
        let origin = root.value("origin", as: String.self)?.value ?? defaultOrigin
        var added: [TaxonomyTerm] = []
        for kind in TaxonomyKind.allCases {
            for entry in root[kind.rawValue]?.mapping ?? [] {
                guard let name = entry.value.value("name", as: String.self) else { continue }
                added.append(
                    TaxonomyTerm(
                        key: entry.key, kind: kind, name: name.value,
                        description: entry.value.value("description", as: String.self)?.value,
                        origin: entry.value.value("origin", as: String.self)?.value ?? origin,
                        special: entry.value.value("special", as: String.self).flatMap {
                            SpecialCategory(rawValue: $0.value)
                        },
                        replacedBy: entry.value.value("replaced_by", as: String.self)?.value,
                        location: entry.keyLocation))
            }
        }
        var accepted: [TaxonomyTerm] = []
        let newKeys = Set(added.map { "\($0.kind.rawValue)/\($0.key)" })
        for term in added {
            if let existing = self.term(term.key, in: term.kind) {
                diagnostics.append(
                    .error(
                        .duplicateID, at: term.location ?? root.location,
                        "`\(term.key)` is already a \(term.kind.singularName) (from \(existing.origin))",
                        hint: "use the existing term, or choose another key"))
                continue
            }
            if let parent = term.parentKey, !contains(parent, in: term.kind),
                !newKeys.contains("\(term.kind.rawValue)/\(parent)")
            {
                diagnostics.append(
                    .error(
                        .unknownReference, at: term.location ?? root.location,
                        "the parent of `\(term.key)`, `\(parent)`, is not a \(term.kind.singularName)",
                        hint: Suggestion.hint(for: parent, among: keys(in: term.kind)) ?? "define `\(parent)` first"))
                continue
            }
            if let replacement = term.replacedBy, !contains(replacement, in: term.kind),
                !newKeys.contains("\(term.kind.rawValue)/\(replacement)")
            {
                diagnostics.append(
                    .error(
                        .unknownReference, at: term.location ?? root.location,
                        "`\(term.key)` is replaced by `\(replacement)`, which is not a \(term.kind.singularName)"))
                continue
            }
            accepted.append(term)
        }
        return (adding(accepted), diagnostics.sortedForDisplay())
    }
}

/// Why the bundled taxonomy cannot be used.
public struct TaxonomyError: Error, Sendable, CustomStringConvertible {
    /// The kind of problem.
    public enum Code: String, Sendable {
        case resourceMissing = "resource-missing"
        case invalid
    }

    public var code: Code
    public var reason: String
    /// The problems found in the file, when it was read.
    public var diagnostics: [Diagnostic]

    public init(_ code: Code, reason: String, diagnostics: [Diagnostic]) {
        self.code = code
        self.reason = reason
        self.diagnostics = diagnostics
    }

    public var description: String {
        ([reason] + diagnostics.map(\.description)).joined(separator: "\n")
    }
}

/// The shape of a taxonomy file.
enum TaxonomyFileSchema {
    static let term = ObjectShape(
        name: "taxonomy term",
        summary: "One key of the taxonomy.",
        fields: [
            .required("name", .string(.text), "A short human name."),
            .optional("description", .string(.text), "What the key covers."),
            .optional("origin", .string(.text), "Where the term comes from (default: the file's `origin`)."),
            .optional(
                "special",
                .choice(
                    ChoiceSet(
                        name: "special category",
                        values: SpecialCategory.allCases.map {
                            (
                                $0.rawValue,
                                $0 == .article9 ? "GDPR Art. 9 special category" : "GDPR Art. 10 criminal data"
                            )
                        })), "The GDPR regime, for categories that need more than a lawful basis."),
            .optional("replaced_by", .string(.taxonomyKey), "The key that replaces this one."),
        ])

    static let file = ObjectShape(
        name: "taxonomy file",
        summary: "Terms added to the taxonomy.",
        fields: [
            .required("cadre", .constant(Taxonomy.fileFormat), "The format of the file: `taxonomy/v1`."),
            .optional("origin", .string(.text), "Where the terms come from (default: `workspace`)."),
            .optional(
                "data_categories", .dictionary(keys: .taxonomyKey, values: .object(term)), "Data categories, by key."),
            .optional("data_uses", .dictionary(keys: .taxonomyKey, values: .object(term)), "Data uses, by key."),
            .optional(
                "data_subjects", .dictionary(keys: .taxonomyKey, values: .object(term)), "Data subjects, by key."),
        ])
}

/// Finds the `taxonomy.yaml` resource without ever stopping the program (``BundledResource``).
enum TaxonomyResource {
    static func url() -> URL? {
        BundledResource.url(named: "taxonomy.yaml", of: "CadreModel", bundle: { .module }, sourceFile: #filePath)
    }
}
