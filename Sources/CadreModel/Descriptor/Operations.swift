/// How calls are recorded (CNIL NS-57 and its guidance on call centres).
public struct Recording: Sendable, Hashable, NodeDecodable {
    public var location: SourceLocation
    /// Where the part sits in the document: `document.node(at: path)` is its generic node.
    public var path: NodePath
    public var mode: Located<RecordingMode>?
    /// Agents' screens are captured along with the call.
    public var screenCapture: Located<Bool>?
    /// Agents have a line for private calls that is never recorded.
    public var privateLine: Located<Bool>?
    /// Recording pauses while bank details are given.
    public var paymentPause: Located<Bool>?

    init?(node: LocatedNode, path: NodePath) {
        guard node.mapping != nil else { return nil }
        location = node.location
        self.path = path
        mode = node.value("mode")
        screenCapture = node.value("screen_capture")
        privateLine = node.value("private_line")
        paymentPause = node.value("payment_pause")
    }
}

/// Commercial prospecting done by the system (CPCE L.34-5, Code de la consommation L.223-1).
public struct Prospecting: Sendable, Hashable, NodeDecodable {
    public var location: SourceLocation
    /// Where the part sits in the document: `document.node(at: path)` is its generic node.
    public var path: NodePath
    public var channels: [Located<ProspectingChannel>]
    public var audience: [Located<ProspectAudience>]
    public var consent: Located<ProspectingConsent>?
    /// Numbers are screened against the Bloctel opposition list.
    public var bloctelScreening: Located<Bool>?
    /// Every message offers a simple way to object.
    public var optOutOffered: Located<Bool>?

    init?(node: LocatedNode, path: NodePath) {
        guard node.mapping != nil else { return nil }
        location = node.location
        self.path = path
        channels = node.values("channels")
        audience = node.values("audience")
        consent = node.value("consent")
        bloctelScreening = node.value("bloctel_screening")
        optOutOffered = node.value("opt_out_offered")
    }
}

/// Training of the people who run or use the system (AI Act Art. 4, GDPR Art. 39(1)(b)).
public struct Training: Sendable, Hashable, NodeDecodable {
    public var location: SourceLocation
    /// Where the part sits in the document: `document.node(at: path)` is its generic node.
    public var path: NodePath
    /// AI literacy.
    public var aiLiteracy: TrainingRecord?
    /// Data protection.
    public var dataProtection: TrainingRecord?

    init?(node: LocatedNode, path: NodePath) {
        guard node.mapping != nil else { return nil }
        location = node.location
        self.path = path
        aiLiteracy = node.object("ai_literacy", at: path)
        dataProtection = node.object("data_protection", at: path)
    }
}

/// One training programme.
public struct TrainingRecord: Sendable, Hashable, NodeDecodable {
    public var location: SourceLocation
    /// Where the part sits in the document: `document.node(at: path)` is its generic node.
    public var path: NodePath
    /// Last session.
    public var last: Located<ISODate>?
    /// Who attends (`agents`, `supervisors`…).
    public var audience: [Located<String>]
    /// How often it is repeated.
    public var every: Located<ISODuration>?
    /// Reference of the programme.
    public var ref: Located<String>?

    init?(node: LocatedNode, path: NodePath) {
        guard node.mapping != nil else { return nil }
        location = node.location
        self.path = path
        last = node.value("last")
        audience = node.values("audience")
        every = node.value("every")
        ref = node.value("ref")
    }
}
