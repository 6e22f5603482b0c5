/// The vocabularies descriptors use for data categories, data uses and data subjects: fideslang's,
/// cadre's extensions for customer service, and a workspace's own terms.
///
/// Keys are hierarchical: `user.contact.email` sits under `user.contact`, under `user`, and
/// matches both (``matches(_:_:)``). A rule that asks whether a system holds `user.contact`
/// data finds the email address.
public struct Taxonomy: Sendable {
    private var terms: [TaxonomyKind: [String: TaxonomyTerm]]

    /// A taxonomy of `terms`; a later term replaces an earlier one with the same kind and key.
    public init(terms: some Sequence<TaxonomyTerm> = []) {
        var byKind: [TaxonomyKind: [String: TaxonomyTerm]] = [:]
        for term in terms { byKind[term.kind, default: [:]][term.key] = term }
        self.terms = byKind
    }

    /// True when `key` is `ancestor` or sits below it: `matches("user.contact.email", "user.contact")`.
    public static func matches(_ key: String, _ ancestor: String) -> Bool {
        guard key.hasPrefix(ancestor) else { return false }
        if key.utf8.count == ancestor.utf8.count { return true }
        return key.utf8.dropFirst(ancestor.utf8.count).first == UInt8(ascii: ".")
    }

    /// The key one level up, nil at the top.
    public static func parent(of key: String) -> String? {
        guard let dot = key.lastIndex(of: ".") else { return nil }
        return String(key[..<dot])
    }

    /// Every key above `key`, nearest first: `user.contact`, `user` for `user.contact.email`.
    public static func ancestors(of key: String) -> [String] {
        var result: [String] = []
        var current = key
        while let parent = parent(of: current) {
            result.append(parent)
            current = parent
        }
        return result
    }

    /// The term `key` of `kind`.
    public func term(_ key: String, in kind: TaxonomyKind) -> TaxonomyTerm? { terms[kind]?[key] }

    /// True when the taxonomy holds `key` in `kind`.
    public func contains(_ key: String, in kind: TaxonomyKind) -> Bool { terms[kind]?[key] != nil }

    /// The terms of `kind`, sorted by key.
    public func terms(in kind: TaxonomyKind) -> [TaxonomyTerm] {
        (terms[kind] ?? [:]).values.sorted { $0.key < $1.key }
    }

    /// The keys of `kind`, sorted.
    public func keys(in kind: TaxonomyKind) -> [String] { (terms[kind] ?? [:]).keys.sorted() }

    /// The terms below `key` in `kind` (not `key` itself), sorted by key.
    public func descendants(of key: String, in kind: TaxonomyKind) -> [TaxonomyTerm] {
        terms(in: kind).filter { $0.key != key && Self.matches($0.key, key) }
    }

    /// The GDPR regime of a data category: its own, or the nearest ancestor's.
    public func specialCategory(of key: String) -> SpecialCategory? {
        for candidate in [key] + Self.ancestors(of: key) {
            if let special = term(candidate, in: .dataCategory)?.special { return special }
        }
        return nil
    }

    /// Known keys of `kind` close to the unknown `key`, best first.
    public func suggestions(for key: String, in kind: TaxonomyKind, limit: Int = 3) -> [String] {
        Suggestion.closest(to: key, among: (terms[kind] ?? [:]).keys, limit: limit)
    }

    /// This taxonomy with `extra` terms added (a term with an existing kind and key replaces it).
    public func adding(_ extra: some Sequence<TaxonomyTerm>) -> Taxonomy {
        var copy = self
        for term in extra { copy.terms[term.kind, default: [:]][term.key] = term }
        return copy
    }

    /// The number of terms of `kind`.
    public func count(in kind: TaxonomyKind) -> Int { terms[kind]?.count ?? 0 }
}
