import CadreEngine
import CadreModel

/// One thing a CI tool shows at a line of a file (SARIF, GitHub annotations, GitLab Code
/// Quality): a finding of a failing, warning or waived result; an error of an invalid
/// descriptor; a rule that could not be evaluated. Made system by system, from what the
/// evaluation holds.
struct CIIssue {
    enum Kind: Equatable {
        case finding(Finding.Level)
        case invalidDescriptor
        case ruleError
    }

    /// Rules cadre itself reports under (problems of descriptors and of rule runs).
    static let invalidDescriptor = "cadre.invalid-descriptor"
    static let ruleError = "cadre.rule-error"

    var kind: Kind
    /// The rule's id, or one of cadre's own.
    var rule: String
    /// The rule's severity (`high` for cadre's own).
    var severity: Severity
    var message: String
    /// Where, the file named in the workspace.
    var location: SourceLocation
    /// What identifies the issue across runs (never its line, which edits move).
    var fingerprint: [String]
    /// The waiver that accepts it, for a waived result.
    var waiver: RuleResult.AppliedWaiver?

    /// The issues of `system`, in the order of its diagnostics then its results.
    static func issues(of system: SystemEvaluation) -> [CIIssue] {
        var issues: [CIIssue] = []
        for diagnostic in system.diagnostics where diagnostic.isError {
            issues.append(
                CIIssue(
                    kind: .invalidDescriptor, rule: invalidDescriptor, severity: .high,
                    message: diagnostic.message + (diagnostic.hint.map { " (\($0))" } ?? ""),
                    location: diagnostic.location,
                    fingerprint: [system.file, diagnostic.code.rawValue, diagnostic.message]))
        }
        for outcome in system.results {
            switch outcome.status {
            case .error:
                let failure = outcome.failure
                issues.append(
                    CIIssue(
                        kind: .ruleError, rule: ruleError, severity: outcome.severity,
                        message:
                            "\(outcome.rule) could not be evaluated on \(outcome.system): \(failure?.kind.rawValue ?? "error"): \(failure?.message ?? "")",
                        // A store that failed is shown at its `url:` line; other errors at the file.
                        location: failure?.descriptorLocation ?? .start(of: system.file),
                        fingerprint: [outcome.rule, outcome.system, failure?.kind.rawValue ?? ""]))
            case .fail, .warn, .waived:
                for finding in outcome.findings {
                    issues.append(
                        CIIssue(
                            kind: .finding(finding.level), rule: outcome.rule, severity: outcome.severity,
                            message: finding.message, location: finding.location,
                            fingerprint: [
                                outcome.rule, outcome.system, finding.path?.description ?? "", finding.message,
                            ],
                            waiver: outcome.waiver))
                }
            case .pass, .skipped:
                continue
            }
        }
        return issues
    }

    /// How serious, in three words: failures of critical and high rules are errors, of medium
    /// ones warnings, of low and info ones notes; warnings are warnings, information notes;
    /// invalid descriptors and rule errors are errors.
    var level: Level {
        switch kind {
        case .invalidDescriptor, .ruleError: .error
        case .finding(.info): .note
        case .finding(.warn): .warning
        case .finding(.fail): Self.level(ofFailureAt: severity)
        }
    }

    static func level(ofFailureAt severity: Severity) -> Level {
        severity >= .high ? .error : (severity == .medium ? .warning : .note)
    }

    enum Level: String {
        case error, warning, note
    }

    /// The stable fingerprint (SHA-256 of the parts).
    var digest: String { Digest.fingerprint(fingerprint) }
}
