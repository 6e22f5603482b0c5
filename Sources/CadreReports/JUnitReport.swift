import CadreEngine
import CadreModel

/// JUnit XML for CI test reports: a suite per system, a case per rule. Failures and errors are
/// `failure` and `error` elements; skipped and waived results are `skipped`. Valid against the
/// common JUnit schema (Jenkins' `junit-10.xsd`): `skipped` counts only on suites, the file on
/// the suite, and `time="0"` everywhere, since a report holds no clock reading.
struct JUnitReport {
    let evaluation: any ReportedEvaluation
    let context: ReportContext

    func write(to output: ReportOutput) throws {
        let summary = evaluation.summary
        let failures = summary.count(.fail)
        let errors = summary.count(.error) + summary.invalidSystems
        var xml = [#"<?xml version="1.0" encoding="UTF-8"?>"#]
        xml.append(
            #"<testsuites name="cadre as of \#(evaluation.asOf)" tests="\#(summary.results + summary.invalidSystems)" failures="\#(failures)" errors="\#(errors)" time="0">"#
        )
        try output.write(lines: xml)
        try evaluation.forEachSystem { system in
            var xml: [String] = []
            let name = escape(system.id ?? system.file)
            let systemFailures = system.results.filter { $0.status == .fail }.count
            let systemErrors = system.results.filter { $0.status == .error }.count + (system.isValid ? 0 : 1)
            let systemSkipped = system.results.filter { $0.status == .skipped || $0.status == .waived }.count
            let tests = system.results.count + (system.isValid ? 0 : 1)
            xml.append(
                #"  <testsuite name="\#(name)" tests="\#(tests)" failures="\#(systemFailures)" errors="\#(systemErrors)" skipped="\#(systemSkipped)" time="0" file="\#(escape(system.file))">"#
            )
            if !system.isValid {
                let message = system.diagnostics.filter(\.isError).map(\.description).joined(separator: "\n")
                xml.append(#"    <testcase classname="\#(name)" name="descriptor" time="0">"#)
                xml.append(
                    #"      <error message="invalid descriptor" type="invalid-descriptor">\#(escape(message))</error>"#)
                xml.append("    </testcase>")
            }
            for result in system.results { xml += testcase(result, suite: name) }
            xml.append("  </testsuite>")
            try output.write(lines: xml)
        }
        try output.write(lines: ["</testsuites>"])
    }

    private func testcase(_ result: RuleResult, suite: String) -> [String] {
        let title = evaluation.rule(result.rule)?.title ?? result.rule
        var lines = [
            #"    <testcase classname="\#(suite)" name="\#(escape(result.rule)): \#(escape(title))" time="0">"#
        ]
        let details = result.findings.map { "\($0.location): \($0.level.rawValue): \($0.message)" }.joined(
            separator: "\n")
        switch result.status {
        case .fail:
            let first = result.findings.first { $0.level == .fail }?.message ?? "failed"
            lines.append(
                #"      <failure message="\#(escape(first))" type="\#(result.severity.rawValue)">\#(escape(details))</failure>"#
            )
        case .error:
            let failure = result.failure
            let place = failure?.location.map { "\($0)" } ?? ""
            lines.append(
                #"      <error message="\#(escape(failure?.message ?? "error"))" type="\#(escape(failure?.kind.rawValue ?? "error"))">\#(escape(place))</error>"#
            )
        case .skipped:
            lines.append(#"      <skipped message="\#(result.skipReason?.rawValue ?? "skipped")"/>"#)
        case .waived:
            let waiver = result.waiver
            lines.append(
                #"      <skipped message="\#(escape("waived until \(waiver?.expires.description ?? "?"): \(waiver?.reason ?? "")"))"/>"#
            )
        case .warn:
            lines.append("      <system-out>\(escape(details))</system-out>")
        case .pass:
            if !details.isEmpty { lines.append("      <system-out>\(escape(details))</system-out>") }
        }
        lines.append("    </testcase>")
        return lines
    }

    private func escape(_ text: String) -> String { Self.escape(text) }

    /// `text` as XML character data or attribute value.
    static func escape(_ text: String) -> String {
        // Most text needs nothing: returned as it is, after one look at its bytes (U+FFFE and
        // U+FFFF start with the byte 0xEF in UTF-8).
        let special: (UInt8) -> Bool = { byte in
            switch byte {
            case 0x26, 0x3C, 0x3E, 0x22, 0x27, 0xEF: true
            case 0x09, 0x0A, 0x0D: false
            default: byte < 0x20
            }
        }
        guard text.utf8.contains(where: special) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\t", "\r": out.unicodeScalars.append(scalar)
            default:
                // XML 1.0 allows no other control characters.
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
