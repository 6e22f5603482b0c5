import CadreModel

/// A history that cannot be opened, read or written: what failed, on which file, and what to do.
/// SQL arguments are never part of the message (they may hold a descriptor's values).
public struct HistoryError: Error, Sendable, CustomStringConvertible {
    /// The history file.
    public var file: String
    public var message: String
    public var hint: String?

    public init(file: String, _ message: String, hint: String? = nil) {
        self.file = file
        self.message = message
        self.hint = hint
    }

    public var description: String {
        "\(TerminalText.line(file)): error: \(TerminalText.line(message))"
            + (hint.map { "\n  hint: \(TerminalText.line($0))" } ?? "")
    }
}
