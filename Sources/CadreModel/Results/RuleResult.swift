/// The outcome of one rule on one system.
public struct RuleResult: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// The rule found nothing wrong.
        case pass
        /// The rule found something wrong.
        case fail
        /// The rule found something to watch, nothing wrong.
        case warn
        /// The rule could not be evaluated: it raised an error or hit a limit, or a store failed.
        case error
        /// The rule did not run (see ``SkipReason``).
        case skipped
        /// The rule failed or warned, and an accepted exception covers it.
        case waived
    }

    public enum SkipReason: String, Sendable, Hashable, Codable {
        /// The rule's `applies` said the system is out of its scope.
        case notApplicable = "not-applicable"
        /// The obligation starts after the evaluation's as-of date.
        case notYetInForce = "not-yet-in-force"
        /// The obligation lapsed before the evaluation's as-of date.
        case noLongerInForce = "no-longer-in-force"
        /// The rule reads the system's stores, and the run does not (`--no-stores`).
        case storesNotRead = "stores-not-read"
    }

    /// Why a rule could not be evaluated.
    public struct Failure: Sendable, Hashable, Codable {
        /// What kind of failure (``Kind``): `runtime`, `memory-limit`, `store`, `plugin`…
        public var kind: Kind
        public var message: String
        /// Where in the rule (or its library) it happened.
        public var location: SourceLocation?
        /// What in the descriptor it concerns, when something does: the `url:` of the store that
        /// failed (kind `store`), where code scanning shows the error.
        public var descriptorLocation: SourceLocation?

        public init(kind: Kind, message: String, location: SourceLocation?, descriptorLocation: SourceLocation? = nil) {
            self.kind = kind
            self.message = message
            self.location = location
            self.descriptorLocation = descriptorLocation
        }
    }

    /// The waiver that covers a result.
    public struct AppliedWaiver: Sendable, Hashable, Codable {
        public var reason: String
        public var approvedBy: String
        public var expires: ISODate
        public var location: SourceLocation

        public init(reason: String, approvedBy: String, expires: ISODate, location: SourceLocation) {
            self.reason = reason
            self.approvedBy = approvedBy
            self.expires = expires
            self.location = location
        }
    }

    public var rule: String
    public var system: String
    public var status: Status
    /// The rule's severity (a copy, so a result reads on its own).
    public var severity: Severity
    public var skipReason: SkipReason?
    public var findings: [Finding]
    public var failure: Failure?
    public var waiver: AppliedWaiver?
    /// What the rule printed while it ran (for its author).
    public var log: [String]

    public init(
        rule: String, system: String, status: Status, severity: Severity, skipReason: SkipReason? = nil,
        findings: [Finding] = [], failure: Failure? = nil, waiver: AppliedWaiver? = nil, log: [String] = []
    ) {
        self.rule = rule
        self.system = system
        self.status = status
        self.severity = severity
        self.skipReason = skipReason
        self.findings = findings
        self.failure = failure
        self.waiver = waiver
        self.log = log
    }

    /// Whether the result counts against a `--fail-on` threshold: a failure or an error at or
    /// above it. Warnings, skips and waived results never do.
    public func fails(at threshold: Severity) -> Bool {
        (status == .fail || status == .error) && severity >= threshold
    }
}
