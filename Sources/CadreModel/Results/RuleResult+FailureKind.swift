extension RuleResult.Failure {
    /// What kind of failure made a result an `error`, written as a word in reports (`failure.kind`
    /// of `cadre-evaluation/v1`) and in the history.
    ///
    /// New kinds can be added without breaking callers, and a word read back from an older
    /// history keeps its meaning: a kind is its word.
    public struct Kind: RawRepresentable, Sendable, Hashable, Codable, ExpressibleByStringLiteral,
        CustomStringConvertible
    {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { rawValue = value }
        public var description: String { rawValue }

        /// The rule's code does not compile.
        public static let syntax = Kind(rawValue: "syntax")
        /// The rule raised an error (`error(...)`, indexing nil, a bad argument to cadre's API…).
        public static let runtime = Kind(rawValue: "runtime")
        /// The rule allocated more than its memory limit, or its file keeps more than it may.
        public static let memoryLimit = Kind(rawValue: "memory-limit")
        /// The rule ran more instructions than its limit.
        public static let instructionLimit = Kind(rawValue: "instruction-limit")
        /// The rule ran past its deadline.
        public static let deadline = Kind(rawValue: "deadline")
        /// cadre could not do what the rule asked (a value it cannot hand over, a call it cannot make).
        public static let host = Kind(rawValue: "host")
        /// A store the rule read failed: missing, unreachable, refused, a missing table or column.
        public static let store = Kind(rawValue: "store")
        /// A plugin detector failed during one of the rule's scans.
        public static let plugin = Kind(rawValue: "plugin")
        /// A scan of the rule stopped at its time limit: what it did not read is unknown.
        public static let scanIncomplete = Kind(rawValue: "scan-incomplete")
    }
}
