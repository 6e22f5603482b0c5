import CadreEngine
import CadreModel
import Foundation

/// The report for programs: every result of the run, in the stable `cadre-evaluation/v1` shape
/// documented in docs/output.md. Keys are sorted; the same inputs give the same bytes.
struct JSONReport {
    let evaluation: any ReportedEvaluation
    let context: ReportContext

    /// The document is encoded without its systems; each system is then written in its place by
    /// ``PrettyJSON``, as the encoder would have printed it there.
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
        var json = PrettyJSON()
        try evaluation.forEachSystem { system in
            json.reset(depth: 2)
            json.indentation()
            Self.write(system, to: &json)
            try output.write(first ? "\n" : ",\n")
            try output.write(bytes: json.bytes)
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
        /// Always empty: the systems are written in its place.
        let systems: [Int]
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

// MARK: - Systems

extension JSONReport {
    /// One system of `systems`, keys sorted.
    static func write(_ system: SystemEvaluation, to json: inout PrettyJSON) {
        json.openObject()
        json.array("diagnostics", system.diagnostics) { write($0, to: &$1) }
        json.field("digest", system.digest)
        json.field("file", system.file)
        json.field("id", system.id)
        json.field("name", system.name)
        json.array("results", system.results) { write($0, to: &$1) }
        json.key("valid")
        json.boolean(system.isValid)
        json.closeObject()
    }

    static func write(_ result: RuleResult, to json: inout PrettyJSON) {
        json.openObject()
        if let failure = result.failure {
            json.key("failure")
            json.openObject()
            json.field("kind", failure.kind.rawValue)
            if let location = failure.location {
                json.key("location")
                write(location, to: &json)
            }
            json.field("message", failure.message)
            json.closeObject()
        }
        json.array("findings", result.findings) { finding, json in
            json.openObject()
            json.field("evidence", finding.evidence)
            json.field("level", finding.level.rawValue)
            json.key("location")
            write(finding.location, to: &json)
            json.field("message", finding.message)
            json.field("path", finding.path?.description)
            json.closeObject()
        }
        json.field("log", result.log)
        json.field("rule", result.rule)
        json.field("severity", result.severity.rawValue)
        json.field("skip_reason", result.skipReason?.rawValue)
        json.field("status", result.status.rawValue)
        if let waiver = result.waiver {
            json.key("waiver")
            json.openObject()
            json.field("approved_by", waiver.approvedBy)
            json.field("expires", waiver.expires.description)
            json.key("location")
            write(waiver.location, to: &json)
            json.field("reason", waiver.reason)
            json.closeObject()
        }
        json.closeObject()
    }

    /// A ``Problem``, as the encoder prints it.
    static func write(_ diagnostic: Diagnostic, to json: inout PrettyJSON) {
        json.openObject()
        json.field("code", diagnostic.code.rawValue)
        json.field("hint", diagnostic.hint)
        json.key("location")
        write(diagnostic.location, to: &json)
        json.field("message", diagnostic.message)
        json.field("severity", diagnostic.severity.rawValue)
        json.closeObject()
    }

    /// A ``Location``, as the encoder prints it.
    static func write(_ location: SourceLocation, to json: inout PrettyJSON) {
        json.openObject()
        json.field("column", location.column)
        json.field("file", location.file)
        json.field("line", location.line)
        json.closeObject()
    }
}
