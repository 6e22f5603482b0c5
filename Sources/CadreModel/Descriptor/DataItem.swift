/// One category of personal data the system processes, about whom, for which purposes, for how long.
public struct DataItem: Sendable, Hashable, NodeDecodable {
    public var location: SourceLocation
    /// Where the part sits in the document: `document.node(at: path)` is its generic node.
    public var path: NodePath
    /// fideslang data category, or a cadre or workspace extension (`user.contact.phone_number`).
    public var category: Located<String>
    /// What exactly is held, in a sentence.
    public var description: Located<String>?
    /// Data subjects (`customer`, `employee`…).
    public var subjects: [Located<String>]
    /// Ids of the descriptor's purposes this data serves.
    public var purposes: [Located<String>]
    /// How long it is kept.
    public var retention: Retention?
    /// Where it comes from.
    public var source: Located<DataSource>?
    /// Ids of the descriptor's stores that hold it.
    public var stores: [Located<String>]

    init?(node: LocatedNode, path: NodePath) {
        guard node.mapping != nil, let category = node.value("category", as: String.self) else { return nil }
        location = node.location
        self.path = path
        self.category = category
        description = node.value("description")
        subjects = node.values("subjects")
        purposes = node.values("purposes")
        retention = node.object("retention", at: path)
        source = node.value("source")
        stores = node.values("stores")
    }
}

/// How long a data item is kept, and from when (GDPR Art. 5(1)(e), 13(2)(a)).
public struct Retention: Sendable, Hashable, NodeDecodable {
    public var location: SourceLocation
    /// Where the part sits in the document: `document.node(at: path)` is its generic node.
    public var path: NodePath
    /// Active retention (`P3Y`).
    public var period: Located<ISODuration>?
    /// The event the period runs from.
    public var from: Located<RetentionStart>?
    /// The criteria used when no fixed period applies ("until the dispute is settled").
    public var criteria: Located<String>?
    /// Intermediate archiving after the active period.
    public var archive: Archive?

    init?(node: LocatedNode, path: NodePath) {
        guard node.mapping != nil else { return nil }
        location = node.location
        self.path = path
        period = node.value("period")
        from = node.value("from")
        criteria = node.value("criteria")
        archive = node.object("archive", at: path)
    }
}

/// Intermediate archiving: restricted access, kept for a legal reason (contract evidence…).
public struct Archive: Sendable, Hashable, NodeDecodable {
    public var location: SourceLocation
    /// Where the part sits in the document: `document.node(at: path)` is its generic node.
    public var path: NodePath
    /// How long after the active period.
    public var period: Located<ISODuration>?
    /// Why it is kept (`Code de commerce L.110-4`).
    public var reason: Located<String>?

    init?(node: LocatedNode, path: NodePath) {
        guard node.mapping != nil else { return nil }
        location = node.location
        self.path = path
        period = node.value("period")
        reason = node.value("reason")
    }
}
