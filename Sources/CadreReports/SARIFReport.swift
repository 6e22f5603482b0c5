import CadreEngine
import CadreModel
import Foundation

/// SARIF 2.1.0: each finding a result located in its descriptor file, each rule with its help
/// text, waived results as accepted suppressions. Loads in GitHub code scanning.
struct SARIFReport {
    let evaluation: any ReportedEvaluation
    let context: ReportContext

    /// Rules cadre itself reports under (problems of descriptors and of rule runs).
    static let invalidDescriptor = "cadre.invalid-descriptor"
    static let ruleError = "cadre.rule-error"

    /// The document is serialized without its results; each system's results are then
    /// serialized on their own and written in their place, indented as the whole would be.
    func write(to output: ReportOutput) throws {
        var rules: [[String: Any]] = evaluation.rules.map(rule)
        rules.append(
            builtIn(
                Self.invalidDescriptor, "Descriptor is invalid",
                "The descriptor does not follow the `cadre: system/v1` format: no rule could run on it.", level: "error"
            ))
        rules.append(
            builtIn(
                Self.ruleError, "Rule could not be evaluated",
                "A rule raised an error or passed one of its limits on this system: its obligation was not checked.",
                level: "error"))
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1["id"] as? String ?? "", $0) })

        let options: JSONSerialization.WritingOptions = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let frame = String(
            decoding: try JSONSerialization.data(withJSONObject: document(rules), options: options), as: UTF8.self)
        let hole = "\"results\" : [\n\n      ]"
        guard let place = frame.range(of: hole) else {
            try output.write(frame + "\n")
            return
        }
        try output.write(String(frame[..<place.lowerBound]) + "\"results\" : [")
        var first = true
        try evaluation.forEachSystem { system in
            for entry in results(of: system, ruleIndex: ruleIndex) {
                let bytes = try JSONSerialization.data(withJSONObject: entry, options: options)
                try output.write((first ? "\n" : ",\n") + JSONIndent.indented(bytes, by: 8))
                first = false
            }
        }
        try output.write((first ? "\n\n      ]" : "\n      ]") + frame[place.upperBound...] + "\n")
    }

    /// The SARIF results of `system`: its descriptor's errors, its rules' errors, and each
    /// finding of a failed, warned or waived result.
    private func results(of system: SystemEvaluation, ruleIndex: [String: Int]) -> [[String: Any]] {
        var results: [[String: Any]] = []
        for diagnostic in system.diagnostics where diagnostic.isError {
            results.append(
                result(
                    rule: Self.invalidDescriptor, index: ruleIndex, level: "error",
                    message: "\(diagnostic.message)" + (diagnostic.hint.map { " (\($0))" } ?? ""),
                    location: diagnostic.location,
                    fingerprint: [system.file, diagnostic.code.rawValue, diagnostic.message]))
        }
        for outcome in system.results {
            switch outcome.status {
            case .error:
                let failure = outcome.failure
                results.append(
                    result(
                        rule: Self.ruleError, index: ruleIndex, level: "error",
                        message:
                            "\(outcome.rule) could not be evaluated on \(outcome.system): \(failure?.kind.rawValue ?? "error"): \(failure?.message ?? "")",
                        location: .start(of: system.file),
                        fingerprint: [outcome.rule, outcome.system, failure?.kind.rawValue ?? ""]))
            case .fail, .warn, .waived:
                for finding in outcome.findings {
                    var entry = result(
                        rule: outcome.rule, index: ruleIndex, level: level(finding.level, outcome.severity),
                        message: finding.message, location: finding.location,
                        fingerprint: [
                            outcome.rule, outcome.system, finding.path?.description ?? "", finding.message,
                        ])
                    if let waiver = outcome.waiver {
                        entry["suppressions"] = [
                            [
                                "kind": "external", "status": "accepted",
                                "justification":
                                    "\(waiver.reason) (approved by \(waiver.approvedBy), until \(waiver.expires))",
                            ]
                        ]
                    }
                    results.append(entry)
                }
            case .pass, .skipped:
                continue
            }
        }
        return results
    }

    /// The document without its results (written one system at a time, in their place).
    private func document(_ rules: [[String: Any]]) -> [String: Any] {
        [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [
                [
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
            ],
        ]
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
        return [
            "id": info.id,
            "name": info.id,
            "shortDescription": ["text": info.title],
            "fullDescription": ["text": info.description ?? info.title],
            "help": ["text": help, "markdown": markdown],
            "defaultConfiguration": ["level": level(.fail, info.severity)],
            "properties": [
                "tags": ["compliance", info.pack] + info.tags,
                "severity": info.severity.rawValue,
                "confidence": info.confidence.rawValue,
                "references": info.references.map(\.citation),
            ],
        ]
    }

    private func builtIn(_ id: String, _ title: String, _ text: String, level: String) -> [String: Any] {
        [
            "id": id, "name": id, "shortDescription": ["text": title], "fullDescription": ["text": text],
            "help": ["text": text], "defaultConfiguration": ["level": level], "properties": ["tags": ["cadre"]],
        ]
    }

    private func result(
        rule: String, index: [String: Int], level: String, message: String, location: SourceLocation,
        fingerprint: [String]
    ) -> [String: Any] {
        var region: [String: Any] = [:]
        if location.line > 0 {
            region["startLine"] = location.line
            region["startColumn"] = max(location.column, 1)
        }
        var physical: [String: Any] = ["artifactLocation": ["uri": Self.uri(location.file), "uriBaseId": "%SRCROOT%"]]
        if !region.isEmpty { physical["region"] = region }
        return [
            "ruleId": rule,
            "ruleIndex": index[rule] ?? 0,
            "level": level,
            "message": ["text": message],
            "locations": [["physicalLocation": physical]],
            "partialFingerprints": ["cadreFinding/v1": Digest.fingerprint(fingerprint)],
        ]
    }

    /// SARIF levels: failures of critical and high rules are errors, of medium ones warnings, of
    /// low and info ones notes; warnings are warnings, information notes.
    private func level(_ finding: Finding.Level, _ severity: Severity) -> String {
        switch finding {
        case .info: "note"
        case .warn: "warning"
        case .fail: severity >= .high ? "error" : (severity == .medium ? "warning" : "note")
        }
    }

    /// A relative file path as a URI reference (percent-encoded, `/` kept).
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        let trimmed = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        return trimmed.addingPercentEncoding(withAllowedCharacters: allowed) ?? trimmed
    }
}
