import CadreEngine
import CadreModel

/// What a draft assessment is made of: one system's descriptor and what the rules said of it on
/// the as-of date — the contents of a report, nothing more. A draft reads the descriptor's
/// declarations (never a store's URL) and the results (whose evidence is redacted); it never
/// opens a store.
public struct AssessmentSource: Sendable {
    public var descriptor: SystemDescriptor
    /// The descriptor file, as shown from where cadre runs.
    public var file: String
    /// The system's results, as the evaluation gave them (files shown from where cadre runs).
    public var results: [RuleResult]
    /// Every rule loaded.
    public var rules: [RuleInfo]
    public var asOf: ISODate
    /// The packs evaluated, as `id version`.
    public var packs: [String]
    /// What each rule's `applies` says of the system, whatever the date (the timeline's question):
    /// a rule not yet in force still tells whether the obligation concerns the system.
    public var applies: [String: Applicability.Answer]
    /// The results of the rules that say when a DPIA is required, on the descriptor with its
    /// recorded DPIA set aside: they then name the cases the system falls in (they name them only
    /// when no DPIA is done).
    public var withoutRecordedDPIA: [RuleResult]

    public init(
        descriptor: SystemDescriptor, file: String, results: [RuleResult], rules: [RuleInfo], asOf: ISODate,
        packs: [String], applies: [String: Applicability.Answer] = [:], withoutRecordedDPIA: [RuleResult] = []
    ) {
        self.descriptor = descriptor
        self.file = file
        self.results = results
        self.rules = rules
        self.asOf = asOf
        self.packs = packs
        self.applies = applies
        self.withoutRecordedDPIA = withoutRecordedDPIA
    }

    /// The rule with id `id`, when a pack loaded it.
    public func rule(_ id: String) -> RuleInfo? { rules.first { $0.id == id } }

    /// The result of rule `id`.
    public func result(_ id: String) -> RuleResult? { results.first { $0.rule == id } }

    /// Whether the results of rule `id` say something is wrong or to watch (failed, warned,
    /// waived) or could not be evaluated.
    public static func isFinding(_ result: RuleResult) -> Bool {
        [.fail, .warn, .waived, .error].contains(result.status)
    }

    /// The results that say something (failed, warned, waived, error) of the rules `including`
    /// accepts, most severe first, then by rule.
    public func findings(_ including: (String) -> Bool = { _ in true }) -> [RuleResult] {
        results.filter { Self.isFinding($0) && including($0.rule) }.sorted {
            ($0.severity, $1.rule) > ($1.severity, $0.rule)
        }
    }

    /// The entries of a draft for `result`: one per finding (or one for an error), with the rule,
    /// its severity, the status, where the finding points, the references and what to do.
    public func entries(for result: RuleResult) -> [AssessmentDraft.Entry] {
        let info = rule(result.rule)
        // What to do about an error is to make the rule run, not the rule's remediation.
        let remediation = result.status == .error ? nil : info?.remediation
        func entry(_ text: String, at location: SourceLocation?) -> AssessmentDraft.Entry {
            AssessmentDraft.Entry(
                kind: .finding, title: info?.title, text: text, rule: result.rule, severity: result.severity,
                status: result.status, location: location?.description, remediation: remediation,
                references: info?.references.map(\.citation))
        }
        if let failure = result.failure {
            return [entry("the rule could not be evaluated: \(failure.message)", at: failure.descriptorLocation)]
        }
        if result.findings.isEmpty { return [entry(info?.title ?? result.rule, at: nil)] }
        return result.findings.map { entry($0.message, at: $0.location) }
    }
}
