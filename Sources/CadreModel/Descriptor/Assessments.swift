/// Impact assessments: the DPIA (GDPR Art. 35) and the FRIA (AI Act Art. 27).
public struct Assessments: Sendable, Hashable, NodeDecodable {
    public var location: SourceLocation
    /// Where the part sits in the document: `document.node(at: path)` is its generic node.
    public var path: NodePath
    /// Data protection impact assessment.
    public var dpia: Assessment?
    /// Fundamental rights impact assessment.
    public var fria: Assessment?

    init?(node: LocatedNode, path: NodePath) {
        guard node.mapping != nil else { return nil }
        location = node.location
        self.path = path
        dpia = node.object("dpia", at: path)
        fria = node.object("fria", at: path)
    }
}

/// Where one assessment stands.
public struct Assessment: Sendable, Hashable, NodeDecodable {
    public var location: SourceLocation
    /// Where the part sits in the document: `document.node(at: path)` is its generic node.
    public var path: NodePath
    public var status: Located<AssessmentStatus>?
    /// When it was completed (or last updated).
    public var date: Located<ISODate>?
    /// Its reference in the document system.
    public var ref: Located<String>?
    /// When it is to be reviewed.
    public var nextReview: Located<ISODate>?
    /// Why it is not required, when it is not.
    public var reason: Located<String>?
    /// True when the supervisory or market surveillance authority was notified (AI Act Art. 27(3)).
    public var notified: Located<Bool>?

    init?(node: LocatedNode, path: NodePath) {
        guard node.mapping != nil else { return nil }
        location = node.location
        self.path = path
        status = node.value("status")
        date = node.value("date")
        ref = node.value("ref")
        nextReview = node.value("next_review")
        reason = node.value("reason")
        notified = node.value("notified")
    }
}
