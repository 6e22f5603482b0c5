/// One key of the taxonomy, with what it means and where it comes from.
public struct TaxonomyTerm: Sendable, Hashable {
    /// The dotted key (`user.contact.email`).
    public var key: String
    /// Its vocabulary.
    public var kind: TaxonomyKind
    /// A short human name.
    public var name: String
    /// What it covers.
    public var description: String?
    /// Where it comes from: `fideslang`, `cadre`, or what a workspace file says (`workspace` by default).
    public var origin: String
    /// The GDPR regime, for categories that need more than a lawful basis. Descendants inherit it.
    public var special: SpecialCategory?
    /// The key that replaces this one, when fideslang renamed it.
    public var replacedBy: String?
    /// Where the term is defined (nil for terms built in code).
    public var location: SourceLocation?

    /// Creates a term.
    public init(
        key: String, kind: TaxonomyKind, name: String, description: String? = nil, origin: String,
        special: SpecialCategory? = nil, replacedBy: String? = nil, location: SourceLocation? = nil
    ) {
        self.key = key
        self.kind = kind
        self.name = name
        self.description = description
        self.origin = origin
        self.special = special
        self.replacedBy = replacedBy
        self.location = location
    }

    /// The key one level up (`user.contact` for `user.contact.email`), nil at the top.
    public var parentKey: String? { Taxonomy.parent(of: key) }
}
