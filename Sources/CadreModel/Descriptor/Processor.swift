/// A processor that handles personal data for the organisation (GDPR Art. 28), and how the data
/// reaches it when it is outside the EEA (Art. 44–49).
public struct Processor: Sendable, Hashable, NodeDecodable {
    public var location: SourceLocation
    /// Where the part sits in the document: `document.node(at: path)` is its generic node.
    public var path: NodePath
    /// Identifier stores refer to (`stores[].processor`); optional.
    public var id: Located<String>?
    /// Legal name.
    public var name: Located<String>
    /// What it does for the system (`telephony`, `speech-to-text`).
    public var service: Located<String>?
    /// ISO 3166-1 alpha-2 country where it processes the data.
    public var country: Located<String>?
    /// The data processing agreement.
    public var contract: Located<ContractStatus>?
    /// The transfer mechanism, for a country outside the EEA.
    public var transfer: Located<TransferMechanism>?
    /// Data categories it receives.
    public var receives: [Located<String>]

    init?(node: LocatedNode, path: NodePath) {
        guard node.mapping != nil, let name = node.value("name", as: String.self) else { return nil }
        location = node.location
        self.path = path
        id = node.value("id")
        self.name = name
        service = node.value("service")
        country = node.value("country")
        contract = node.value("contract")
        transfer = node.value("transfer")
        receives = node.values("receives")
    }
}
