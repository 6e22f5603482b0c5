import CadreModel
import Foundation
import Testing

/// A parse kept as a ``DocumentArchive`` reads back as the same document, under the name of the
/// file it is read for; bytes that are not an archive are refused, never trusted.
@Suite struct DocumentArchiveTests {
    /// Every document the tests can parse: the examples, the complete fixture, the malformed
    /// fixtures that parse (their errors are the validator's), and scalars of every kind.
    static func documents() throws -> [(name: String, root: LocatedNode)] {
        var files = try FileManager.default.contentsOfDirectory(
            atPath: Fixtures.repositoryRoot.appendingPathComponent("examples/systems").path
        )
        .map { Fixtures.repositoryRoot.appendingPathComponent("examples/systems/\($0)").path }
        files += try FileManager.default.contentsOfDirectory(atPath: try Fixtures.malformedFolder.path).map {
            try Fixtures.malformedFolder.appendingPathComponent($0).path
        }
        files.append(
            Fixtures.repositoryRoot.appendingPathComponent("Tests/CadreModelTests/Fixtures/complete.yaml").path)
        var documents = files.sorted().compactMap { file in
            (try? DocumentParser().parse(fileAt: file)).map { (file, $0) }
        }
        documents.append(
            (
                "scalars",
                try DocumentParser().parse(
                    """
                    plain: word
                    integer: -42
                    hex: 0x1F
                    float: 2.5e3
                    infinite: -.inf
                    flag: yes
                    nothing: ~
                    quoted: 'it''s'
                    double: "tab\\tnewline\\n"
                    literal: |
                      two
                      lines
                    folded: >
                      one
                      line
                    empty: ""
                    accents: « Électra » 日本
                    list: [1, [2, [3, {a: b}]], {}, []]
                    """, file: "scalars.yaml")
            ))
        return documents
    }

    @Test func documentsReadBackAsParsed() throws {
        let documents = try Self.documents()
        #expect(documents.count > 30)
        for (name, root) in documents {
            let archive = DocumentArchive.encode(root)
            let back = try #require(DocumentArchive.decode(archive, file: root.location.file), "\(name)")
            #expect(back == root, "\(name)")
            #expect(DocumentArchive.encode(back) == archive, "\(name)")
        }
    }

    @Test func locationsNameTheFileReadFor() throws {
        let root = try DocumentParser().parse("cadre: system/v1\npurposes:\n  - id: support\n", file: "first.yaml")
        let back = try #require(DocumentArchive.decode(DocumentArchive.encode(root), file: "systems/second.yaml"))
        #expect(back.location == SourceLocation(file: "systems/second.yaml", line: 1, column: 1))
        #expect(
            back["purposes"]?[0]?.entry(forKey: "id")?.keyLocation
                == SourceLocation(file: "systems/second.yaml", line: 3, column: 5))
        #expect(back["purposes"]?[0]?["id"]?.scalar?.value == .string("support"))
    }

    @Test func anythingButAnArchiveIsRefused() throws {
        let root = try #require(try Self.documents().first { $0.name.hasSuffix("voicebot-support.yaml") }?.root)
        let archive = DocumentArchive.encode(root)
        #expect(DocumentArchive.decode([], file: "x") == nil)
        #expect(DocumentArchive.decode([DocumentArchive.version &+ 1] + archive.dropFirst(), file: "x") == nil)
        #expect(DocumentArchive.decode(archive + [0], file: "x") == nil)
        // Every truncation is refused.
        for length in stride(from: 0, to: archive.count, by: 1) {
            #expect(DocumentArchive.decode(Array(archive.prefix(length)), file: "x") == nil, "\(length) bytes")
        }
        // Damaged bytes decode to nil or to some document, never crash or hang.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            var damaged = archive
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                damaged[Int.random(in: 1..<damaged.count, using: &generator)] = UInt8.random(
                    in: 0...255, using: &generator)
            }
            _ = DocumentArchive.decode(damaged, file: "x")
        }
        // Huge counts are not believed.
        #expect(
            DocumentArchive.decode([DocumentArchive.version, 1, 1, 1, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F], file: "x") == nil)
    }

    @Test func theParsersLimitsHold() throws {
        var deep = "v"
        for _ in 0..<40 { deep = "[\(deep)]" }
        let root = try DocumentParser().parse("a: \(deep)\n", file: "deep.yaml")
        let archive = DocumentArchive.encode(root)
        #expect(DocumentArchive.decode(archive, file: "x") != nil)
        #expect(DocumentArchive.decode(archive, file: "x", limits: ParseLimits(maxDepth: 20)) == nil)
        #expect(DocumentArchive.decode(archive, file: "x", limits: ParseLimits(maxNodes: 10)) == nil)
    }
}
