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

    /// The escape's shortcut (text with nothing to escape returned as it is) changes nothing: every
    /// ASCII character, the characters around U+FFFE, and random text escape as character by
    /// character.
    @Test func escapingAgreesWithTheCharacterByCharacterRule() {
        func reference(_ text: String) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'": out += "&apos;"
                case "\n", "\t", "\r": out.unicodeScalars.append(scalar)
                default:
                    let invalid = scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value)
                    out += invalid ? "\u{FFFD}" : String(scalar)
                }
            }
            return out
        }
        var texts = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
        texts += ["\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "\u{EFFF}", "\u{F000}", "é😀", "plain text", ""]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let scalars = (0..<Int.random(in: 0...10, using: &generator)).compactMap { _ in
                UnicodeScalar(
                    [UInt32.random(in: 0..<0x80), UInt32.random(in: 0xFFF0...0xFFFF), UInt32.random(in: 0x80..<0xD800)]
                        .randomElement(using: &generator)!)
            }
            texts.append(String(String.UnicodeScalarView(scalars)))
        }
        for text in texts {
            #expect(JUnitReport.escape(text) == reference(text), "\(Array(text.unicodeScalars))")
        }
    }
}
