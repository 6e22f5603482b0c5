import CadreEngine
import CadreModel
import Foundation

/// The report for programs: every result of the run, in the stable `cadre-evaluation/v1` shape
/// documented in docs/output.md. Keys are sorted; the same inputs give the same bytes.
struct JSONReport {
    let evaluation: any ReportedEvaluation
    let context: ReportContext

    /// The document is encoded without its systems; each system is then encoded on its own and
    /// written in its place, indented as the whole document would indent it.
    func write(to output: ReportOutput) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let frame = String(
            decoding: try encoder.encode(
                Document(evaluation, toolVersion: context.toolVersion, failOn: context.failOn)),
            as: UTF8.self)
        let hole = "\"systems\" : [\n\n  ]"
        guard let place = frame.range(of: hole) else {
            try output.write(frame + "\n")
            return
        }
        try output.write(String(frame[..<place.lowerBound]) + "\"systems\" : [")
        var first = true
        try evaluation.forEachSystem { system in
            let bytes = try encoder.encode(System(system))
            try output.write((first ? "\n" : ",\n") + JSONIndent.indented(bytes, by: 4))
            first = false
        }
        try output.write((first ? "\n\n  ]" : "\n  ]") + frame[place.upperBound...] + "\n")
    }

    struct Document: Encodable {
        let format = "cadre-evaluation/v1"
        let tool: Tool
        let asOf: String
        let workspace: String?
        let failOn: String?
        let exitStatus: Int32
        let summary: Summary
        let packs: [Pack]
        let rules: [Rule]
        let systems: [System]
        let diagnostics: [Problem]

        enum CodingKeys: String, CodingKey {
            case format, tool, workspace, summary, packs, rules, systems, diagnostics
            case asOf = "as_of"
            case failOn = "fail_on"
            case exitStatus = "exit_status"
        }

        /// The document without its systems (written one at a time, in their place).
        init(_ evaluation: any ReportedEvaluation, toolVersion: String, failOn: Severity?) {
            tool = Tool(name: "cadre", version: toolVersion)
            asOf = evaluation.asOf.description
            workspace = evaluation.workspace
            self.failOn = failOn?.rawValue ?? "none"
            exitStatus = evaluation.exitStatus(failOn: failOn)
            summary = Summary(evaluation.summary)
            packs = evaluation.packs.map(Pack.init)
            rules = evaluation.rules.map(Rule.init)
            systems = []
            diagnostics = evaluation.diagnostics.map(Problem.init)
        }
    }

    struct Tool: Encodable {
        let name: String
        let version: String
    }

    struct Summary: Encodable {
        let systems: Int
        let invalidSystems: Int
        let rules: Int
        let results: Int
        let findings: Int
        let statuses: [String: Int]

        enum CodingKeys: String, CodingKey {
            case systems, rules, results, findings, statuses
            case invalidSystems = "invalid_systems"
        }

        init(_ s: Evaluation.Summary) {
            systems = s.systems
            invalidSystems = s.invalidSystems
            rules = s.rules
            results = s.results
            findings = s.findings
            statuses = Dictionary(uniqueKeysWithValues: RuleResult.Status.allCases.map { ($0.rawValue, s.count($0)) })
        }
    }

    struct Pack: Encodable {
        let id: String
        let version: String
        let title: String
        let folder: String
        let digest: String
        let settings: [String: String]

        init(_ p: Evaluation.PackSummary) {
            id = p.id
            version = p.version
            title = p.title
            folder = p.folder
            digest = p.digest
            settings = p.settings
        }
    }

    struct Rule: Encodable {
        let id: String
        let title: String
        let description: String?
        let severity: String
        let references: [String]
        /// The references that give the official text's address.
        let links: [Link]
        let confidence: String
        let effective: Effective
        let reviewed: String?
        let remediation: String?
        let tags: [String]
        let pack: String
        let packVersion: String
        let file: String

        struct Link: Encodable {
            let citation: String
            let url: String
        }

        struct Effective: Encodable {
            let from: String?
            let to: String?
        }

        enum CodingKeys: String, CodingKey {
            case id, title, description, severity, references, links, confidence, effective, reviewed, remediation,
                tags, pack
            case file
            case packVersion = "pack_version"
        }

        init(_ r: RuleInfo) {
            id = r.id
            title = r.title
            description = r.description
            severity = r.severity.rawValue
            references = r.references.map(\.citation)
            links = r.references.compactMap { reference in
                reference.url.map { Link(citation: reference.citation, url: $0) }
            }
            confidence = r.confidence.rawValue
            effective = Effective(from: r.effectiveFrom?.description, to: r.effectiveTo?.description)
            reviewed = r.reviewed?.description
            remediation = r.remediation
            tags = r.tags
            pack = r.pack
            packVersion = r.packVersion
            file = r.file
        }
    }

    struct Location: Encodable {
        let file: String
        let line: Int
        let column: Int

        init(_ l: SourceLocation) {
            file = l.file
            line = l.line
            column = l.column
        }
    }

    struct System: Encodable {
        let id: String?
        let name: String?
        let file: String
        let digest: String
        let valid: Bool
        let results: [Result]
        let diagnostics: [Problem]

        init(_ s: SystemEvaluation) {
            id = s.id
            name = s.name
            file = s.file
            digest = s.digest
            valid = s.isValid
            results = s.results.map(Result.init)
            diagnostics = s.diagnostics.map(Problem.init)
        }
    }

    struct Result: Encodable {
        let rule: String
        let status: String
        let severity: String
        let skipReason: String?
        let findings: [FindingEntry]
        let failure: Failure?
        let waiver: WaiverEntry?
        let log: [String]

        enum CodingKeys: String, CodingKey {
            case rule, status, severity, findings, failure, waiver, log
            case skipReason = "skip_reason"
        }

        init(_ r: RuleResult) {
            rule = r.rule
            status = r.status.rawValue
            severity = r.severity.rawValue
            skipReason = r.skipReason?.rawValue
            findings = r.findings.map(FindingEntry.init)
            failure = r.failure.map(Failure.init)
            waiver = r.waiver.map(WaiverEntry.init)
            log = r.log
        }
    }

    struct FindingEntry: Encodable {
        let level: String
        let message: String
        let location: Location
        let path: String?
        let evidence: [String]

        init(_ f: Finding) {
            level = f.level.rawValue
            message = f.message
            location = Location(f.location)
            path = f.path?.description
            evidence = f.evidence
        }
    }

    struct Failure: Encodable {
        let kind: String
        let message: String
        let location: Location?

        init(_ f: RuleResult.Failure) {
            kind = f.kind.rawValue
            message = f.message
            location = f.location.map(Location.init)
        }
    }

    /// The waiver a result carries (``RuleResult/AppliedWaiver``), in the report's words.
    struct WaiverEntry: Encodable {
        let reason: String
        let approvedBy: String
        let expires: String
        let location: Location

        enum CodingKeys: String, CodingKey {
            case reason, expires, location
            case approvedBy = "approved_by"
        }

        init(_ w: RuleResult.AppliedWaiver) {
            reason = w.reason
            approvedBy = w.approvedBy
            expires = w.expires.description
            location = Location(w.location)
        }
    }

    struct Problem: Encodable {
        let severity: String
        let code: String
        let message: String
        let hint: String?
        let location: Location

        init(_ d: Diagnostic) {
            severity = d.severity.rawValue
            code = d.code.rawValue
            message = d.message
            hint = d.hint
            location = Location(d.location)
        }
    }
}
