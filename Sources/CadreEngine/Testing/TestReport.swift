import CadreModel

/// Everything a run of `cadre test` found, in a stable order: packs as given, files by path,
/// tests in the order their files declare them.
public struct TestReport: Sendable {
    /// Counts of tests by status.
    public struct Summary: Sendable, Hashable {
        public var passed = 0
        public var failed = 0
        public var errors = 0
        public var total: Int { passed + failed + errors }

        public init(passed: Int = 0, failed: Int = 0, errors: Int = 0) {
            self.passed = passed
            self.failed = failed
            self.errors = errors
        }
    }

    public var cases: [TestCase]
    /// Rules of the packs tested, and whether the tests exercised them both ways.
    public var coverage: RuleCoverage
    /// Problems with the packs and test files: a pack that does not load, a test file that
    /// cannot be read, does not compile, or fails while declaring its tests.
    public var diagnostics: [Diagnostic]
    /// The `--filter` in effect.
    public var filter: String?
    /// The packs tested: id and folder.
    public var packs: [(id: String, folder: String)]
    /// The test files run.
    public var files: [String]

    public init(
        cases: [TestCase], coverage: RuleCoverage, diagnostics: [Diagnostic], filter: String?,
        packs: [(id: String, folder: String)],
        files: [String]
    ) {
        self.cases = cases
        self.coverage = coverage
        self.diagnostics = diagnostics
        self.filter = filter
        self.packs = packs
        self.files = files
    }

    public var summary: Summary {
        var summary = Summary()
        for test in cases {
            switch test.status {
            case .pass: summary.passed += 1
            case .fail: summary.failed += 1
            case .error: summary.errors += 1
            }
        }
        return summary
    }

    /// Whether a pack or a test file could not be used.
    public var hasInvalidInput: Bool { diagnostics.containsErrors }

    /// Whether coverage is below `minimum` percent.
    public func isBelow(minCoverage minimum: Double?) -> Bool {
        guard let minimum else { return false }
        return coverage.percent + 1e-9 < minimum
    }

    /// The documented exit status: 2 for invalid input, else 1 when a test did not pass or
    /// coverage is below `minCoverage`, else 0.
    public func exitStatus(minCoverage: Double?) -> Int32 {
        if hasInvalidInput { return 2 }
        let summary = summary
        if summary.failed > 0 || summary.errors > 0 || isBelow(minCoverage: minCoverage) { return 1 }
        return 0
    }
}
