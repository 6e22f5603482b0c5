/// One problem found in a file: where it is, what it is, and how to fix it.
///
/// Diagnostics are values, collected rather than thrown one at a time, so a file's problems are
/// all reported at once. ``code`` is stable across releases (scripts and editors may match on it);
/// ``message`` and ``hint`` are for people and may improve.
///
/// A diagnostic never holds the value of an environment variable, a connection string or
/// personal data: messages quote what the user wrote, and `${VAR}` references stay references.
public struct Diagnostic: Error, Sendable, Hashable, Codable {
    /// How serious a problem is.
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        /// The file is invalid: `cadre validate` exits with status 2.
        case error
        /// Worth fixing, but the file is still valid.
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    /// How serious the problem is.
    public var severity: Severity
    /// A stable identifier of the kind of problem, such as `unknown-key`.
    public var code: DiagnosticCode
    /// Where the problem is.
    public var location: SourceLocation
    /// The node concerned, when the problem is about one (`purposes[1].legal_basis`).
    public var path: NodePath?
    /// What is wrong, in one sentence.
    public var message: String
    /// How to fix it, when cadre can tell.
    public var hint: String?

    /// Creates a diagnostic.
    public init(
        _ severity: Severity, _ code: DiagnosticCode, at location: SourceLocation, path: NodePath? = nil,
        _ message: String, hint: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.location = location
        self.path = path
        self.message = message
        self.hint = hint
    }

    /// An error.
    public static func error(
        _ code: DiagnosticCode, at location: SourceLocation, path: NodePath? = nil, _ message: String,
        hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, code, at: location, path: path, message, hint: hint)
    }

    /// A warning.
    public static func warning(
        _ code: DiagnosticCode, at location: SourceLocation, path: NodePath? = nil, _ message: String,
        hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, code, at: location, path: path, message, hint: hint)
    }

    /// True for errors.
    public var isError: Bool { severity == .error }
}

extension Diagnostic: CustomStringConvertible {
    /// The compiler-style rendering: `file:line:col: error: message [code]`, then an indented
    /// `hint:` line when there is a hint. The file, the message and the hint are one line each,
    /// their control characters escaped (``TerminalText``): they may quote what a file holds.
    public var description: String {
        var text =
            "\(TerminalText.line(location.description)): \(severity.rawValue): \(TerminalText.line(message)) [\(TerminalText.line(code.rawValue))]"
        if let hint { text += "\n    hint: \(TerminalText.line(hint))" }
        return text
    }
}

extension Array where Element == Diagnostic {
    /// True when at least one diagnostic is an error.
    public var containsErrors: Bool { contains { $0.isError } }

    /// Sorted by location, then errors before warnings, then code: the order cadre prints them in.
    public func sortedForDisplay() -> [Diagnostic] {
        sorted { a, b in
            if a.location != b.location { return a.location < b.location }
            if a.severity != b.severity { return a.severity < b.severity }
            if a.code != b.code { return a.code.rawValue < b.code.rawValue }
            return a.message < b.message
        }
    }
}
