import CadreEngine
import CadreModel
import Foundation

/// GitLab Code Quality: a JSON array of issues, one per finding (waived results left out), each
/// with its file named from the repository's root, its first line, a severity GitLab knows and a
/// fingerprint that stays the same from one run to the next while the finding does.
struct GitLabReport {
    let evaluation: any ReportedEvaluation
    let context: ReportContext

    /// Issues are serialized one at a time, indented as the whole array would be. Fingerprints
    /// are made unique within a system (each names its system or file, so two systems never
    /// share one), beside the workspace's problems.
    func write(to output: ReportOutput) throws {
        let options: JSONSerialization.WritingOptions = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var first = true
        func emit(_ issue: [String: Any]) throws {
            let bytes = try JSONSerialization.data(withJSONObject: issue, options: options)
            try output.write((first ? "[\n" : ",\n") + JSONIndent.indented(bytes, by: 2))
            first = false
        }
        var issues: [[String: Any]] = []
        var seen: [String: Int] = [:]
        for diagnostic in evaluation.diagnostics where diagnostic.isError {
            issues.append(
                issue(
                    description: diagnostic.message, check: "cadre.\(diagnostic.code.rawValue)", severity: "critical",
                    location: diagnostic.location,
                    fingerprint: unique(
                        Digest.fingerprint([diagnostic.location.file, diagnostic.code.rawValue, diagnostic.message]),
                        &seen)))
        }
        for entry in issues { try emit(entry) }
        let workspaceSeen = seen
        try evaluation.forEachSystem { system in
            var seen = workspaceSeen
            for found in CIIssue.issues(of: system) where found.waiver == nil {
                try emit(
                    issue(
                        description: found.message, check: found.rule, severity: Self.severity(of: found),
                        location: found.location, fingerprint: unique(found.digest, &seen)))
            }
        }
        try output.write(first ? "[\n\n]\n" : "\n]\n")
    }

    private func issue(
        description: String, check: String, severity: String, location: SourceLocation, fingerprint: String
    )
        -> [String: Any]
    {
        [
            "type": "issue",
            "description": description,
            "check_name": check,
            "categories": ["Security"],
            "fingerprint": fingerprint,
            "severity": severity,
            "location": [
                "path": context.rooted.path(location.file).path,
                "lines": ["begin": max(location.line, 1)],
            ],
        ]
    }

    /// Two issues with the same parts (the same message twice in a rule's findings) get the
    /// second a suffix, in the order of the report: GitLab wants each fingerprint once.
    private func unique(_ fingerprint: String, _ seen: inout [String: Int]) -> String {
        let count = seen[fingerprint, default: 0]
        seen[fingerprint] = count + 1
        return count == 0 ? fingerprint : Digest.fingerprint([fingerprint, String(count)])
    }

    /// GitLab's severities: failures of critical rules are `blocker`, high `critical`, medium
    /// `major`, low `minor`, info `info`; warnings `minor`, information `info`; invalid
    /// descriptors `critical`; a rule that could not be evaluated as its failures would be.
    static func severity(of issue: CIIssue) -> String {
        switch issue.kind {
        case .invalidDescriptor: "critical"
        case .finding(.info): "info"
        case .finding(.warn): "minor"
        case .finding(.fail), .ruleError:
            switch issue.severity {
            case .critical: "blocker"
            case .high: "critical"
            case .medium: "major"
            case .low: "minor"
            case .info: "info"
            }
        }
    }
}
