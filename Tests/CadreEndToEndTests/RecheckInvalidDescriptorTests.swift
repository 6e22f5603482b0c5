import Foundation
import Testing

/// A descriptor broken between two re-checks: the report says why the status is 2.
@Suite struct RecheckInvalidDescriptorTests {
    @Test func theErrorsOfADescriptorThatBecameInvalidAreShown() throws {
        let folder = try TemporaryFolder.oneFailingRule()
        #expect(try CadreCommand.run(["recheck"], in: folder.url).status == 1)
        try Data("cadre: system/v1\nid: [a\n".utf8).write(to: folder.url.appendingPathComponent("systems/a.yaml"))
        let again = try CadreCommand.run(["recheck"], in: folder.url)
        #expect(again.status == 2)
        #expect(again.stdout.hasPrefix("systems/a.yaml:"), "\(again.stdout)")
        #expect(again.stdout.contains(": error: syntax error"), "\(again.stdout)")
    }
}
