import Testing

@testable import CadreReports

/// GitHub's escaping of workflow commands: `%`, `\r`, `\n` in messages; also `:` and `,` in
/// properties, which would end a property.
@Suite struct GitHubReportTests {
    @Test func messagesEscapePercentAndLineBreaks() {
        #expect(GitHubReport.data("100%\r\nnext") == "100%25%0D%0Anext")
        #expect(GitHubReport.data("a: b, c") == "a: b, c")
    }

    @Test func propertiesAlsoEscapeColonsAndCommas() {
        #expect(GitHubReport.property("a, b: c%\n") == "a%2C b%3A c%25%0A")
        #expect(GitHubReport.property("systems/voicebot.yaml") == "systems/voicebot.yaml")
    }
}
