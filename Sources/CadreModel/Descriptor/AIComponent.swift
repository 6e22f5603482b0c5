/// One AI part of the system: what it does, to whom, what it infers and decides, how it is
/// overseen (AI Act Art. 3, 5, 26, 50, Annex III; GDPR Art. 22).
public struct AIComponent: Sendable, Hashable, NodeDecodable {
    public var location: SourceLocation
    /// Where the part sits in the document: `document.node(at: path)` is its generic node.
    public var path: NodePath
    /// Identifier, unique in the descriptor.
    public var id: Located<String>
    /// What it does.
    public var kind: Located<AIKind>
    /// What it does, in a sentence.
    public var description: Located<String>?
    /// Ids of the descriptor's purposes it serves.
    public var purposes: [Located<String>]
    /// The model behind it.
    public var model: AIModel?
    /// What it takes as input.
    public var inputs: [Located<InputMedium>]
    /// Data subjects who interact with it directly.
    public var interactsWith: [Located<String>]
    /// When people are told they deal with an AI system.
    public var disclosesAI: Located<Disclosure>?
    /// What it infers about people.
    public var infers: [Located<Inference>]
    /// Data subjects whose traits, emotions or scores it infers.
    public var about: [Located<String>]
    /// How far it decides about people.
    public var decides: Located<DecisionMode>?
    /// The effect of those decisions.
    public var effect: Located<DecisionEffect>?
    /// The Art. 22(2) exception for solely automated decisions with effects.
    public var automatedDecisionBasis: Located<AutomatedDecisionBasis>?
    /// Human oversight (AI Act Art. 14, 26(2); GDPR Art. 22(3)).
    public var humanOversight: HumanOversight?
    /// Its automatic logs (AI Act Art. 26(6)).
    public var logs: LogPolicy?
    /// What it generates.
    public var generates: [Located<OutputMedium>]
    /// True when generated content is marked as such, machine-readably (Art. 50(2)).
    public var marksOutput: Located<Bool>?
    /// Annex III points it falls under (`5b`).
    public var annexIII: [Located<AnnexIIIPoint>]
    /// When it went into service (Art. 111 transitional periods).
    public var inServiceSince: Located<ISODate>?

    init?(node: LocatedNode, path: NodePath) {
        guard node.mapping != nil, let id = node.value("id", as: String.self),
            let kind = node.value("kind", as: AIKind.self)
        else { return nil }
        location = node.location
        self.path = path
        self.id = id
        self.kind = kind
        description = node.value("description")
        purposes = node.values("purposes")
        model = node.object("model", at: path)
        inputs = node.values("inputs")
        interactsWith = node.values("interacts_with")
        disclosesAI = node.value("discloses_ai")
        infers = node.values("infers")
        about = node.values("about")
        decides = node.value("decides")
        effect = node.value("effect")
        automatedDecisionBasis = node.value("automated_decision_basis")
        humanOversight = node.object("human_oversight", at: path)
        logs = node.object("logs", at: path)
        generates = node.values("generates")
        marksOutput = node.value("marks_output")
        annexIII = node.values("annex_iii")
        inServiceSince = node.value("in_service_since")
    }
}

/// The model behind an AI component.
public struct AIModel: Sendable, Hashable, NodeDecodable {
    public var location: SourceLocation
    /// Where the part sits in the document: `document.node(at: path)` is its generic node.
    public var path: NodePath
    public var name: Located<String>?
    /// Who provides it (the vendor, or the organisation itself).
    public var provider: Located<String>?
    public var version: Located<String>?
    /// True for a general-purpose AI model (AI Act Art. 3(63)).
    public var generalPurpose: Located<Bool>?
    /// Where it runs: `EU`, `EEA` or an ISO 3166 country code.
    public var hostedIn: Located<String>?

    init?(node: LocatedNode, path: NodePath) {
        guard node.mapping != nil else { return nil }
        location = node.location
        self.path = path
        name = node.value("name")
        provider = node.value("provider")
        version = node.value("version")
        generalPurpose = node.value("general_purpose")
        hostedIn = node.value("hosted_in")
    }
}

/// How people oversee an AI component.
public struct HumanOversight: Sendable, Hashable, NodeDecodable {
    public var location: SourceLocation
    /// Where the part sits in the document: `document.node(at: path)` is its generic node.
    public var path: NodePath
    /// People can reach a human (and the component hands over).
    public var escalation: Located<Bool>?
    /// The people who oversee it are trained for it (Art. 26(2)).
    public var reviewersTrained: Located<Bool>?
    /// Those people can override or stop it.
    public var canOverride: Located<Bool>?
    /// Who oversees it (a team or a role).
    public var reviewer: Located<String>?

    init?(node: LocatedNode, path: NodePath) {
        guard node.mapping != nil else { return nil }
        location = node.location
        self.path = path
        escalation = node.value("escalation")
        reviewersTrained = node.value("reviewers_trained")
        canOverride = node.value("can_override")
        reviewer = node.value("reviewer")
    }
}

/// An AI component's automatic logs.
public struct LogPolicy: Sendable, Hashable, NodeDecodable {
    public var location: SourceLocation
    /// Where the part sits in the document: `document.node(at: path)` is its generic node.
    public var path: NodePath
    /// How long they are kept (deployers: six months at least, Art. 26(6)).
    public var retention: Located<ISODuration>?
    /// Id of the descriptor's store that holds them.
    public var store: Located<String>?

    init?(node: LocatedNode, path: NodePath) {
        guard node.mapping != nil else { return nil }
        location = node.location
        self.path = path
        retention = node.value("retention")
        store = node.value("store")
    }
}
