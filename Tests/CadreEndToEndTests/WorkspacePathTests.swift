import Foundation
import Testing

/// Paths as users read them: `examples/../policies/…` is shown `policies/…`, and a workspace
/// reached through a symbolic link still finds packs named with `..`.
@Suite struct WorkspacePathTests {
    @Test func rulePathsAreShownWithoutDotDot() throws {
        let output = try CadreCommand.run(["policies", "show", "gdpr.retention.defined", "--workspace", "examples"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("file:        policies/gdpr/"))
        #expect(!output.stdout.contains("../"))
    }

    @Test func aWorkspaceReachedThroughASymbolicLinkLoadsItsPacks() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-link-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let real = folder.appendingPathComponent("real")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        for name in ["examples", "policies"] {
            try FileManager.default.copyItem(
                at: CadreCommand.repositoryRoot.appendingPathComponent(name), to: real.appendingPathComponent(name))
        }
        // `link` → real/examples: its cadre.yaml's `../policies` is real/policies, not ./policies.
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("link"), withDestinationURL: real.appendingPathComponent("examples"))
        let output = try CadreCommand.run(
            ["evaluate", "--workspace", "link", "--no-stores", "--as-of", "2026-11-29", "--format", "json"], in: folder)
        #expect(output.status == 1, "\(output.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["rules"] as? Int == 110)
        #expect(summary["systems"] as? Int == 9)
    }
}
