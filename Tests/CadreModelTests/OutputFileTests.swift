import Foundation
import Testing

@testable import CadreModel

/// How cadre writes a file: regular files replaced atomically, everything else left what it is.
@Suite struct OutputFileTests {
    /// A fresh folder, removed when the test ends.
    final class Folder {
        let path: String

        init() throws {
            path =
                FileManager.default.temporaryDirectory.appendingPathComponent("cadre-output-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }

        deinit {
            _ = chmod(path, 0o755)
            try? FileManager.default.removeItem(atPath: path)
        }

        func at(_ name: String) -> String { path + "/" + name }
        func read(_ name: String) -> String? {
            FileManager.default.contents(atPath: at(name)).map { String(decoding: $0, as: UTF8.self) }
        }
        /// Every entry, hidden ones included, sorted.
        func entries() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: path).sorted() }
        func entries(_ name: String) throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: at(name)).sorted()
        }
        func mode(_ name: String) -> mode_t {
            var status = stat()
            stat(at(name), &status)
            return status.st_mode & 0o7777
        }
    }

    @Test func aNewFileIsWrittenWithNothingLeftBeside() throws {
        let folder = try Folder()
        try OutputFile(folder.at("report.md")).write("# report\n")
        #expect(folder.read("report.md") == "# report\n")
        #expect(try folder.entries() == ["report.md"])
    }

    @Test func anExistingFileIsReplacedAndKeepsItsPermissionBits() throws {
        let folder = try Folder()
        try "old, longer than the new text\n".write(toFile: folder.at("report.md"), atomically: false, encoding: .utf8)
        chmod(folder.at("report.md"), 0o640)
        try OutputFile(folder.at("report.md")).write("new\n")
        #expect(folder.read("report.md") == "new\n")
        #expect(folder.mode("report.md") == 0o640)
        #expect(try folder.entries() == ["report.md"])
    }

    @Test func aSymbolicLinkStaysALinkAndItsTargetIsUpdated() throws {
        let folder = try Folder()
        try "old\n".write(toFile: folder.at("target.md"), atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder.at("link.md"), withDestinationPath: "target.md")
        try OutputFile(folder.at("link.md")).write("new\n")
        #expect(FileKind.of(folder.at("link.md"), followingLinks: false) == .symbolicLink)
        #expect(folder.read("target.md") == "new\n")
        #expect(try folder.entries() == ["link.md", "target.md"])
    }

    @Test func aChainOfLinksIsFollowedToItsEnd() throws {
        let folder = try Folder()
        try FileManager.default.createDirectory(atPath: folder.at("sub"), withIntermediateDirectories: true)
        try "old\n".write(toFile: folder.at("sub/final.md"), atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder.at("sub/middle.md"), withDestinationPath: "final.md")
        try FileManager.default.createSymbolicLink(atPath: folder.at("first.md"), withDestinationPath: "sub/middle.md")
        #expect(try OutputFile(folder.at("first.md")).destination() == .replace(folder.at("sub/final.md")))
        try OutputFile(folder.at("first.md")).write("new\n")
        #expect(folder.read("sub/final.md") == "new\n")
        #expect(FileKind.of(folder.at("sub/middle.md"), followingLinks: false) == .symbolicLink)
    }

    @Test func aDanglingLinkGetsItsTargetCreated() throws {
        let folder = try Folder()
        try FileManager.default.createSymbolicLink(atPath: folder.at("link.md"), withDestinationPath: "created.md")
        try OutputFile(folder.at("link.md")).write("text\n")
        #expect(FileKind.of(folder.at("link.md"), followingLinks: false) == .symbolicLink)
        #expect(folder.read("created.md") == "text\n")
    }

    @Test func aLoopOfLinksIsRefused() throws {
        let folder = try Folder()
        try FileManager.default.createSymbolicLink(atPath: folder.at("a"), withDestinationPath: "b")
        try FileManager.default.createSymbolicLink(atPath: folder.at("b"), withDestinationPath: "a")
        let error = try #require(throws: OutputError.self) { try OutputFile(folder.at("a")).write("x") }
        #expect(error.reason.contains("too many symbolic links"))
        #expect(try folder.entries() == ["a", "b"])
    }

    @Test func aFolderIsRefused() throws {
        let folder = try Folder()
        let error = try #require(throws: OutputError.self) { try OutputFile(folder.path).write("x") }
        #expect(error.code == .isFolder)
        #expect(
            error.description
                == "cannot write \(folder.path): it is a folder\n    hint: name a file, inside it or elsewhere")
    }

    @Test func aMissingFolderIsNamed() throws {
        let folder = try Folder()
        let error = try #require(throws: OutputError.self) { try OutputFile(folder.at("absent/report.md")).write("x") }
        #expect(error.code == .noFolder)
        #expect(error.reason == "the folder `\(folder.at("absent"))` does not exist")
    }

    @Test func devicesAreWrittenThrough() throws {
        #expect(try OutputFile("/dev/null").destination() == .through("/dev/null", append: false))
        try OutputFile("/dev/null").write("discarded\n")
        #expect(FileKind.of("/dev/null") == .characterDevice)
    }

    @Test func namesOfOpenDescriptorsAreWrittenThroughAtTheirEnd() throws {
        #expect(try OutputFile("/dev/stdout").destination() == .through("/proc/self/fd/1", append: true))
        #expect(try OutputFile("/dev/fd/2").destination() == .through("/dev/fd/2", append: true))
        #expect(try OutputFile("/proc/self/fd/2").destination() == .through("/proc/self/fd/2", append: true))
    }

    @Test func aFIFOIsWrittenThroughToItsReader() throws {
        let folder = try Folder()
        #expect(mkfifo(folder.at("pipe"), 0o600) == 0)
        let path = folder.at("pipe")
        // The reader on a thread of its own: opening a FIFO waits for the other end.
        let received = Received()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let handle = FileHandle(forReadingAtPath: path)
            received.text = String(decoding: handle?.readDataToEndOfFile() ?? Data(), as: UTF8.self)
            try? handle?.close()
            done.signal()
        }
        try OutputFile(path).write("through the pipe\n")
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(received.text == "through the pipe\n")
        #expect(FileKind.of(path, followingLinks: false) == .fifo)
        #expect(try folder.entries() == ["pipe"])
    }

    /// What the reader thread read.
    final class Received: @unchecked Sendable {
        var text = ""
    }
}
