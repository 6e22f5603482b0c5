/// Why the system processes personal data: one purpose, with its lawful basis (GDPR Art. 5(1)(b), 6).
public struct Purpose: Sendable, Hashable, NodeDecodable {
    public var location: SourceLocation
    /// Where the part sits in the document: `document.node(at: path)` is its generic node.
    public var path: NodePath
    /// Identifier other parts of the descriptor refer to (`data[].purposes`, `ai[].purposes`).
    public var id: Located<String>
    /// What the purpose is, in a sentence.
    public var description: Located<String>?
    /// The Art. 6(1) basis.
    public var legalBasis: Located<LegalBasis>?
    /// fideslang data uses (`essential.service.operations.support`).
    public var uses: [Located<String>]
    /// Where the legitimate-interest assessment (balancing test) is documented.
    public var legitimateInterestAssessment: Located<String>?
    /// The Art. 9(2) condition, when the purpose processes special categories.
    public var specialCategoryCondition: Located<SpecialCategoryCondition>?

    init?(node: LocatedNode, path: NodePath) {
        guard node.mapping != nil, let id = node.value("id", as: String.self) else { return nil }
        location = node.location
        self.path = path
        self.id = id
        description = node.value("description")
        legalBasis = node.value("legal_basis")
        uses = node.values("uses")
        legitimateInterestAssessment = node.value("legitimate_interest_assessment")
        specialCategoryCondition = node.value("special_category_condition")
    }
}
