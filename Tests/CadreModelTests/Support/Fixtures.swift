import CadreModel
import Foundation
import Testing

/// Helpers shared by the tests: fixture files, the bundled taxonomy, loading text.
enum Fixtures {
    /// The folder of malformed descriptors shipped with the tests.
    static var malformedFolder: URL {
        get throws {
            try #require(Bundle.module.url(forResource: "Fixtures/malformed", withExtension: nil))
        }
    }

    /// The repository's root, found from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The bundled taxonomy.
    static func taxonomy() throws -> Taxonomy { try Taxonomy.bundled() }

    /// Loads a descriptor from text.
    static func load(_ text: String, file: String = "test.yaml") throws -> DescriptorLoad {
        DescriptorLoader(taxonomy: try taxonomy()).load(text: text, file: file)
    }

    /// The minimal valid descriptor, to which tests append the lines they need.
    static let header = """
        cadre: system/v1
        id: fixture
        name: Fixture
        owner: team@example.com

        """

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

extension DescriptorLoad {
    /// `code@line:col` of every error, for compact expectations.
    var errorSummary: [String] {
        errors.map { "\($0.code)@\($0.location.line):\($0.location.column)" }
    }
}
