import CadreModel

/// What a run found on one system: every rule's result, or why the descriptor could not be read.
public struct SystemEvaluation: Sendable, Hashable {
    /// The descriptor file as shown to users.
    public var file: String
    /// The system's id (nil when the descriptor is invalid).
    public var id: String?
    public var name: String?
    /// SHA-256 of the descriptor file.
    public var digest: String
    /// One result per rule, sorted by rule id (none when the descriptor is invalid).
    public var results: [RuleResult]
    /// Problems of the descriptor (errors make it invalid; warnings do not).
    public var diagnostics: [Diagnostic]
    /// The waivers the descriptor declares for its own system (workspace waiver files add theirs).
    public var waivers: [Waiver] = []
    /// What reports show of the descriptor (roles, purposes, AI parts, stores); nil when the
    /// descriptor is invalid, or the evaluation was read back from the history. A view of the
    /// descriptor, which `digest` names: it takes no part in comparing two evaluations (a run read
    /// back from the history equals the same run evaluated anew).
    public var profile: SystemProfile?

    public var isValid: Bool { id != nil && !diagnostics.containsErrors }

    public init(
        file: String, id: String?, name: String?, digest: String, results: [RuleResult], diagnostics: [Diagnostic]
    ) {
        self.file = file
        self.id = id
        self.name = name
        self.digest = digest
        self.results = results
        self.diagnostics = diagnostics
    }
}

extension SystemEvaluation {
    /// Equal when everything but the ``profile`` is: the same descriptor (by digest), results,
    /// problems and waivers.
    public static func == (lhs: SystemEvaluation, rhs: SystemEvaluation) -> Bool {
        lhs.file == rhs.file && lhs.id == rhs.id && lhs.name == rhs.name && lhs.digest == rhs.digest
            && lhs.results == rhs.results && lhs.diagnostics == rhs.diagnostics && lhs.waivers == rhs.waivers
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(file)
        hasher.combine(id)
        hasher.combine(digest)
        hasher.combine(results)
    }
}
