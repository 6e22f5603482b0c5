import CadreModel
import Foundation
import Testing

/// Files written into a folder stay inside it, whatever symbolic links the folder holds.
@Suite struct OutputFolderTests {
    typealias Folder = OutputFileTests.Folder

    @Test func filesAndTheirFoldersAreCreated() throws {
        let folder = try Folder()
        let output = OutputFolder(folder.path)
        try output.write("a\n", to: "systems/nested/a.yaml")
        try output.write("b\n", to: "b.yaml")
        #expect(folder.read("systems/nested/a.yaml") == "a\n")
        #expect(folder.read("b.yaml") == "b\n")
        #expect(output.path(of: "b.yaml") == folder.path + "/b.yaml")
        #expect(OutputFolder(".").path(of: "b.yaml") == "b.yaml")
    }

    @Test func aLinkedFolderLeadingOutsideIsRefusedAndNothingIsWritten() throws {
        let folder = try Folder()
        let outside = try Folder()
        try FileManager.default.createDirectory(atPath: folder.at("out"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.at("out/systems"), withDestinationPath: outside.path)
        let output = OutputFolder(folder.at("out"))
        let error = try #require(throws: OutputError.self) { try output.write("x\n", to: "systems/crm.yaml") }
        #expect(error.code == .outsideFolder)
        #expect(error.path == folder.at("out/systems"))
        #expect(
            error.reason.hasPrefix(
                "it is a symbolic link to \(OutputFileTestsSupport.real(outside.path)), outside the folder"))
        #expect(try outside.entries().isEmpty)
    }

    @Test func aLinkedFileLeadingOutsideIsRefused() throws {
        let folder = try Folder()
        let outside = try Folder()
        try "keep\n".write(toFile: outside.at("victim"), atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: folder.at("crm.yaml"), withDestinationPath: outside.at("victim"))
        try FileManager.default.createSymbolicLink(
            atPath: folder.at("new.yaml"), withDestinationPath: outside.at("created"))
        let output = OutputFolder(folder.path)
        #expect(throws: OutputError.self) { try output.write("x\n", to: "crm.yaml") }
        #expect(throws: OutputError.self) { try output.write("x\n", to: "new.yaml") }
        #expect(outside.read("victim") == "keep\n")
        #expect(try outside.entries() == ["victim"])
    }

    @Test func linksThatStayInsideAreFollowed() throws {
        let folder = try Folder()
        try FileManager.default.createDirectory(atPath: folder.at("real"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.at("alias"), withDestinationPath: "real")
        try OutputFolder(folder.path).write("x\n", to: "alias/a.yaml")
        #expect(folder.read("real/a.yaml") == "x\n")
    }

    @Test func aBatchIsWrittenWholeWithItsFoldersAndReplacesWhatWasThere() throws {
        let folder = try Folder()
        let output = OutputFolder(folder.path)
        try output.write("old\n", to: "systems/a.yaml")
        try output.write([
            (path: "systems/a.yaml", text: "new a\n"), (path: "systems/deep/b.yaml", text: "b\n"),
            (path: "pack/pack.yaml", text: "p\n"),
        ])
        #expect(folder.read("systems/a.yaml") == "new a\n")
        #expect(folder.read("systems/deep/b.yaml") == "b\n")
        #expect(folder.read("pack/pack.yaml") == "p\n")
        // No temporary file is left beside them.
        #expect(try folder.entries("systems") == ["a.yaml", "deep"])
        #expect(try folder.entries("systems/deep") == ["b.yaml"])
    }

    @Test func aBatchThatCannotBeWrittenWholeChangesNothing() throws {
        let folder = try Folder()
        let output = OutputFolder(folder.path)
        try output.write("keep\n", to: "systems/a.yaml")
        try FileManager.default.createDirectory(
            atPath: folder.at("systems/taken.yaml"), withIntermediateDirectories: true)
        let error = try #require(throws: OutputError.self) {
            try output.write([(path: "systems/a.yaml", text: "lost\n"), (path: "systems/taken.yaml", text: "x\n")])
        }
        #expect(error.code == .isFolder)
        #expect(folder.read("systems/a.yaml") == "keep\n")
        #expect(try folder.entries("systems") == ["a.yaml", "taken.yaml"])
    }

    @Test func pathsThatClimbOutAreRefused() throws {
        let folder = try Folder()
        for path in ["../escape.yaml", "a/../../escape.yaml", "/etc/escape.yaml"] {
            let error = try #require(throws: OutputError.self) { try OutputFolder(folder.at("out")).check(path) }
            #expect(error.code == .outsideFolder)
        }
    }
}

enum OutputFileTestsSupport {
    /// `path` with its links resolved (the temporary folder may itself be reached through one).
    static func real(_ path: String) -> String { URL(fileURLWithPath: path).resolvingSymlinksInPath().path }
}
