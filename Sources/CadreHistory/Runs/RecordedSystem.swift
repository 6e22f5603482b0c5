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
    public var waivers: [Waiver]
    /// One per rule evaluated, sorted by rule id.
    public var results: ResultList

    public init(
        file: String, id: String?, name: String?, digest: String, diagnostics: [Diagnostic], waivers: [Waiver],
        results: ResultList
    ) {
        self.file = file
        self.id = id
        self.name = name
        self.digest = digest
        self.diagnostics = diagnostics
        self.waivers = waivers
        self.results = results
    }

    public var isValid: Bool { id != nil && !diagnostics.containsErrors }
}
