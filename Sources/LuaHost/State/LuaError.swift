/// An error from Lua or from the host around it, as a value: what kind, where, and why.
///
/// An error of kind ``Kind/host`` raised by a Swift function the script called carries that
/// function's error in ``hostError``, so the host can tell its own failures apart by type (a store
/// that is down, a store read in a run that reads none) rather than by message.
public struct LuaError: Error, Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        /// The chunk does not compile (or is a binary chunk, refused in text mode).
        case syntax
        /// The script raised an error (`error(...)`, indexing nil, a bad argument…).
        case runtime
        /// The call allocated more than ``LuaLimits/memoryBytes``.
        case memoryLimit = "memory-limit"
        /// The call ran more than ``LuaLimits/instructions``.
        case instructionLimit = "instruction-limit"
        /// The call ran past ``LuaLimits/deadline``.
        case deadline
        /// A Swift function called by the script failed, or the host could not do what was asked
        /// (read a chunk's file, convert a value).
        case host
    }

    public var kind: Kind
    /// The message, without the `file:line:` prefix Lua puts in front of it.
    public var message: String
    /// The chunk the error comes from (the chunk name without its `@`), when known.
    public var file: String?
    /// The line in ``file``, when known.
    public var line: Int?
    /// Lua's traceback at the point of the error, when Lua gives one.
    public var traceback: String?
    /// The error a Swift function called by the script threw, when it is what ended the call (the
    /// script did not catch it, or raised the same error object again). Not part of equality.
    public var hostError: (any Error)?

    public init(
        _ kind: Kind, _ message: String, file: String? = nil, line: Int? = nil, traceback: String? = nil,
        hostError: (any Error)? = nil
    ) {
        self.kind = kind
        self.message = message
        self.file = file
        self.line = line
        self.traceback = traceback
        self.hostError = hostError
    }

    public static func == (a: LuaError, b: LuaError) -> Bool {
        (a.kind, a.message, a.file, a.line, a.traceback) == (b.kind, b.message, b.file, b.line, b.traceback)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(message)
        hasher.combine(file)
        hasher.combine(line)
        hasher.combine(traceback)
    }

    /// The most bytes of a script's error message the host keeps (the rest is cut, and the
    /// message says so).
    public static let messageLimit = 4_096

    /// Whether the error is one of the limits (memory, instructions, deadline).
    public var isLimit: Bool {
        kind == .memoryLimit || kind == .instructionLimit || kind == .deadline
    }
}

extension LuaError: CustomStringConvertible {
    /// `file:line: message`, as compilers print it.
    public var description: String {
        switch (file, line) {
        case (let file?, let line?): "\(file):\(line): \(message)"
        case (let file?, nil): "\(file): \(message)"
        default: message
        }
    }
}
