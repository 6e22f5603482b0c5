import CadreModel
import Foundation
import Testing

@Suite struct DescriptorSetTests {
    static func descriptor(_ id: String) -> String {
        "cadre: system/v1\nid: \(id)\nname: \(id)\nowner: team@example.com\n"
    }

    @Test func findsDescriptorsInFoldersAndChecksEveryFile() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manager = FileManager.default
        try manager.createDirectory(
            at: folder.appendingPathComponent("nested/.hidden"), withIntermediateDirectories: true)
        try Self.descriptor("b").write(to: folder.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        try "cadre: system/v1\nid: [broken\n".write(
            to: folder.appendingPathComponent("a.yml"), atomically: true, encoding: .utf8)
        try #"{"cadre": "system/v1", "id": "c", "name": "c", "owner": "o"}"#
            .write(to: folder.appendingPathComponent("nested/c.json"), atomically: true, encoding: .utf8)
        try Self.descriptor("hidden").write(
            to: folder.appendingPathComponent("nested/.hidden/h.yaml"), atomically: true, encoding: .utf8)
        try "notes".write(to: folder.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)

        let set = DescriptorSet.load(
            paths: [folder.path, folder.appendingPathComponent("missing.yaml").path],
            with: DescriptorLoader(taxonomy: try Fixtures.taxonomy()))
        #expect(set.loads.map { ($0.file as NSString).lastPathComponent } == ["a.yml", "b.yaml", "c.json"])
        #expect(set.loads.map(\.isValid) == [false, true, true])
        #expect(set.pathDiagnostics.map(\.message) == ["no such file or folder"])
        #expect(!set.isValid)
        #expect(set.documents.map(\.descriptor.id.value) == ["b", "c"])
    }

    @Test func aFileNamedTwiceIsFoundOnceAndLinksToFoldersAreNotFollowed() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manager = FileManager.default
        try manager.createDirectory(
            at: folder.appendingPathComponent("nested/folder.yaml"), withIntermediateDirectories: true)
        for name in ["a.yaml", "B.YAML", "nested/c.yml", "notes.txt", "noextension", "trailing."] {
            try Self.descriptor("x").write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        // A link to a file counts; a link to a folder is not followed; hidden entries are skipped.
        let outside = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: outside) }
        try Self.descriptor("y").write(to: outside.appendingPathComponent("y.yaml"), atomically: true, encoding: .utf8)
        try manager.createSymbolicLink(
            atPath: folder.appendingPathComponent("linked.yaml").path,
            withDestinationPath: outside.appendingPathComponent("y.yaml").path)
        try manager.createSymbolicLink(
            atPath: folder.appendingPathComponent("linked-folder").path, withDestinationPath: outside.path)
        try Self.descriptor("h").write(
            to: folder.appendingPathComponent(".hidden.yaml"), atomically: true, encoding: .utf8)
        let found = DescriptorFiles.find(in: [
            folder.path, folder.appendingPathComponent("a.yaml").path,
            folder.appendingPathComponent("nested/../a.yaml").path,
            folder.path + "/./nested",
        ])
        #expect(
            found.files.map { String($0.dropFirst(folder.path.count)) } == [
                "/B.YAML", "/a.yaml", "/linked.yaml", "/nested/c.yml",
            ])
        #expect(found.diagnostics.isEmpty)
    }

    @Test func twoSystemsCannotShareAnID() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.descriptor("same").write(
            to: folder.appendingPathComponent("one.yaml"), atomically: true, encoding: .utf8)
        try Self.descriptor("same").write(
            to: folder.appendingPathComponent("two.yaml"), atomically: true, encoding: .utf8)
        let set = DescriptorSet.load(paths: [folder.path], with: DescriptorLoader(taxonomy: try Fixtures.taxonomy()))
        #expect(set.loads.map(\.isValid) == [true, false])
        let error = try #require(set.loads.last?.errors.first)
        #expect(error.code == .duplicateSystemID)
        #expect(error.location.line == 2)
        #expect(error.message.hasPrefix("system id `same` is already used by "))
        #expect(error.message.hasSuffix("one.yaml:2:5"))
    }

    @Test func anEmptyFolderIsAnError() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let set = DescriptorSet.load(paths: [folder.path], with: DescriptorLoader(taxonomy: try Fixtures.taxonomy()))
        #expect(set.pathDiagnostics.map(\.code) == [.noDescriptors])
        #expect(set.pathDiagnostics.first?.location.description == folder.path)
    }

    @Test func reportReadsLikeACompilerAndAsJSON() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.descriptor("ok").write(to: folder.appendingPathComponent("ok.yaml"), atomically: true, encoding: .utf8)
        try (Self.descriptor("bad") + "status: live\n").write(
            to: folder.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let set = DescriptorSet.load(paths: [folder.path], with: DescriptorLoader(taxonomy: try Fixtures.taxonomy()))
        let report = ValidationReport(set)
        #expect(
            report.text() == """
                \(folder.path)/bad.yaml:5:9: error: `live` is not a valid status [invalid-value]
                    hint: allowed: planned, pilot, production, retired

                2 files checked: 1 valid, 1 invalid (1 error, 0 warnings)

                """)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        let summary = try #require(json["summary"] as? [String: Int])
        #expect(summary == ["files": 2, "valid": 1, "invalid": 1, "errors": 1, "warnings": 0])
        let files = try #require(json["files"] as? [[String: Any]])
        #expect(files.map { $0["valid"] as? Bool } == [false, true])
        #expect(files.last?["system"] as? String == "ok")
        let entry = try #require((files.first?["diagnostics"] as? [[String: Any]])?.first)
        #expect(entry["code"] as? String == "invalid-value")
        #expect(entry["line"] as? Int == 5)
        #expect(entry["path"] as? String == "status")
    }
}
