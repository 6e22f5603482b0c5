import CadreModel
import Foundation
import Testing

@testable import CadreEngine
@testable import CadreReports

/// The HTML report shows text cadre did not write as typed, quotes descriptors without their
/// secrets, links the law, and colours the matrix by the worst result.
@Suite struct HTMLReportTests {
    static let hostile = "<script>alert('x')</script>"

    /// An evaluation whose every text from outside cadre holds `<script>`: a system's id and
    /// name, a rule's title, remediation and references, a finding's message and evidence, a
    /// waiver's reason and approver, a pack's title and version, a problem's message.
    static func evaluation(file: String = "systems/a.yaml", digest: String = "") -> Evaluation {
        let location = SourceLocation(file: file, line: 4, column: 3)
        let rules = [
            RuleInfo(
                id: "gdpr.x", title: "Title \(hostile)", severity: .high,
                references: ["GDPR Art. 5(1)(e)", "javascript:alert(1)", RuleReference("CNIL NS-57 \(hostile)")],
                remediation: "Do \(hostile)\nthen this", pack: "gdpr", packVersion: "1.0.0", file: "gdpr/x.lua"),
            RuleInfo(
                id: "cnil.y", title: "Y", severity: .critical, references: [], pack: "cnil", packVersion: "1.0.0",
                file: "cnil/y.lua"),
            RuleInfo(
                id: "cnil.z", title: "Z", severity: .low, references: [], pack: "cnil", packVersion: "1.0.0",
                file: "cnil/z.lua"),
        ]
        var system = SystemEvaluation(
            file: file, id: "sys-\(hostile)", name: "Name \(hostile)", digest: digest,
            results: [
                RuleResult(
                    rule: "cnil.y", system: "a", status: .waived, severity: .critical,
                    findings: [Finding(level: .fail, message: "waived one", location: location)],
                    waiver: .init(
                        reason: "Reason \(hostile)", approvedBy: "dpo \(hostile)",
                        expires: ISODate(year: 2027, month: 1, day: 1)!,
                        location: location)),
                RuleResult(rule: "cnil.z", system: "a", status: .pass, severity: .low),
                RuleResult(
                    rule: "gdpr.x", system: "a", status: .fail, severity: .high,
                    findings: [
                        Finding(
                            level: .fail, message: "Message \(hostile)", location: location,
                            evidence: ["**** \(hostile)"])
                    ]),
            ], diagnostics: [.warning(.engine, at: location, "Problem \(hostile)")])
        system.profile = SystemProfile(
            description: "Does \(hostile)", owner: "team \(hostile)", role: "deployer",
            purposes: [.init(id: "support", description: "Purpose \(hostile)", legalBasis: "contract")],
            ai: [.init(id: "bot", kind: "chatbot")], stores: [.init(id: "db", engine: "postgres", tables: ["t<b>"])])
        let pack = { (id: String) in
            Evaluation.PackSummary(
                id: id, version: "1.0.0 \(hostile)", title: "Pack \(hostile)", folder: id, digest: "sha256:abc",
                settings: [:], files: [:])
        }
        return Evaluation(
            asOf: ISODate(year: 2026, month: 11, day: 29)!, workspace: "Workspace \(hostile)",
            packs: [pack("cnil"), pack("gdpr")], rules: rules, systems: [system], diagnostics: [])
    }

    static func html(_ evaluation: Evaluation, timeline: ReportTimeline? = nil) -> String {
        ReportFormat.html.render(evaluation, context: ReportContext(toolVersion: "0.1.0", timeline: timeline))
    }

    @Test func textCadreDidNotWriteCannotBecomeMarkup() {
        let page = Self.html(Self.evaluation())
        #expect(!page.contains("<script>alert"), "a hostile text became a script element")
        #expect(!page.contains("alert('x')"), "a quote stayed a quote")
        #expect(page.components(separatedBy: "<script>").count == 2, "one script: cadre's own")
        #expect(page.contains("Message &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(page.contains("Title &lt;script&gt;"))
        #expect(page.contains("sys-&lt;script&gt;"))
        #expect(page.contains("Reason &lt;script&gt;"))
        #expect(page.contains("dpo &lt;script&gt;"))
        #expect(page.contains("<code>t&lt;b&gt;</code>"))
        #expect(!page.contains("href=\"javascript:"), "only web addresses are links")
        #expect(
            page.contains(
                "<a href=\"https://eur-lex.europa.eu/eli/reg/2016/679/oj\" rel=\"noreferrer\">GDPR Art. 5(1)(e)</a>"))
    }

    @Test func controlCharactersAreShownNotObeyed() {
        #expect(HTMLText.text("a\u{1B}[2Jb\u{202E}c") == "a\\u{1B}[2Jb\\u{202E}c")
        #expect(HTMLText.text("x\ny") == "x\\ny")
        #expect(HTMLText.lines("x\ny") == "x\ny")
        #expect(HTMLText.attribute("\" onclick=\"x") == "&quot; onclick=&quot;x")
        #expect(HTMLText.webAddress("https://example.com/a?b=c&d=e") == "https://example.com/a?b=c&amp;d=e")
        #expect(HTMLText.webAddress("https://x.example/\"><script>") == nil)
        #expect(HTMLText.webAddress("data:text/html,hi") == nil)
    }

    @Test func theMatrixTakesTheWorstResultOfEachPack() {
        let page = Self.html(Self.evaluation())
        // cnil: waived beats pass; gdpr: fail.
        #expect(page.contains("<td class=\"cell waived\"><a href=\"#s0-p0\">waived</a></td>"))
        #expect(page.contains("<td class=\"cell fail\"><a href=\"#s0-p1\">fail 1</a></td>"))
        #expect(page.contains("id=\"s0-p1\""))
        #expect(page.contains("data-status=\"fail\" data-severity=\"high\" data-pack=\"gdpr\""))
        #expect(!page.contains("data-status=\"pass\""), "passing results are listed with --verbose only")
    }

    @Test func findingsQuoteTheDescriptorWithoutItsSecrets() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a.yaml").path
        let text = """
            cadre: system/v1
            stores:
              - id: db
                url: postgres://app:hunter2@db.example/crm?sslpassword=s3cret
                engine: postgres <b>
            id: a

            """
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        let page = Self.html(Self.evaluation(file: file, digest: Digest.sha256(Array(text.utf8))))
        #expect(!page.contains("hunter2"))
        #expect(!page.contains("s3cret"))
        #expect(
            page.contains(
                "<mark><span class=\"ln\">   4</span>     url: postgres://app:•••@db.example/crm?sslpassword=•••</mark>"
            ))
        #expect(page.contains("<span class=\"ln\">   5</span>     engine: postgres &lt;b&gt;"))
        #expect(page.contains("<span class=\"ln\">   2</span> stores:"))
        #expect(!page.contains("<span class=\"ln\">   1</span>"), "two lines before, two after")

        // A descriptor changed since the run is not quoted.
        let stale = Self.html(Self.evaluation(file: file, digest: "sha256:other"))
        #expect(!stale.contains("class=\"excerpt\""))
    }

    @Test func theTimelineIsDrawnAndListed() {
        let timeline = ReportTimeline(
            from: ISODate(year: 2026, month: 11, day: 29)!, until: ISODate(year: 2028, month: 11, day: 29)!,
            entries: [
                .init(
                    date: ISODate(year: 2027, month: 8, day: 2)!, kind: .comesIntoForce, rule: "gdpr.x",
                    systemCount: 14, systems: ["a", "b<i>"])
            ])
        let page = Self.html(Self.evaluation(), timeline: timeline)
        #expect(page.contains("<svg class=\"chart\" role=\"img\""))
        #expect(page.contains("<circle class=\"starts\""))
        #expect(page.contains("gdpr.x (14)"))
        #expect(page.contains("<code>b&lt;i&gt;</code> and 12 more"))
        #expect(page.contains(">2027</text>"))
    }

    @Test func aWaiverThatExpiresIsOnTheTimeline() {
        let timeline = ReportTimeline(
            from: ISODate(year: 2026, month: 11, day: 29)!, until: ISODate(year: 2028, month: 11, day: 29)!,
            entries: [
                .init(
                    date: ISODate(year: 2026, month: 12, day: 31)!, kind: .waiverExpires, rule: "gdpr.x",
                    systemCount: 1, systems: ["voicebot"], approvedBy: "dpo@<x>")
            ])
        let page = Self.html(Self.evaluation(), timeline: timeline)
        #expect(page.contains("<polygon class=\"expires\""))
        #expect(page.contains("the waiver of gdpr.x on voicebot expires on 2026-12-31"))
        #expect(page.contains("<td>waiver expires</td>"))
        #expect(page.contains("<td>approved by dpo@&lt;x&gt;</td>"))
        #expect(page.contains(">gdpr.x on voicebot</text>"))
    }

    @Test func thePageIsOneDocumentThatFetchesNothing() {
        let page = Self.html(Self.evaluation())
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(page.hasSuffix("</html>\n"))
        #expect(page.contains("Content-Security-Policy\" content=\"default-src 'none';"))
        for external in ["src=\"http", "href=\"//", "@import", "url(", "<link "] {
            #expect(!page.contains(external), "\(external)")
        }
    }
}
