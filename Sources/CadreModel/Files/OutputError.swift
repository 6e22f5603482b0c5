/// Why cadre could not write a file: what the path is, and what to do.
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure, stable for tests and scripts.
    public enum Code: String, Sendable {
        /// The path names a folder.
        case isFolder = "is-folder"
        /// A folder on the path does not exist, or is not a folder.
        case noFolder = "no-folder"
        /// The system refused (permissions, a read-only file system).
        case notPermitted = "not-permitted"
        /// A symbolic link inside an output folder leads outside it.
        case outsideFolder = "outside-folder"
        /// Anything else the system reported (a full disk, a file too large…).
        case cannotWrite = "cannot-write"
    }

    public var code: Code
    /// The path as the user (or the importer) named it.
    public var path: String
    /// What is wrong, in a few words: `it is a folder`.
    public var reason: String
    /// What to do, when cadre can tell.
    public var hint: String?

    public init(_ code: Code, path: String, _ reason: String, hint: String? = nil) {
        self.code = code
        self.path = path
        self.reason = reason
        self.hint = hint
    }

    /// `cannot write out: it is a folder`, then an indented `hint:` line when there is a hint.
    public var description: String {
        var text = "cannot write \(TerminalText.line(path)): \(TerminalText.line(reason))"
        if let hint { text += "\n    hint: \(TerminalText.line(hint))" }
        return text
    }
}
