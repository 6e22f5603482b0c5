import CadreEngine
import CadreModel

/// `cadre test --format junit`: a suite per test file, a case per test; failed expectations are
/// `failure` elements with the expected and actual values, errors are `error` elements. Problems
/// with the inputs (a test file that does not compile) are errored cases of their own.
struct TestJUnitReport {
    let report: TestReport
    let context: TestReportContext

    func render() -> String {
        let summary = report.summary
        let problems = report.diagnostics.filter(\.isError)
        var xml = [#"<?xml version="1.0" encoding="UTF-8"?>"#]
        xml.append(
            #"<testsuites name="cadre test" tests="\#(summary.total + problems.count)" failures="\#(summary.failed)" errors="\#(summary.errors + problems.count)" time="0">"#
        )
        if !problems.isEmpty {
            xml.append(
                #"  <testsuite name="inputs" tests="\#(problems.count)" failures="0" errors="\#(problems.count)" time="0">"#
            )
            for problem in problems {
                xml.append(
                    #"    <testcase classname="inputs" name="\#(escape(problem.location.description))" time="0">"#
                )
                xml.append(
                    #"      <error message="\#(escape(problem.message))" type="\#(escape(problem.code.rawValue))">\#(escape(problem.description))</error>"#
                )
                xml.append("    </testcase>")
            }
            xml.append("  </testsuite>")
        }
        var files: [String] = []
        var byFile: [String: [TestCase]] = [:]
        for test in report.cases {
            if byFile[test.file] == nil { files.append(test.file) }
            byFile[test.file, default: []].append(test)
        }
        for file in files {
            let tests = byFile[file] ?? []
            let failures = tests.filter { $0.status == .fail }.count
            let errors = tests.filter { $0.status == .error }.count
            xml.append(
                #"  <testsuite name="\#(escape(file))" tests="\#(tests.count)" failures="\#(failures)" errors="\#(errors)" time="0" file="\#(escape(file))">"#
            )
            for test in tests { xml += testcase(test) }
            xml.append("  </testsuite>")
        }
        xml.append("</testsuites>")
        return xml.joined(separator: "\n") + "\n"
    }

    private func testcase(_ test: TestCase) -> [String] {
        var lines = [
            #"    <testcase classname="\#(escape(test.pack))" name="\#(escape(test.name))" time="0">"#
        ]
        if let failure = test.failures.first {
            var details: [String] = []
            for f in test.failures {
                details.append("\(f.location.map { "\($0.file):\($0.line): " } ?? "")\(f.message)")
                if let expected = f.expected { details.append("expected: \(expected)") }
                if let actual = f.actual { details.append("actual: \(actual)") }
            }
            let element = test.status == .error ? "error" : "failure"
            let type = failure.errorKind ?? failure.kind.rawValue
            lines.append(
                #"      <\#(element) message="\#(escape(failure.message))" type="\#(escape(type))">\#(escape(details.joined(separator: "\n")))</\#(element)>"#
            )
        }
        if !test.output.isEmpty {
            lines.append("      <system-out>\(escape(test.output.joined(separator: "\n")))</system-out>")
        }
        lines.append("    </testcase>")
        return lines
    }

    private func escape(_ text: String) -> String { JUnitReport.escape(text) }
}
