/// What a rule declares about itself: the obligation, how serious, under which law, since when.
public struct RuleInfo: Sendable, Hashable, Codable {
    /// How sure the pack's authors are of the legal fact a rule encodes.
    public enum Confidence: String, Sendable, Hashable, Codable, CaseIterable {
        /// Checked against the official text.
        case text
        /// From consistent secondary sources.
        case secondary
        /// Not yet checked.
        case recall
        /// Checked against the official text, but the law itself is not settled: a question
        /// pending before the CJEU, a decision under appeal, guidance still in draft. The rule's
        /// description says what is pending.
        case unsettled
    }

    /// Unique id, prefixed by the pack's id (`cnil.recording.retention`).
    public var id: String
    /// The obligation in one line.
    public var title: String
    /// The obligation as a DPO would sign it.
    public var description: String?
    public var severity: Severity
    /// Articles and guidance, each as written (`GDPR Art. 5(1)(e)`), with the official text's address.
    public var references: [RuleReference]
    public var confidence: Confidence
    /// The first day the obligation applies, if it has one.
    public var effectiveFrom: ISODate?
    /// The last day the obligation applies, if it lapses.
    public var effectiveTo: ISODate?
    /// The day the pack's authors last checked the rule against the law, if they say.
    public var reviewed: ISODate?
    /// What an engineer should do to comply, when the rule says.
    public var remediation: String?
    /// Free labels (`retention`, `transparency`).
    public var tags: [String]
    /// The pack the rule belongs to.
    public var pack: String
    /// The pack's version.
    public var packVersion: String
    /// The rule's file.
    public var file: String
    /// The address of the official text of the rule's first reference, when it gives one.
    public var primarySourceURL: String? { references.first?.url }

    public init(
        id: String, title: String, description: String? = nil, severity: Severity, references: [RuleReference],
        confidence: Confidence = .text, effectiveFrom: ISODate? = nil, effectiveTo: ISODate? = nil,
        reviewed: ISODate? = nil, remediation: String? = nil, tags: [String] = [], pack: String, packVersion: String,
        file: String
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.severity = severity
        self.references = references
        self.confidence = confidence
        self.effectiveFrom = effectiveFrom
        self.effectiveTo = effectiveTo
        self.reviewed = reviewed
        self.remediation = remediation
        self.tags = tags
        self.pack = pack
        self.packVersion = packVersion
        self.file = file
    }

    /// Whether the obligation applies on `date`, and if not, why.
    public func window(on date: ISODate) -> RuleResult.SkipReason? {
        if let from = effectiveFrom, date < from { return .notYetInForce }
        if let to = effectiveTo, date > to { return .noLongerInForce }
        return nil
    }
}
