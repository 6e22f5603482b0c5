import CadreEngine
import CadreModel
import Foundation

/// SARIF 2.1.0: each finding a result located in its descriptor file, named from the
/// repository's root (``SourceRoot``), each rule with its help text, its legal source's address
/// and a security severity, waived results as accepted suppressions. Loads in GitHub code
/// scanning, which ties each result to the file of the repository.
struct SARIFReport {
    let evaluation: any ReportedEvaluation
    let context: ReportContext

    /// The id code scanning resolves file URIs against.
    static let baseID = "SRCROOT"
    /// Where cadre's own rules are explained.
    static let documentation = "https://github.com/cadre-governance/cadre/blob/main/docs/output.md#sarif"

    /// The document is serialized without its results; each system's results are then
    /// serialized on their own and written in their place, indented as the whole would be.
    func write(to output: ReportOutput) throws {
        var rules: [[String: Any]] = evaluation.rules.map(rule)
        rules.append(
            builtIn(
                CIIssue.invalidDescriptor, "Descriptor is invalid",
                "The descriptor does not follow the `cadre: system/v1` format: no rule could run on it."))
        rules.append(
            builtIn(
                CIIssue.ruleError, "Rule could not be evaluated",
                "A rule raised an error or passed one of its limits on this system, or a store it reads could not be read: its obligation was not checked."
            ))
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1["id"] as? String ?? "", $0) })

        var run: [String: Any] = [
            "tool": [
                "driver": [
                    "name": "cadre", "version": context.toolVersion, "semanticVersion": context.toolVersion,
                    "informationUri": "https://github.com/cadre-governance/cadre",
                    "rules": rules,
                ]
            ],
            "columnKind": "unicodeCodePoints",
            "results": [] as [Any],
            "properties": [
                "asOf": evaluation.asOf.description, "packs": evaluation.packs.map { "\($0.id)@\($0.version)" },
            ],
        ]
        if let root = context.sourceRoot {
            run["originalUriBaseIds"] = [
                Self.baseID: [
                    "uri": root.uri,
                    "description": [
                        "text": "The root of the repository (or of the workspace) the files are named from."
                    ],
                ]
            ]
        }
        let document: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [run],
        ]
        let options: JSONSerialization.WritingOptions = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let frame = String(
            decoding: try JSONSerialization.data(withJSONObject: document, options: options), as: UTF8.self)
        let hole = "\"results\" : [\n\n      ]"
        guard let place = frame.range(of: hole) else {
            try output.write(frame + "\n")
            return
        }
        try output.write(String(frame[..<place.lowerBound]) + "\"results\" : [")
        var first = true
        var json = PrettyJSON()
        try evaluation.forEachSystem { system in
            for issue in CIIssue.issues(of: system) {
                json.reset(depth: 4)
                json.indentation()
                write(issue, index: ruleIndex, to: &json)
                try output.write(first ? "\n" : ",\n")
                try output.write(bytes: json.bytes)
                first = false
            }
        }
        try output.write((first ? "\n\n      ]" : "\n      ]") + frame[place.upperBound...] + "\n")
    }

    private func rule(_ info: RuleInfo) -> [String: Any] {
        var help = info.description ?? info.title
        if let remediation = info.remediation { help += "\n\nWhat to do: " + remediation }
        help += "\n\nReferences: " + info.references.citations(joinedBy: "; ")
        var markdown = "**\(info.title)**\n\n" + (info.description ?? "")
        if let remediation = info.remediation { markdown += "\n\n**What to do:** " + remediation }
        markdown += "\n\n**References:** " + info.references.citations(joinedBy: "; ")
        markdown +=
            "\n\nSeverity `\(info.severity.rawValue)`, confidence `\(info.confidence.rawValue)`, pack `\(info.pack)` \(info.packVersion)."
        var entry: [String: Any] = [
            "id": info.id,
            "name": info.id,
            "shortDescription": ["text": info.title],
            "fullDescription": ["text": info.description ?? info.title],
            "help": ["text": help, "markdown": markdown],
            "defaultConfiguration": ["level": CIIssue.level(ofFailureAt: info.severity).rawValue],
            "properties": [
                "tags": ["compliance", "security", info.pack] + info.tags,
                "severity": info.severity.rawValue,
                "security-severity": Self.securitySeverity(info.severity),
                "confidence": info.confidence.rawValue,
                "references": info.references.map(\.citation),
            ],
        ]
        if let url = info.primarySourceURL { entry["helpUri"] = url }
        return entry
    }

    private func builtIn(_ id: String, _ title: String, _ text: String) -> [String: Any] {
        [
            "id": id, "name": id, "shortDescription": ["text": title], "fullDescription": ["text": text],
            "help": ["text": text], "helpUri": Self.documentation, "defaultConfiguration": ["level": "error"],
            "properties": ["tags": ["cadre"], "security-severity": Self.securitySeverity(.high)],
        ]
    }

    /// GitHub's security severity (a number from 0 to 10, as a string), so code scanning ranks
    /// alerts as the rules do: critical 9.5, high 8.0, medium 5.5, low 3.0, info 1.0.
    static func securitySeverity(_ severity: Severity) -> String {
        switch severity {
        case .critical: "9.5"
        case .high: "8.0"
        case .medium: "5.5"
        case .low: "3.0"
        case .info: "1.0"
        }
    }

    /// One SARIF result: an issue (``CIIssue``), a waived one as an accepted suppression. Keys in
    /// the order `JSONSerialization` sorts them (without regard to case), as the rest of the document.
    func write(_ issue: CIIssue, index: [String: Int], to json: inout PrettyJSON) {
        let location = issue.location
        json.openObject()
        json.field("level", issue.level.rawValue)
        json.key("locations")
        json.openArray()
        json.item()
        json.openObject()
        json.key("physicalLocation")
        json.openObject()
        json.key("artifactLocation")
        json.openObject()
        let (path, inRoot) = context.rooted.path(location.file)
        if inRoot {
            json.field("uri", SourceRoot.encoded(path))
            json.field("uriBaseId", Self.baseID)
        } else {
            json.field("uri", "file://" + SourceRoot.encoded(path))
        }
        json.closeObject()
        if location.line > 0 {
            json.key("region")
            json.openObject()
            json.field("startColumn", max(location.column, 1))
            json.field("startLine", location.line)
            json.closeObject()
        }
        json.closeObject()
        json.closeObject()
        json.closeArray()
        json.key("message")
        json.openObject()
        json.field("text", issue.message)
        json.closeObject()
        json.key("partialFingerprints")
        json.openObject()
        json.field("cadreFinding/v1", issue.digest)
        json.closeObject()
        json.field("ruleId", issue.rule)
        json.field("ruleIndex", index[issue.rule] ?? 0)
        if let waiver = issue.waiver {
            json.key("suppressions")
            json.openArray()
            json.item()
            json.openObject()
            json.field(
                "justification", "\(waiver.reason) (approved by \(waiver.approvedBy), until \(waiver.expires))")
            json.field("kind", "external")
            json.field("status", "accepted")
            json.closeObject()
            json.closeArray()
        }
        json.closeObject()
    }
}
