import Foundation

/// Runs the system's `git` (found on `PATH`) — for packs fetched from repositories
/// (``GitPackCache``) and for the repository a workspace is in (the history's commits, baselines
/// at a ref): never through a shell, never asking for a password (a run in CI would hang), never
/// with a transport that runs a command (`ext::`), and never for longer than ``timeout``.
public struct GitCommand: Sendable {
    /// The longest a git command may run before it is stopped.
    public var timeout: Duration = .seconds(600)
    /// The program run: `git` (or `tar`, for the trees `git archive` writes).
    var program = "git"

    public init() {}

    /// A git command that failed: what it was asked, and what it said.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var program = "git"
        public var arguments: [String]
        public var status: Int32
        public var output: String

        public var description: String {
            let said = output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }.suffix(3).joined(separator: "; ")
            return "`\(program) \(arguments.first ?? "")` failed" + (said.isEmpty ? " (status \(status))" : ": \(said)")
        }
    }

    /// What `git arguments` writes on standard output, trimmed; throws ``Failure`` on a non-zero
    /// status, when git is missing, or past the timeout.
    @discardableResult
    public func run(_ arguments: [String], in folder: String? = nil) throws(Failure) -> String {
        String(decoding: try output(arguments, in: folder), as: UTF8.self).trimmingCharacters(
            in: .whitespacesAndNewlines)
    }

    /// The most bytes of what git writes on standard error that are kept (for ``Failure``).
    static let errorLimit = 64 << 10

    /// The bytes `git arguments` writes on standard output (a file's content at a commit): at
    /// most `limit` of them. Once git has written more, it is stopped (with what it started) and
    /// the first `limit` bytes are returned, whatever its status: ask for one byte more than you
    /// accept to tell a larger output.
    public func output(_ arguments: [String], in folder: String? = nil, upTo limit: Int = .max) throws(Failure)
        -> Data
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // `protocol.ext.allow=never` whatever the user's configuration; no prompt, no pager.
        process.arguments =
            program == "git"
            ? ["git", "-c", "protocol.ext.allow=never", "-c", "core.askPass=true"] + arguments : [program] + arguments
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_PAGER"] = "cat"
        environment["LC_ALL"] = "C"
        if (environment["PATH"] ?? "").isEmpty { environment["PATH"] = "/usr/local/bin:/usr/bin:/bin" }
        environment["GIT_SSH_COMMAND"] = environment["GIT_SSH_COMMAND"] ?? "ssh -o BatchMode=yes"
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure(
                program: program, arguments: arguments, status: -1,
                output: "cannot run \(program) (\(error.localizedDescription)); install \(program)")
        }
        // Read both pipes while the process runs, so a large output never blocks it; keep at most
        // `limit` bytes of the output (then stop git) and `errorLimit` of the errors (the rest is
        // read and dropped).
        let collected = Collected()
        let group = DispatchGroup()
        let pid = process.processIdentifier
        for (pipe, isError) in [(output, false), (errors, true)] {
            group.enter()
            DispatchQueue.global().async {
                let handle = pipe.fileHandleForReading
                let keep = isError ? Self.errorLimit : limit
                var data = Data()
                var overflowed = false
                while let chunk = try? handle.read(upToCount: 64 << 10), !chunk.isEmpty {
                    let room = keep - data.count
                    if room > 0 { data.append(chunk.prefix(room)) }
                    if chunk.count > room, !isError {
                        overflowed = true
                        Self.stop(pid)
                        break
                    }
                }
                collected.set(data, isError: isError, overflowed: overflowed)
                group.leave()
            }
        }
        let seconds = Double(timeout.components.seconds)
        if group.wait(timeout: .now() + seconds) == .timedOut {
            Self.stop(pid)
            // A child may still hold the pipes (without a group of its own): wait for the
            // readers a little, never for ever.
            _ = group.wait(timeout: .now() + 5)
            process.waitUntilExit()
            throw Failure(program: program, arguments: arguments, status: -1, output: "stopped after \(Int(seconds)) s")
        }
        process.waitUntilExit()
        let (stdout, stderr, overflowed) = collected.value
        // Stopped for writing more than was asked: its status says only that it was stopped.
        if overflowed { return stdout }
        guard process.terminationStatus == 0 else {
            throw Failure(
                program: program, arguments: arguments, status: process.terminationStatus,
                output: String(decoding: stderr, as: UTF8.self))
        }
        return stdout
    }

    /// Stops git and what it started (a remote helper, ssh, an alias's shell), which git waits
    /// for: together, when git leads a process group of its own (Foundation starts it so).
    private static func stop(_ pid: Int32) {
        if getpgid(pid) == pid {
            kill(-pid, SIGKILL)
        } else {
            kill(pid, SIGTERM)
        }
    }

    /// The two outputs, written by two reading threads.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var stdout = Data()
        private var stderr = Data()
        private var overflowed = false

        func set(_ data: Data, isError: Bool, overflowed: Bool) {
            lock.lock()
            if isError { stderr = data } else { stdout = data }
            self.overflowed = self.overflowed || overflowed
            lock.unlock()
        }

        var value: (Data, Data, Bool) {
            lock.lock()
            defer { lock.unlock() }
            return (stdout, stderr, overflowed)
        }
    }
}
