import CadreModel
import LuaHost

/// Why a test did not pass: an expectation that failed, a fixture that is not a valid descriptor,
/// an error of the test's code, or a test that expected nothing.
public struct TestFailure: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// `expect(...)` did not hold.
        case expectation
        /// `system{...}` or `fixture(...)` is not a valid descriptor.
        case fixture
        /// The test's code raised an error or passed a limit.
        case error
        /// The test ran no expectation.
        case assertsNothing = "asserts-nothing"
    }

    public var kind: Kind
    /// What went wrong, in a sentence.
    public var message: String
    /// Where: the expectation's line, the fixture's, or the error's.
    public var location: SourceLocation?
    /// What the expectation wanted, when it says.
    public var expected: String?
    /// What it got instead.
    public var actual: String?
    /// For errors: `runtime`, `instruction-limit`, `memory-limit`, `deadline`, `host`.
    public var errorKind: String?

    public init(
        kind: Kind, message: String, location: SourceLocation?, expected: String? = nil, actual: String? = nil,
        errorKind: String? = nil
    ) {
        self.kind = kind
        self.message = message
        self.location = location
        self.expected = expected
        self.actual = actual
        self.errorKind = errorKind
    }
}

/// The expectations of the test that is running: how many ran, and those that failed. A failed
/// expectation stays recorded even when the test's code catches the error it raises (`pcall`).
///
/// Bounded as a rule's findings are (``CappedList``): the host cuts each text to
/// ``FindingSink/messageLimit`` bytes, and a test keeps at most ``FindingSink/capacity`` failures
/// and ``FindingSink/byteCapacity`` bytes of their text; the rest are counted, and a last failure
/// says how many.
final class ExpectationRecord {
    private(set) var isRunning = false
    private(set) var count = 0
    private var failures = CappedList<TestFailure>()
    private var lastDropped: SourceLocation?

    func begin() {
        isRunning = true
        count = 0
        failures.removeAll()
        lastDropped = nil
    }

    /// Ends the test: what it expected, and what failed.
    func end() -> (count: Int, failures: [TestFailure]) {
        isRunning = false
        defer { failures.removeAll() }
        guard let note = failures.droppedNote(more: "failures", holder: "a test", kind: "failures") else {
            return (count, failures.elements)
        }
        return (count, failures.elements + [TestFailure(kind: .expectation, message: note, location: lastDropped)])
    }

    func expectation(passed: Bool, message: String, expected: String?, actual: String?, at location: SourceLocation) {
        count += 1
        if !passed {
            keep(
                TestFailure(
                    kind: .expectation, message: message, location: location, expected: expected, actual: actual))
        }
    }

    func fixtureFailed(_ message: String, at location: SourceLocation) {
        guard isRunning else { return }
        keep(
            TestFailure(
                kind: .fixture, message: TextLimit.text(message, limit: FindingSink.byteCapacity), location: location))
    }

    private func keep(_ failure: TestFailure) {
        let size = failure.message.utf8.count + (failure.expected?.utf8.count ?? 0) + (failure.actual?.utf8.count ?? 0)
        if !failures.append(size: size, { failure }) { lastDropped = failure.location }
    }
}
