import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// What `--output`, `import --output-dir`, `init` and the history point at is never destroyed:
/// devices and FIFOs are written through, links followed, folders refused, and a failed write
/// leaves the old file and no temporary file (docs/cli.md, "Files cadre writes").
@Suite struct OutputSafetyTests {
    static func kind(_ path: String, followingLinks: Bool = false) -> mode_t {
        var status = stat()
        guard (followingLinks ? stat(path, &status) : lstat(path, &status)) == 0 else { return 0 }
        return status.st_mode & S_IFMT
    }

    static func entries(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func outputToDevNullLeavesTheDeviceADevice() throws {
        let workspace = try TemporaryFolder.oneFailingRule()
        let before = try Self.entries(URL(fileURLWithPath: "/dev")).filter { $0.contains(".cadre-") }
        let output = try CadreCommand.run(["evaluate", "--output", "/dev/null"], in: workspace.url)
        #expect(output.status == 1, "\(output.stderr)")
        #expect(output.stdout.isEmpty && output.stderr.isEmpty)
        #expect(Self.kind("/dev/null") == S_IFCHR)
        #expect(try Self.entries(URL(fileURLWithPath: "/dev")).filter { $0.contains(".cadre-") } == before)
    }

    @Test func outputToAFIFOReachesItsReaderAndTheFIFOStays() throws {
        let workspace = try TemporaryFolder.oneFailingRule()
        let fifo = workspace.url.appendingPathComponent("report.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // The reader: `cat`, started first, waits for a writer.
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [fifo]
        let received = Pipe()
        reader.standardOutput = received
        try reader.run()
        let output = try CadreCommand.run(
            ["evaluate", "--format", "json", "--output", fifo], in: workspace.url, timeout: 30)
        #expect(output.status == 1, "\(output.stderr)")
        let text = String(decoding: received.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        reader.waitUntilExit()
        #expect(text.contains("\"message\" : \"found it\""))
        #expect(Self.kind(fifo) == S_IFIFO)
        #expect(try Self.entries(workspace.url).filter { $0.hasPrefix(".") }.isEmpty)
    }

    @Test func outputToDevStdoutWritesToStandardOutput() throws {
        let workspace = try TemporaryFolder.oneFailingRule()
        // The test's standard output is a regular file: written at its end, not replaced.
        let output = try CadreCommand.run(["evaluate", "--output", "/dev/stdout"], in: workspace.url)
        #expect(output.status == 1, "\(output.stderr)")
        #expect(output.stdout.contains("systems/a.yaml:6:5: fail: found it\n"))
        #expect(output.stdout.hasSuffix("— 1 at or above high\n"))
    }

    @Test func outputThroughALinkUpdatesTheTargetAndKeepsTheLink() throws {
        let workspace = try TemporaryFolder.oneFailingRule(["reports/real.txt": "old report\n"])
        let link = workspace.url.appendingPathComponent("report.txt")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "reports/real.txt")
        let output = try CadreCommand.run(["evaluate", "--output", "report.txt"], in: workspace.url)
        #expect(output.status == 1, "\(output.stderr)")
        #expect(Self.kind(link.path) == S_IFLNK)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "reports/real.txt")
        let text = try String(contentsOf: workspace.url.appendingPathComponent("reports/real.txt"), encoding: .utf8)
        #expect(text.contains(": fail: found it"))
        #expect(try Self.entries(workspace.url.appendingPathComponent("reports")) == ["real.txt"])
    }

    @Test func outputThroughADanglingLinkCreatesItsTarget() throws {
        let workspace = try TemporaryFolder.oneFailingRule(["reports/README": "reports\n"])
        let link = workspace.url.appendingPathComponent("report.md")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "reports/new.md")
        let output = try CadreCommand.run(
            ["evaluate", "--format", "markdown", "--output", "report.md"], in: workspace.url)
        #expect(output.status == 1, "\(output.stderr)")
        #expect(Self.kind(link.path) == S_IFLNK)
        let text = try String(contentsOf: workspace.url.appendingPathComponent("reports/new.md"), encoding: .utf8)
        #expect(text.hasPrefix("# cadre — evaluation as of "))
    }

    @Test func outputToAFolderIsRefused() throws {
        let workspace = try TemporaryFolder.oneFailingRule(["out/keep": "keep\n"])
        let output = try CadreCommand.run(["evaluate", "--output", "out"], in: workspace.url)
        #expect(output.status == 2)
        #expect(
            output.stderr == "cadre: cannot write out: it is a folder\n    hint: name a file, inside it or elsewhere\n")
        #expect(try Self.entries(workspace.url.appendingPathComponent("out")) == ["keep"])
    }

    @Test func outputIntoAReadOnlyFolderLeavesNothing() throws {
        let workspace = try TemporaryFolder.oneFailingRule(["locked/report.txt": "old\n"])
        let locked = workspace.url.appendingPathComponent("locked")
        chmod(locked.path, 0o555)
        defer { chmod(locked.path, 0o755) }
        // Permissions bind only a process that is not root: as root, cadre runs as `nobody`.
        let binary = try CadreCommand.binary().path
        let command =
            geteuid() == 0
            ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", binary]
            : [binary]
        chmod(workspace.url.path, 0o755)
        let output = try CadreCommand.runProgram(
            command[0],
            Array(command.dropFirst()) + [
                "evaluate", "--workspace", workspace.url.path, "--output", locked.path + "/report.txt",
            ])
        #expect(output.status == 2, "\(output.stderr)")
        #expect(
            output.stderr
                == "cadre: cannot write \(locked.path)/report.txt: permission denied\n    hint: choose a folder you may write to\n"
        )
        #expect(try String(contentsOf: locked.appendingPathComponent("report.txt"), encoding: .utf8) == "old\n")
        #expect(try Self.entries(locked) == ["report.txt"])
    }

    @Test func aReportOverTheFileSizeLimitLeavesTheOldFileAndNoTemporaryFile() throws {
        let workspace = try TemporaryFolder.oneFailingRule(["report.json": "old\n"])
        // `ulimit -f 1`: files of 1 block (512 bytes) at most; the JSON report is larger.
        let binary = try CadreCommand.binary().path
        let output = try CadreCommand.runProgram(
            "sh",
            [
                "-c", "cd \"$1\" && ulimit -f 1 && exec \"$2\" evaluate --format json --output report.json", "sh",
                workspace.url.path, binary,
            ])
        #expect(output.status == 2, "\(output.stderr)")
        #expect(output.stderr == "cadre: cannot write report.json: file too large\n")
        #expect(try String(contentsOf: workspace.url.appendingPathComponent("report.json"), encoding: .utf8) == "old\n")
        #expect(try Self.entries(workspace.url).filter { $0.hasPrefix(".") }.isEmpty)
    }

    @Test func aReplacedReportKeepsItsPermissions() throws {
        let workspace = try TemporaryFolder.oneFailingRule(["report.txt": "old\n"])
        let report = workspace.url.appendingPathComponent("report.txt").path
        chmod(report, 0o600)
        let output = try CadreCommand.run(["evaluate", "--output", "report.txt"], in: workspace.url)
        #expect(output.status == 1)
        var status = stat()
        stat(report, &status)
        #expect(status.st_mode & 0o777 == 0o600)
        #expect(try String(contentsOfFile: report, encoding: .utf8).contains(": fail: found it"))
    }

    @Test func policiesDocSchemaAndTestWriteToDevNull() throws {
        for arguments in [
            ["policies", "doc", "--workspace", "examples", "--output", "/dev/null"],
            ["schema", "--output", "/dev/null"],
            ["schema", "--format", "markdown", "--output", "/dev/null"],
            ["test", "policies/cnil", "--output", "/dev/null"],
        ] {
            let output = try CadreCommand.run(arguments)
            #expect(output.status == 0, "\(arguments): \(output.stderr)")
            #expect(output.stdout.isEmpty, "\(arguments)")
            #expect(Self.kind("/dev/null") == S_IFCHR, "\(arguments)")
        }
    }

    @Test func importRefusesALinkLeadingOutsideItsFolder() throws {
        let outside = try TemporaryFolder(files: ["README": "not cadre's\n"])
        let target = try TemporaryFolder(files: ["README": "the import's folder\n"])
        try FileManager.default.createSymbolicLink(
            atPath: target.url.appendingPathComponent("systems").path, withDestinationPath: outside.url.path)
        let plugin = CadreCommand.repositoryRoot.appendingPathComponent("plugins/fides")
        let cases = plugin.appendingPathComponent("tests/cases")
        let manifests = try Self.entries(cases).filter { $0.hasSuffix(".yml") }.map {
            cases.appendingPathComponent($0).path
        }
        let output = try CadreCommand.run(
            ["import", "fides"] + manifests + ["--plugin", plugin.path, "--output-dir", target.url.path], in: target.url
        )
        #expect(output.status == 2)
        let real = outside.url.resolvingSymlinksInPath().path
        #expect(
            output.stderr.contains(
                "cadre: cannot write \(target.url.path)/systems: it is a symbolic link to \(real), outside the folder \(target.url.path)\n"
                    + "    hint: cadre writes only inside the folder: remove the link, or choose another folder\n"))
        #expect(output.stderr.hasSuffix("cadre: nothing was written\n"))
        #expect(try Self.entries(outside.url) == ["README"])
        #expect(try Self.entries(target.url) == ["README", "systems"])
    }

    @Test func initRefusesALinkLeadingOutsideItsFolder() throws {
        let outside = try TemporaryFolder(files: ["README": "not cadre's\n"])
        let target = try TemporaryFolder(files: ["README": "a new workspace\n"])
        try FileManager.default.createSymbolicLink(
            atPath: target.url.appendingPathComponent("systems").path, withDestinationPath: outside.url.path)
        let output = try CadreCommand.run(["init", target.url.path])
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix("cadre: cannot write \(target.url.path)/systems: it is a symbolic link to "))
        #expect(try Self.entries(outside.url) == ["README"])
        #expect(try Self.entries(target.url) == ["README", "systems"])
    }

    @Test(arguments: ["history.sqlite", "history.sqlite-wal", "history.sqlite-shm"])
    func aHistoryFileThatIsAFIFOIsRefusedAndLeftAlone(_ name: String) throws {
        let workspace = try TemporaryFolder.oneFailingRule()
        let folder = workspace.url.appendingPathComponent(".cadre")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let fifo = folder.appendingPathComponent(name).path
        #expect(mkfifo(fifo, 0o600) == 0)
        for command in [["recheck"], ["history"], ["diff", "last~1", "last"]] {
            let output = try CadreCommand.run(command, in: workspace.url, timeout: 20)
            #expect(output.status == 2, "\(command)")
            #expect(
                output.stderr == """
                    cadre: .cadre/\(name): error: is a FIFO (named pipe), not a regular file: cadre keeps its history in SQLite files there
                      hint: move it away (cadre then starts a new history there), or work in another workspace

                    """, "\(command)")
        }
        #expect(Self.kind(fifo) == S_IFIFO)
        #expect(try Self.entries(folder) == [name])
    }

    /// A link committed in a repository in place of the history or a companion: SQLite would
    /// create the file it names, outside the workspace. Refused, dangling or not.
    @Test(arguments: ["history.sqlite", "history.sqlite-wal", "history.sqlite-shm", "history.sqlite-journal"])
    func aHistoryFileThatIsALinkIsRefusedAndNothingIsCreatedOutside(_ name: String) throws {
        let workspace = try TemporaryFolder.oneFailingRule()
        let outside = try TemporaryFolder(files: ["README": "outside\n"])
        let folder = workspace.url.appendingPathComponent(".cadre")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let link = folder.appendingPathComponent(name).path
        #expect(symlink(outside.url.appendingPathComponent("created").path, link) == 0)
        for command in [["recheck"], ["history"]] {
            let output = try CadreCommand.run(command, in: workspace.url, timeout: 20)
            #expect(output.status == 2, "\(command)")
            #expect(
                output.stderr == """
                    cadre: .cadre/\(name): error: is a symbolic link: cadre keeps its history in SQLite files there and follows no link out of them
                      hint: remove the link (cadre then starts a new history there), or work in another workspace

                    """, "\(command): \(output.stderr)")
        }
        #expect(Self.kind(link) == S_IFLNK)
        #expect(try Self.entries(outside.url) == ["README"])
        #expect(try Self.entries(folder) == [name])
    }
}
