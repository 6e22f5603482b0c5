/// What triggered a run, and where in the workspace's git history it ran.
public struct RunOrigin: Sendable, Hashable {
    /// The command that recorded a run.
    public enum Trigger: String, Sendable, Hashable, CaseIterable {
        /// `cadre recheck`.
        case recheck
        /// `cadre watch`: its runs do not move `last` (``RunReference``).
        case watch
        /// `cadre baseline write`.
        case baseline
        /// `cadre recheck` or `cadre baseline write` in continuous integration (`CI=true`).
        case ci
    }

    /// Nil in runs recorded before cadre kept it.
    public var trigger: Trigger?
    /// The commit checked out (`git rev-parse HEAD`), when the workspace is in a git repository.
    public var commit: String?
    /// The branch checked out, when there is one (CI's own variable when the checkout is detached).
    public var branch: String?

    public init(trigger: Trigger? = nil, commit: String? = nil, branch: String? = nil) {
        self.trigger = trigger
        self.commit = commit
        self.branch = branch
    }

    /// The origin of a run of `command` in the workspace at `root`: `ci` in place of `recheck`
    /// or `baseline` when `CI` is `true` (as GitHub Actions and GitLab CI set it); the commit
    /// and branch from the system's `git` when `root` is in a repository.
    public static func detect(
        _ command: Trigger, root: String, environment: [String: String]
    ) -> RunOrigin {
        let ci = environment["CI"]?.lowercased() == "true" && command != .watch
        let repository = GitRepository(folder: root)
        let commit = try? repository.run(["rev-parse", "--verify", "--quiet", "HEAD"])
        var branch = try? repository.run(["rev-parse", "--abbrev-ref", "HEAD"])
        if branch == nil || branch == "HEAD" {
            // A detached checkout, as CI jobs make: the branch CI says it builds.
            branch =
                ["GITHUB_HEAD_REF", "GITHUB_REF_NAME", "CI_COMMIT_REF_NAME"].lazy.compactMap {
                    environment[$0].flatMap { $0.isEmpty ? nil : $0 }
                }.first
        }
        return RunOrigin(
            trigger: ci ? .ci : command, commit: commit.flatMap { $0.isEmpty ? nil : $0 },
            branch: commit == nil ? nil : branch)
    }
}
