import CadreModel
import Foundation

/// Where packs fetched from git are kept: one bare clone per repository, and the tree of each
/// commit used, extracted once and never changed (a folder per commit).
///
/// ```
/// $CADRE_CACHE (default $XDG_CACHE_HOME/cadre, ~/.cache/cadre)
///   git/<digest of the URL>/repository.git     the bare clone, fetched by `cadre packs update`
///   git/<digest of the URL>/<commit>/          the repository's files at that commit
/// ```
///
/// The trees hold regular files and folders only: a symbolic link in a fetched pack (which could
/// make a rule read a file of the machine and print it) is refused.
public struct GitPackCache: Sendable {
    /// The cache's folder (`…/cadre`).
    public var root: String
    var git = GitCommand()

    public init(root: String) { self.root = root }

    /// The cache of this user: `CADRE_CACHE`, else `XDG_CACHE_HOME/cadre`, else `~/.cache/cadre`.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> GitPackCache {
        if let folder = environment["CADRE_CACHE"], !folder.isEmpty { return GitPackCache(root: folder) }
        if let folder = environment["XDG_CACHE_HOME"], !folder.isEmpty {
            return GitPackCache(root: WorkspaceFiles.join(folder, "cadre"))
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return GitPackCache(root: WorkspaceFiles.join(home, ".cache/cadre"))
    }

    /// A problem with a repository or its cache, said as a user reads it.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The folder of the repository at `url` in the cache.
    func folder(of url: String) -> String {
        WorkspaceFiles.join(WorkspaceFiles.join(root, "git"), String(Digest.sha256(Data(url.utf8)).prefix(24)))
    }

    private func repository(of url: String) -> String { WorkspaceFiles.join(folder(of: url), "repository.git") }

    /// Fetches every branch and tag of `url` (as written, `${VAR}` resolved from `environment`)
    /// into the cache (cloned the first time). A failure shows the URL as written, never resolved.
    public func fetch(_ url: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(Failure)
    {
        let shown = StoreURLSecrets.maskingLine(url)
        let resolved: ResolvedSecret
        do {
            resolved = try EnvironmentTemplate(parsing: url).resolve(environment: environment)
        } catch {
            throw Failure(description: "cannot fetch \(shown): \(error.reason)")
        }
        let repository = repository(of: url)
        do {
            if FileKind.of(WorkspaceFiles.join(repository, "HEAD")) != .regular {
                try FileManager.default.createDirectory(atPath: folder(of: url), withIntermediateDirectories: true)
                try? FileManager.default.removeItem(atPath: repository)
                try git.run(["init", "--quiet", "--bare", "--", repository])
            }
        } catch let failure as GitCommand.Failure {
            throw Failure(description: "cannot prepare the cache at \(repository): \(failure)")
        } catch {
            throw Failure(description: "cannot prepare the cache at \(folder(of: url)): \(error.localizedDescription)")
        }
        do {
            try git.run(
                [
                    "--git-dir", repository, "fetch", "--quiet", "--force", "--prune", "--no-recurse-submodules",
                    "--end-of-options", resolved.revealed, "+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*",
                ])
        } catch {
            // What git says may quote the URL it was given: shown as written.
            let said = "\(error)".replacingOccurrences(of: resolved.revealed, with: shown)
            throw Failure(description: "cannot fetch \(shown): \(StoreURLSecrets.maskingLine(said))")
        }
    }

    /// The commit `ref` names in the cached repository of `url` (fetched before).
    public func commit(of ref: String, in url: String) throws(Failure) -> String {
        do {
            return try git.run(
                [
                    "--git-dir", repository(of: url), "rev-parse", "--verify", "--quiet", "--end-of-options",
                    ref + "^{commit}",
                ])
        } catch {
            throw Failure(description: "\(StoreURLSecrets.maskingLine(url)) has no tag, branch or commit `\(ref)`")
        }
    }

    /// The folder holding the files of `url` at `commit`, extracted from the cached repository the
    /// first time (fetched first when the commit is not there: a fresh CI machine).
    public func tree(of url: String, at commit: String) throws(Failure) -> String {
        let shown = StoreURLSecrets.maskingLine(url)
        guard commit.count >= 40, commit.allSatisfy(\.isHexDigit) else {
            throw Failure(description: "`\(commit)` is not a commit id")
        }
        let tree = WorkspaceFiles.join(folder(of: url), commit)
        if FileKind.of(tree) == .folder { return tree }
        if (try? self.commit(of: commit, in: url)) == nil { try fetch(url) }
        guard (try? self.commit(of: commit, in: url)) == commit else {
            throw Failure(description: "\(shown) has no commit \(commit): was it removed from the repository?")
        }
        let staging = tree + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        let archive = staging + ".tar"
        defer {
            try? FileManager.default.removeItem(atPath: staging)
            try? FileManager.default.removeItem(atPath: archive)
        }
        do {
            try? FileManager.default.removeItem(atPath: staging)
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
            try git.run(["--git-dir", repository(of: url), "archive", "--format=tar", "-o", archive, commit])
            try GitCommand.tar(["-x", "--no-same-owner", "--no-same-permissions", "-f", archive, "-C", staging])
        } catch let failure as GitCommand.Failure {
            throw Failure(description: "cannot extract \(shown) at \(commit): \(failure)")
        } catch {
            throw Failure(description: "cannot extract \(shown) at \(commit): \(error.localizedDescription)")
        }
        if let link = Self.firstSymbolicLink(in: staging) {
            throw Failure(
                description:
                    "\(shown) at \(commit) holds a symbolic link (`\(link)`): cadre does not use packs fetched from git that hold links"
            )
        }
        // Another cadre may have extracted it meanwhile: its tree is the same.
        if rename(staging, tree) != 0, FileKind.of(tree) != .folder {
            throw Failure(
                description: "cannot keep \(shown) at \(commit) in \(tree): \(String(cString: strerror(errno)))")
        }
        return tree
    }

    /// The lock entry of `git`: the commit its ref names in the cached repository (fetched
    /// before), and the id, version and digest of the pack found there.
    public func pin(_ git: GitSource) throws(Failure) -> PackLock.Entry {
        if let problem = git.problem { throw Failure(description: "\(problem.message); \(problem.hint)") }
        let commit = try commit(of: git.ref, in: git.url)
        let tree = try tree(of: git.url, at: commit)
        let folder = git.path.isEmpty ? tree : WorkspaceFiles.join(tree, git.path)
        let (pack, problems) = PackLoader().load(at: folder, as: folder, settings: [:])
        guard let pack, !problems.containsErrors else {
            let first = problems.first { $0.isError }?.description ?? "no pack.yaml"
            throw Failure(
                description:
                    "\(git.shownURL) at `\(git.ref)` holds no valid pack at `\(git.path.isEmpty ? "." : git.path)`: \(first)"
            )
        }
        return PackLock.Entry(source: git, commit: commit, id: pack.id, version: pack.version, digest: pack.digest)
    }

    /// The first symbolic link under `folder`, relative to it.
    static func firstSymbolicLink(in folder: String) -> String? {
        guard let names = FileManager.default.subpaths(atPath: folder) else { return nil }
        return names.sorted().first {
            FileKind.of(WorkspaceFiles.join(folder, $0), followingLinks: false) == .symbolicLink
        }
    }
}

extension GitCommand {
    /// Runs the system's `tar` (how `git archive` output becomes files).
    static func tar(_ arguments: [String]) throws(Failure) {
        var command = GitCommand()
        command.program = "tar"
        try command.run(arguments)
    }
}
