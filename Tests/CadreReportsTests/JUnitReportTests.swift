import CadreModel
import Testing

@testable import CadreEngine
@testable import CadreReports

/// JUnit XML as a CI server reads it: a suite per system, a case per rule, totals on the
/// suites, text from outside cadre escaped for XML.
@Suite struct JUnitReportTests {
    @Test func suitesCasesAndTotals() {
        let xml = ReportFixture.report(.junit)
        let lines = xml.split(separator: "\n").map(String.init)
        #expect(lines.first == #"<?xml version="1.0" encoding="UTF-8"?>"#)
        #expect(
            lines.dropFirst().first
                == #"<testsuites name="cadre as of 2026-11-29" tests="7" failures="1" errors="2" time="0">"#)
        #expect(lines.last == "</testsuites>")
        #expect(
            lines.filter { $0.hasPrefix("  <testsuite ") } == [
                #"  <testsuite name="crm" tests="3" failures="1" errors="0" skipped="1" time="0" file="systems/a.yaml">"#,
                #"  <testsuite name="bot" tests="3" failures="0" errors="1" skipped="1" time="0" file="systems/b.yaml">"#,
                #"  <testsuite name="systems/broken.yaml" tests="1" failures="0" errors="1" skipped="0" time="0" file="systems/broken.yaml">"#,
            ])
        #expect(lines.filter { $0 == "  </testsuite>" }.count == 3)
        #expect(lines.filter { $0.hasPrefix("    <testcase ") }.count == 7)
        #expect(lines.filter { $0 == "    </testcase>" }.count == 7)
    }

    @Test func eachStatusAsJUnitSaysIt() {
        let xml = ReportFixture.report(.junit)
        #expect(xml.contains(#"<testcase classname="crm" name="ai.log: Logs" time="0">"# + "\n    </testcase>"))
        #expect(xml.contains(#"<skipped message="waived until 2027-03-31: banner ships in March"/>"#))
        #expect(xml.contains(#"<skipped message="not-applicable"/>"#))
        #expect(
            xml.contains(
                #"<error message="attempt to index a nil value" type="runtime">../policies/gdpr/retention.lua:12:1</error>"#
            ))
        #expect(xml.contains("<system-out>systems/b.yaml:5:3: warn: cookie lifetime unknown</system-out>"))
        #expect(
            xml.contains(
                #"<error message="invalid descriptor" type="invalid-descriptor">systems/broken.yaml:1:1: error: missing field `id` [missing-field]"#
            ))
    }

    @Test func textFromOutsideIsEscapedForXML() {
        let xml = ReportFixture.report(.junit)
        let escaped = "a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;"
        #expect(xml.contains(#"name="gdpr.retention: Retention is \#(escaped)""#))
        #expect(
            xml.contains(
                #"<failure message="no retention for \#(escaped)"# + "\nsecond line\u{FFFD}[2J\" type=\"high\">"))
        #expect(!xml.contains("\u{1B}"), "XML 1.0 allows no escape character")
        #expect(!xml.contains("<b>"))
        #expect(JUnitReport.escape("x\u{0}y\u{FFFE}\tz") == "x\u{FFFD}y\u{FFFD}\tz")
    }
}
