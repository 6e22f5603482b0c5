import CadreModel

/// One test (`it`) as it ran: its name, where it is declared, and how it ended.
public struct TestCase: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// Every expectation held.
        case pass
        /// An expectation failed, a fixture was invalid, or the test expected nothing.
        case fail
        /// The test's code raised an error or passed a limit.
        case error
    }

    /// The pack whose tests these are.
    public var pack: String
    /// The test file, as shown to users.
    public var file: String
    /// The line of the `it(...)` call.
    public var line: Int
    /// The names of the enclosing `describe` blocks and of the test, joined by spaces.
    public var name: String
    public var status: Status
    /// How many expectations ran.
    public var expectations: Int
    /// Why it did not pass (empty when it passed).
    public var failures: [TestFailure]
    /// What the test printed.
    public var output: [String]

    public init(
        pack: String, file: String, line: Int, name: String, status: Status, expectations: Int, failures: [TestFailure],
        output: [String]
    ) {
        self.pack = pack
        self.file = file
        self.line = line
        self.name = name
        self.status = status
        self.expectations = expectations
        self.failures = failures
        self.output = output
    }

    /// Where the test is declared.
    public var location: SourceLocation { SourceLocation(file: file, line: line, column: 1) }
}
