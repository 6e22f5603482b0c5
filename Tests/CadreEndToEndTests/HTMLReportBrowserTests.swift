import Foundation
import Testing

/// The HTML report of the example workspace in a real browser (headless Chromium, driven by
/// Scripts/check_html.py in one session): every system and failing rule shows, the filters change
/// what shows, the keyboard reaches the page, it prints, and nothing errs or is fetched.
@Suite(.serialized) struct HTMLReportBrowserTests {
    @Test func theExampleReportWorksInABrowser() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("report.html").path
        let evaluate = EvaluateCommandTests()
        let written = try evaluate.evaluate(["--format", "html", "--output", report])
        #expect(written.status == 1, "\(written.stderr)")

        // What the page must show: every system, and every failing rule of each (the same run as JSON).
        let json = try evaluate.evaluate([
            "--format", "json", "--output", folder.appendingPathComponent("report.json").path,
        ])
        #expect(json.status == 1, "\(json.stderr)")
        let check = try CadreCommand.runProgram(
            "python3",
            [
                "Tests/CadreEndToEndTests/Scripts/check_html.py", report,
                folder.appendingPathComponent("report.json").path,
                "--screenshots",
                folder.appendingPathComponent("screenshots").path,
            ], timeout: 300)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let shot = folder.appendingPathComponent("screenshots/report-top.png").path
        #expect(((try? FileManager.default.attributesOfItem(atPath: shot)[.size] as? Int) ?? 0) > 10_000)
    }
}
