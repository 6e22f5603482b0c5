import CadreEngine
import CadreModel

/// One rule's result on a system, by reference: the result itself is stored once under `key`.
public struct ResultReference: Sendable, Hashable {
    public var rule: String
    /// The digest of the result's recorded form.
    public var key: ResultKey
    public var status: RuleResult.Status
    public var severity: Severity

    public var fails: Bool { status == .fail || status == .error }
}

/// One descriptor of a run. Paths are relative to the workspace.
public struct RecordedSystem: Sendable, Hashable {
    public var file: String
    public var id: String?
    public var name: String?
    public var digest: String
    public var diagnostics: [Diagnostic]
    /// The waivers the descriptor declares.
    public var waivers: [CadreEngine.Waiver]
    /// One per rule evaluated, sorted by rule id.
    public var results: [ResultReference] {
        didSet {
            resultsKey = nil
            base = nil
        }
    }
    /// The digest of ``results`` as recorded (nil until known): two systems with one key have the
    /// same results, so comparing runs and recording copies skip them.
    public internal(set) var resultsKey: String?
    /// The full list ``results`` derives from, when known: the system's next list is recorded as
    /// the few results that differ from it (see ``ResultCoding``).
    var base: ListBase?

    public init(
        file: String, id: String?, name: String?, digest: String, diagnostics: [Diagnostic], waivers: [CadreEngine.Waiver],
        results: [ResultReference], resultsKey: String? = nil
    ) {
        self.file = file
        self.id = id
        self.name = name
        self.digest = digest
        self.diagnostics = diagnostics
        self.waivers = waivers
        self.results = results
        self.resultsKey = resultsKey
    }

    public var isValid: Bool { id != nil && !diagnostics.containsErrors }
}

/// A full result list recorded in the history, and the positions (in its rule set's order) where a
/// system's results may differ from it; everywhere else they are the same. A re-check after one
/// rule changed records each system's list as that one difference from its base.
struct ListBase: Sendable, Hashable {
    /// The key of the full list.
    var key: String
    /// Positions that may differ, sorted.
    var overridden: [Int]
}
