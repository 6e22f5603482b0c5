import Foundation
import Testing

/// Packs named by a git source and version: fetched with the system's git from local
/// repositories (`file://`, offline), pinned in `cadre.lock` by `cadre packs update`, and checked
/// by every run.
@Suite struct GitPackTests {
    /// A compliance team's repository publishing the pack `t` in `packs/t`, tagged `v1.0.0`, and
    /// a workspace taking it from there.
    final class Scenario {
        let root: TemporaryFolder
        var repository: URL { root.url.appendingPathComponent("published") }
        var workspace: URL { root.url.appendingPathComponent("workspace") }
        var cache: URL { root.url.appendingPathComponent("cache") }
        var url: String { "file://" + repository.path }
        var environment: [String: String] { ["CADRE_CACHE": cache.path, "PATH": "/usr/local/bin:/usr/bin:/bin"] }

        init(ref: String = "v1.0.0") throws {
            root = try TemporaryFolder(files: [
                "published/packs/t/pack.yaml": "cadre: pack/v1\nid: t\nversion: 1.0.0\ntitle: T\napi: 1\n",
                "published/packs/t/retention.lua": EvaluateCommandTests.rule(
                    "retention", "ctx:fail(system.purposes[1], 'keeps calls six months')"),
                "workspace/systems/a.yaml": EvaluateCommandTests.descriptor,
            ])
            try git(["init", "--quiet", "-b", "main"])
            try git(["add", "."])
            try git(["commit", "--quiet", "-m", "t 1.0.0"])
            try git(["tag", "v1.0.0"])
            try writeConfiguration(ref: ref)
        }

        func writeConfiguration(ref: String) throws {
            try Data(
                """
                cadre: workspace/v1
                packs:
                  - { git: "\(url)", ref: \(ref), path: packs/t }

                """.utf8
            ).write(to: workspace.appendingPathComponent("cadre.yaml"))
        }

        /// Releases a new version of the pack: `rule`'s message, the version, a tag.
        func release(_ version: String, message: String) throws {
            let pack = repository.appendingPathComponent("packs/t")
            try Data("cadre: pack/v1\nid: t\nversion: \(version)\ntitle: T\napi: 1\n".utf8).write(
                to: pack.appendingPathComponent("pack.yaml"))
            try Data(
                EvaluateCommandTests.rule("retention", "ctx:fail(system.purposes[1], '\(message)')").utf8
            ).write(to: pack.appendingPathComponent("retention.lua"))
            try git(["commit", "--quiet", "-am", "t \(version)"])
            try git(["tag", "v\(version)"])
        }

        @discardableResult
        func git(_ arguments: [String], in folder: URL? = nil) throws -> String {
            let output = try CadreCommand.runProgram(
                "git",
                ["-C", (folder ?? repository).path, "-c", "user.name=T", "-c", "user.email=t@example.com"] + arguments)
            guard output.status == 0 else {
                throw CadreCommand.CommandError(description: "git \(arguments): \(output.stderr)")
            }
            return output.stdout
        }

        func cadre(_ arguments: [String], cache: URL? = nil) throws -> CadreCommand.Output {
            var environment = self.environment
            if let cache { environment["CADRE_CACHE"] = cache.path }
            return try CadreCommand.run(arguments, in: workspace, environment: environment)
        }

        var lock: String {
            (try? String(contentsOf: workspace.appendingPathComponent("cadre.lock"), encoding: .utf8)) ?? ""
        }
    }

    @Test func aPackFromGitMustBePinnedBeforeItRuns() throws {
        let scenario = try Scenario()
        let unpinned = try scenario.cadre(["evaluate"])
        #expect(unpinned.status == 2)
        let printed = unpinned.stdout + unpinned.stderr
        #expect(printed.contains("cadre.yaml:3:5: error: \(scenario.url) at `v1.0.0` is not pinned in `cadre.lock`"))
        #expect(printed.contains("hint: run `cadre packs update`"))

        let update = try scenario.cadre(["packs", "update"])
        #expect(update.status == 0, "\(update.stderr)")
        let commit = try scenario.git(["rev-parse", "v1.0.0^{commit}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(update.stdout.contains("t 1.0.0 — \(scenario.url) v1.0.0 at \(commit.prefix(12)) (pinned)"))
        #expect(update.stdout.contains("wrote cadre.lock (1 pack)"))
        #expect(
            scenario.lock.contains("ref: \"v1.0.0\"\n    path: \"packs/t\"\n    commit: \"\(commit)\"\n    id: \"t\""))

        let evaluated = try scenario.cadre(["evaluate"])
        #expect(evaluated.status == 1, "\(evaluated.stderr)")
        #expect(evaluated.stdout.contains("keeps calls six months"))

        let list = try scenario.cadre(["policies", "list"])
        #expect(list.stdout.contains("t 1.0.0 — T (git \(scenario.url) v1.0.0 at \(commit.prefix(12)):"))
        #expect(list.stdout.contains("; digest "))

        // Up to date: nothing written, --check passes.
        let again = try scenario.cadre(["packs", "update", "--check"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("cadre.lock is up to date"))
    }

    @Test func aNewReleaseIsUsedOnlyOnceTheLockIsUpdated() throws {
        let scenario = try Scenario()
        #expect(try scenario.cadre(["packs", "update"]).status == 0)
        try scenario.release("1.1.0", message: "keeps calls three months")

        // The lock still pins v1.0.0: the new tag changes nothing until it is asked for.
        let before = try scenario.cadre(["evaluate"])
        #expect(before.stdout.contains("keeps calls six months"))

        try scenario.writeConfiguration(ref: "v1.1.0")
        let stale = try scenario.cadre(["evaluate"])
        #expect(stale.status == 2)
        #expect(
            (stale.stdout + stale.stderr).contains(
                "error: `cadre.lock` pins \(scenario.url) at `v1.0.0`, not `v1.1.0` [pack-not-locked]"))
        let check = try scenario.cadre(["packs", "update", "--check"])
        #expect(check.status == 1)
        #expect(check.stderr.contains("is not up to date: run `cadre packs update` and commit it"))

        let update = try scenario.cadre(["packs", "update"])
        #expect(update.status == 0, "\(update.stderr)")
        #expect(update.stdout.contains("t 1.1.0 — \(scenario.url) v1.1.0 at "))
        #expect(update.stdout.contains("(was 1.0.0 at "))
        let after = try scenario.cadre(["evaluate"])
        #expect(after.status == 1)
        #expect(after.stdout.contains("keeps calls three months"))
    }

    @Test func aMovedTagIsCaughtAndAChangeWithoutANewVersionIsSaid() throws {
        let scenario = try Scenario(ref: "main")
        #expect(try scenario.cadre(["packs", "update"]).status == 0)
        // The team changes the rule on main without bumping the version.
        let rule = scenario.repository.appendingPathComponent("packs/t/retention.lua")
        try Data(
            EvaluateCommandTests.rule("retention", "ctx:fail(system.purposes[1], 'keeps calls one month')").utf8
        ).write(to: rule)
        try scenario.git(["commit", "--quiet", "-am", "shorter"])
        // Runs keep the pinned commit.
        #expect(try scenario.cadre(["evaluate"]).stdout.contains("keeps calls six months"))
        let update = try scenario.cadre(["packs", "update"])
        #expect(update.stdout.contains("its rules changed but its version did not"))
        #expect(try scenario.cadre(["evaluate"]).stdout.contains("keeps calls one month"))
    }

    @Test func aFreshMachineFetchesThePinnedCommitAndChecksItsDigest() throws {
        let scenario = try Scenario()
        #expect(try scenario.cadre(["packs", "update"]).status == 0)
        // A CI job: an empty cache; the commit is fetched again.
        let fresh = scenario.root.url.appendingPathComponent("fresh-cache")
        let evaluated = try scenario.cadre(["evaluate"], cache: fresh)
        #expect(evaluated.status == 1, "\(evaluated.stderr)")
        #expect(evaluated.stdout.contains("keeps calls six months"))

        // A pack changed in the cache is refused.
        let trees = try FileManager.default.contentsOfDirectory(atPath: fresh.appendingPathComponent("git").path)
        let repositoryFolder = fresh.appendingPathComponent("git").appendingPathComponent(try #require(trees.first))
        let commit = try #require(
            try FileManager.default.contentsOfDirectory(atPath: repositoryFolder.path).first { $0.count == 40 })
        let cached = repositoryFolder.appendingPathComponent(commit).appendingPathComponent("packs/t/retention.lua")
        try Data(EvaluateCommandTests.rule("retention", "return").utf8).write(to: cached)
        let tampered = try scenario.cadre(["evaluate"], cache: fresh)
        #expect(tampered.status == 2)
        let printed = tampered.stdout + tampered.stderr
        #expect(printed.contains("is not the one `cadre.lock` pins (t 1.0.0, digest "))
        #expect(printed.contains("[pack-digest-mismatch]"))

        // So is a lock edited by hand.
        try FileManager.default.removeItem(at: repositoryFolder.appendingPathComponent(commit))
        let lockURL = scenario.workspace.appendingPathComponent("cadre.lock")
        let lock = scenario.lock
        let digest = try #require(lock.split(separator: "\n").first { $0.contains("digest:") })
        try Data(
            lock.replacingOccurrences(of: digest, with: "    digest: \"\(String(repeating: "0", count: 64))\"").utf8
        )
        .write(to: lockURL)
        let edited = try scenario.cadre(["evaluate"], cache: fresh)
        #expect(edited.status == 2)
        #expect((edited.stdout + edited.stderr).contains("[pack-digest-mismatch]"))
    }

    @Test func wrongSourcesAreErrorsAtTheirLine() throws {
        let scenario = try Scenario(ref: "v9.9.9")
        let unknownRef = try scenario.cadre(["packs", "update"])
        #expect(unknownRef.status == 2)
        #expect(
            unknownRef.stderr.contains("cadre.yaml:3:5: error: \(scenario.url) has no tag, branch or commit `v9.9.9`"))
        #expect(scenario.lock.isEmpty)

        try Data(
            "cadre: workspace/v1\npacks:\n  - { git: \"--upload-pack=touch /tmp/x\", ref: v1 }\n  - { git: x, ref: -v }\n  - { git: \"ext::sh -c id\", ref: v1 }\n  - { git: \"file:///nonexistent\", ref: v1, path: ../out }\n  - { git: x }\n"
                .utf8
        ).write(to: scenario.workspace.appendingPathComponent("cadre.yaml"))
        let evaluated = try scenario.cadre(["evaluate"])
        #expect(evaluated.status == 2)
        let printed = evaluated.stdout + evaluated.stderr
        #expect(printed.contains("cadre.yaml:7:5: error: git pack is missing `ref`"))
        let fixed =
            "cadre: workspace/v1\npacks:\n  - { git: \"--upload-pack=touch /tmp/x\", ref: v1 }\n  - { git: x, ref: -v }\n  - { git: \"ext::sh -c id\", ref: v1 }\n  - { git: \"file:///nonexistent\", ref: v1, path: ../out }\n"
        try Data(fixed.utf8).write(to: scenario.workspace.appendingPathComponent("cadre.yaml"))
        let update = try scenario.cadre(["packs", "update"])
        #expect(update.status == 2)
        #expect(update.stderr.contains("`git: --upload-pack=touch /tmp/x` is not a repository URL"))
        #expect(update.stderr.contains("`ref: -v` is not a tag, branch or commit"))
        #expect(update.stderr.contains("`git: ext::sh -c id` runs a command, which cadre refuses"))
        #expect(update.stderr.contains("`path: ../out` is not a folder inside the repository"))
    }

    @Test func aPublishedPackWithASymbolicLinkIsRefused() throws {
        let scenario = try Scenario()
        try FileManager.default.createSymbolicLink(
            atPath: scenario.repository.appendingPathComponent("packs/t/data.yaml").path,
            withDestinationPath: "/etc/passwd")
        try scenario.git(["add", "."])
        try scenario.git(["commit", "--quiet", "-m", "link"])
        try scenario.git(["tag", "v1.0.1"])
        try scenario.writeConfiguration(ref: "v1.0.1")
        let update = try scenario.cadre(["packs", "update"])
        #expect(update.status == 2)
        #expect(update.stderr.contains("holds a symbolic link (`packs/t/data.yaml`)"))
    }

    @Test func aTokenIsAReferenceNeverWrittenOrPrinted() throws {
        let scenario = try Scenario()
        // The URL names the repository through a variable, as a token would be.
        try Data(
            "cadre: workspace/v1\npacks:\n  - { git: \"file://${PACKS_ROOT}/published\", ref: v1.0.0, path: packs/t }\n"
                .utf8
        ).write(to: scenario.workspace.appendingPathComponent("cadre.yaml"))
        var environment = scenario.environment
        environment["PACKS_ROOT"] = scenario.root.url.path
        let update = try CadreCommand.run(["packs", "update"], in: scenario.workspace, environment: environment)
        #expect(update.status == 0, "\(update.stderr)")
        #expect(update.stdout.contains("t 1.0.0 — file://${PACKS_ROOT}/published v1.0.0 at "))
        #expect(scenario.lock.contains("git: \"file://${PACKS_ROOT}/published\""))
        #expect(!scenario.lock.contains(scenario.root.url.path))
        let evaluated = try CadreCommand.run(["evaluate"], in: scenario.workspace, environment: environment)
        #expect(evaluated.status == 1, "\(evaluated.stderr)")

        // A password written in clear is refused, and not printed.
        try Data(
            "cadre: workspace/v1\npacks:\n  - { git: \"https://bot:hunter2@127.0.0.1:9/packs.git\", ref: v1 }\n".utf8
        ).write(to: scenario.workspace.appendingPathComponent("cadre.yaml"))
        let clear = try scenario.cadre(["packs", "update"])
        #expect(clear.status == 2)
        #expect(clear.stderr.contains("holds a password or token written in clear"), "\(clear.stderr)")
        #expect(!(clear.stdout + clear.stderr).contains("hunter2"))

        // A token from the environment never appears in what git says when it fails.
        try Data(
            "cadre: workspace/v1\npacks:\n  - { git: \"https://bot:${PACKS_TOKEN}@127.0.0.1:9/packs.git\", ref: v1 }\n"
                .utf8
        ).write(to: scenario.workspace.appendingPathComponent("cadre.yaml"))
        environment["PACKS_TOKEN"] = "s3cr3t-t0ken"
        let failed = try CadreCommand.run(["packs", "update"], in: scenario.workspace, environment: environment)
        #expect(failed.status == 2)
        #expect(
            failed.stderr.contains("cannot fetch https://bot:${PACKS_TOKEN}@127.0.0.1:9/packs.git"), "\(failed.stderr)")
        #expect(!(failed.stdout + failed.stderr).contains("s3cr3t-t0ken"))
        let unset = try scenario.cadre(["packs", "update"])
        #expect(unset.stderr.contains("environment variable `PACKS_TOKEN` is not set"), "\(unset.stderr)")
    }
}
