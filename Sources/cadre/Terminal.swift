import ArgumentParser
import CadreModel
import CadreReports
import Foundation

/// Writes a line to standard error. Control characters other than the newline are shown as
/// escapes (`\u{1B}`), whatever the line quotes: cadre's own messages hold none.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((TerminalText.lines(line) + "\n").utf8))
}

/// Facts about where cadre's output goes.
enum Terminal {
    /// Whether standard output is a terminal (colours are then welcome, unless NO_COLOR is set).
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    /// Whether standard error is a terminal (progress goes there only then).
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
    /// Colours on standard output: a terminal, and the user did not ask for none.
    static var colors: Bool {
        stdoutIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// Writes `text` to `path` as ``OutputFile`` writes (a regular file replaced atomically, a
    /// device or a FIFO written through, links followed: docs/cli.md, "How cadre writes files").
    ///
    /// - Throws: `ExitCode(2)` when it cannot, after saying why.
    static func write(_ text: String, to path: String) throws {
        do {
            try OutputFile(path).write(text)
        } catch {
            printError("cadre: \(error)")
            throw ExitCode(2)
        }
    }

    /// Writes a report a piece at a time, to `path` (by ``OutputFile``'s rules: a regular file is
    /// replaced only once the whole report is written) or, when nil, to standard output.
    ///
    /// - Throws: `ExitCode(2)` when the report cannot be written or finished, after saying why.
    static func writeReport(to path: String?, _ body: (ReportOutput) throws -> Void) throws {
        do {
            guard let path else {
                let output = ReportOutput { bytes in try standardOutput(bytes) }
                try body(output)
                try output.finish()
                return
            }
            let (output, writing) = try ReportOutput.to(OutputFile(path))
            try body(output)
            try output.finish()
            try writing.finish()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            printError("cadre: \(error)")
            throw ExitCode(2)
        }
    }

    /// Writes `bytes` to standard output, whole.
    private static func standardOutput(_ bytes: [UInt8]) throws {
        var done = 0
        while done < bytes.count {
            let wrote = bytes.withUnsafeBytes { buffer in
                Foundation.write(STDOUT_FILENO, buffer.baseAddress! + done, bytes.count - done)
            }
            if wrote < 0, errno == EINTR { continue }
            guard wrote > 0 else { throw StandardOutputError(code: errno) }
            done += wrote
        }
    }

    struct StandardOutputError: Error, CustomStringConvertible {
        var code: Int32
        var description: String { "cannot write to standard output: \(String(cString: strerror(code)).lowercased())" }
    }
}
