import Foundation
import Testing

@testable import CadreEngine

/// The one way cadre runs git: a command that hangs is stopped at its timeout, even when a child
/// of git keeps its output open.
@Suite struct GitCommandTests {
    @Test func aCommandThatHangsIsStoppedAtItsTimeout() throws {
        var git = GitCommand()
        git.timeout = .seconds(1)
        let started = Date()
        // An alias run by the shell: `sleep` outlives git and holds its pipes.
        #expect(throws: GitCommand.Failure.self) {
            try git.run(["-c", "alias.wait=!sleep 60", "wait"])
        }
        #expect(Date().timeIntervalSince(started) < 30)
    }

    @Test func whatGitWritesIsReturnedAndAFailureSaysWhy() throws {
        let git = GitCommand()
        #expect(try git.run(["--version"]).hasPrefix("git version"))
        do {
            try git.run(["rev-parse", "--verify", "--end-of-options", "no-such-ref"], in: "/")
            Issue.record("expected a failure")
        } catch {
            #expect(error.description.hasPrefix("`git rev-parse` failed"), "\(error.description)")
        }
    }
}
