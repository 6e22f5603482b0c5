import ArgumentParser
import CadreModel
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
}
