import ArgumentParser
import CadreHistory
import CadreModel
import Foundation

/// `--baseline FILE` and `--since REF`: what `recheck` and `diff` compare with in place of the
/// last recorded run.
struct BaselineOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Compare with this baseline (written by cadre baseline write) rather than with the last run.",
            valueName: "file"))
    var baseline: String?

    @Option(
        help: ArgumentHelp(
            "Compare with the baseline as it was at this git commit, branch or tag (the file: --baseline, else cadre.baseline.json in the workspace).",
            valueName: "ref"))
    var since: String?

    var isSet: Bool { baseline != nil || since != nil }

    /// The baseline the flags name, read (nil when neither is given); exit status 2, with the
    /// problem on standard error, when it cannot be read.
    func load(root: String) throws -> Baseline? {
        guard isSet else { return nil }
        let path = baseline ?? WorkspaceFiles.join(root, Baseline.defaultFile)
        do {
            var read: Baseline
            if let since {
                read = try Self.read(path, at: since)
            } else {
                read = try BaselineFile.read(fileAt: path)
            }
            read.source = since.map { "\(path) at \($0)" } ?? path
            return read
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
    }

    /// The baseline at `path` as it was at the git `ref` (`git show REF:path`).
    static func read(_ path: String, at ref: String) throws(Diagnostic) -> Baseline {
        let absolute = path.hasPrefix("/") ? path : WorkspaceFiles.join(FileManager.default.currentDirectoryPath, path)
        let folder = (absolute as NSString).deletingLastPathComponent
        let name = (absolute as NSString).lastPathComponent
        let repository = GitRepository(folder: folder.isEmpty ? "/" : folder)
        let shown = "\(ref):\(path)"
        func failure(_ message: String, hint: String? = nil) -> Diagnostic {
            Diagnostic(.error, .baseline, at: SourceLocation(file: shown, line: 1, column: 1), message, hint: hint)
        }
        guard !ref.hasPrefix("-"), !ref.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 } == true })
        else {
            throw failure(
                "`\(ref)` is not a commit, branch or tag", hint: "write a ref such as `origin/main` or `HEAD~1`")
        }
        guard FileManager.default.fileExists(atPath: repository.folder) else {
            throw failure("cannot read the baseline at \(ref): the folder `\(folder)` does not exist")
        }
        do {
            _ = try repository.run(["rev-parse", "--git-dir"])
        } catch {
            throw failure(
                "cannot read the baseline at \(ref): `\(folder)` is not in a git repository (\(error))",
                hint: "--since reads a committed baseline; use --baseline FILE outside git")
        }
        guard (try? repository.run(["rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}"])) != nil
        else {
            throw failure(
                "cannot read the baseline at \(ref): git knows no commit, branch or tag `\(ref)`",
                hint: "in a shallow CI clone, fetch the history first (git fetch --unshallow)")
        }
        let data: Data
        do {
            // At most one byte past a baseline's limit: git is stopped past it.
            data = try repository.output(["show", "\(ref):./\(name)"], upTo: BaselineFile.limits.maxBytes + 1)
        } catch {
            throw failure(
                "there is no baseline `\(path)` at \(ref) (\(error))",
                hint: "commit one written by `cadre baseline write`, or compare with an older ref")
        }
        return try BaselineFile.read([UInt8](data), file: shown)
    }
}

extension ChangeReportMarkdown {
    /// The Markdown of `diff`, given the rules and the descriptors' owners (read from the files
    /// the diff shows, else from the baseline).
    init(diff: RunDiff, failOn: Severity?, rules: [RuleInfo], files: WorkspaceFiles, baseline: Baseline?) {
        self.init(diff: diff, failOn: failOn)
        self.rules = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var owners: [String: String] = [:]
        for system in baseline?.systems ?? [] {
            if let owner = system.owner { owners[files.path(system.file)] = owner }
        }
        for file in Set((diff.newFailures + diff.resolved + diff.changed).map(\.file)) {
            let root = try? DocumentParser().parse(fileAt: file)
            if let owner = root?["owner"]?.scalar?.text, !owner.isEmpty { owners[file] = owner }
        }
        self.owners = owners
    }
}
