import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the built `cadre` as a user would — its own process, output to files — and measures it:
/// exit status, wall time and peak resident memory, read from `wait4`'s resource usage (what
/// `/usr/bin/time` reports), so a memory bound is checked on the process a user runs.
struct MeasuredRun {
    var status: Int32
    var stdout: String
    var stderr: String
    /// The most resident memory the process held, in bytes.
    var peakMemory: Int
    var elapsed: Duration

    /// Runs `cadre arguments` in `directory` with no environment but `environment`; stops it
    /// (and records an issue) past `timeout` seconds.
    static func cadre(
        _ arguments: [String], in directory: URL, environment: [String: String] = [:], timeout: Double = 120,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> MeasuredRun {
        let binary = try CadreCommand.binary().path
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-measured-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let stdoutPath = folder.appendingPathComponent("stdout").path
        let stderrPath = folder.appendingPathComponent("stderr").path

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // The shell changes folder and replaces itself with cadre: the process waited for is cadre's.
        let shell = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory.path, binary]
        let argv = (shell + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let started = ContinuousClock.now
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, envp)
        guard spawned == 0 else { throw CadreCommand.CommandError(description: "cannot start \(binary): error \(spawned)") }

        var status: Int32 = 0
        var usage = rusage()
        let deadline = started.advanced(by: .milliseconds(Int(timeout * 1000)))
        while true {
            let waited = wait4(pid, &status, WNOHANG, &usage)
            if waited == pid { break }
            if waited < 0, errno != EINTR { throw CadreCommand.CommandError(description: "wait4 failed: \(errno)") }
            if ContinuousClock.now > deadline {
                kill(pid, SIGKILL)
                _ = wait4(pid, &status, 0, &usage)
                Issue.record("`cadre \(arguments.joined(separator: " "))` did not finish in \(Int(timeout)) s", sourceLocation: sourceLocation)
                break
            }
            usleep(5_000)
        }
        let elapsed = ContinuousClock.now - started
        let exited = (status & 0x7f) == 0
        return MeasuredRun(
            status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f),
            stdout: (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "",
            peakMemory: Int(usage.ru_maxrss) * 1024, elapsed: elapsed)
    }
}
