/// The organisation responsible for the system (the controller, usually).
public struct Organisation: Sendable, Hashable, NodeDecodable {
    public var location: SourceLocation
    /// Where the part sits in the document: `document.node(at: path)` is its generic node.
    public var path: NodePath
    /// Legal name.
    public var name: Located<String>
    /// ISO 3166-1 alpha-2 country of establishment (`FR`).
    public var country: Located<String>?
    /// Head count; GDPR Art. 30(5) exempts organisations under 250 in some cases.
    public var employees: Located<Int>?
    /// Contact of the data protection officer.
    public var dpo: Located<String>?
    /// Sector, which some obligations and CNIL frameworks depend on.
    public var sector: Located<Sector>?
    /// True for public bodies and private bodies providing public services (AI Act Art. 27).
    public var publicService: Located<Bool>?

    init?(node: LocatedNode, path: NodePath) {
        guard node.mapping != nil, let name = node.value("name", as: String.self) else { return nil }
        location = node.location
        self.path = path
        self.name = name
        country = node.value("country")
        employees = node.value("employees")
        dpo = node.value("dpo")
        sector = node.value("sector")
        publicService = node.value("public_service")
    }
}

/// How many people and contacts the system concerns (a DPIA criterion: large scale).
public struct Scale: Sendable, Hashable, NodeDecodable {
    public var location: SourceLocation
    /// Where the part sits in the document: `document.node(at: path)` is its generic node.
    public var path: NodePath
    /// Approximate number of people whose data the system processes.
    public var subjects: Located<Int>?
    /// Approximate number of contacts (calls, chats, emails) handled per month.
    public var interactionsPerMonth: Located<Int>?

    init?(node: LocatedNode, path: NodePath) {
        guard node.mapping != nil else { return nil }
        location = node.location
        self.path = path
        subjects = node.value("subjects")
        interactionsPerMonth = node.value("interactions_per_month")
    }
}
