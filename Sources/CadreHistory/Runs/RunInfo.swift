import CadreModel

/// What `cadre history` lists about a run.
public struct RunInfo: Sendable, Hashable {
    /// How a run came to be.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Every pair evaluated (the first run, or after a change of cadre, limits or taxonomy).
        case full
        /// Only what changed since the previous run evaluated, the rest copied from it.
        case recheck
    }

    /// A pack as the run used it.
    public struct PackVersion: Sendable, Hashable, Codable {
        public var id: String
        public var version: String
    }

    /// The run's number, as `cadre history` prints it and `cadre diff` reads it.
    public var id: Int64
    /// When it was recorded: UTC, ISO 8601 (`2026-11-29T08:15:02Z`).
    public var recordedAt: String
    public var asOf: ISODate
    public var cadreVersion: String
    /// The workspace's name, if it has one.
    public var workspace: String?
    public var kind: Kind
    /// The run it re-checked.
    public var previousRun: Int64?
    /// (system, rule) pairs evaluated by this run.
    public var evaluatedPairs: Int
    /// (system, rule) pairs of the run: descriptors × rules.
    public var totalPairs: Int
    /// Results by status.
    public var counts: [RuleResult.Status: Int]
    /// The packs it used, by id.
    public var packs: [PackVersion]
    /// What triggered it, at which commit of which branch.
    public var origin = RunOrigin()
}
