import CadreEngine
import CadreModel
import Foundation

/// A baseline: the results of a workspace as a repository commits them (`cadre.baseline.json`),
/// so that a job with no history — a fresh CI clone — knows what is new.
///
/// It holds, for every (system, rule) pair, the result's digest (the one the history keys it
/// by, without the run's number: ``ResultKey/content``) and the result as a change report shows
/// it; the packs (id, version, digest), the rules (their file's digest), the descriptors (file,
/// id, owner, digest) and the as-of date. It holds no personal data and no secret: no evidence
/// (only its digest), no rule log, no waiver's reason or approver, no store URL. Everything is
/// sorted, so two baselines of the same results are the same bytes (``BaselineFile``).
public struct Baseline: Sendable, Hashable {
    /// The format this cadre writes and reads.
    public static let format = "cadre-baseline/v1"
    /// The file `cadre baseline write` writes, in the workspace's root.
    public static let defaultFile = "cadre.baseline.json"

    public struct Pack: Sendable, Hashable, Codable {
        public var id: String
        public var version: String
        /// The digest of the whole pack.
        public var digest: String
        /// The digest of what all its rules share (modules, data, settings, title, API).
        public var shared: String?
    }

    public struct Rule: Sendable, Hashable, Codable {
        public var id: String
        public var pack: String
        /// The digest of the rule's file (not its path, which for a pack from git or cadre's
        /// own packs is on this machine only).
        public var digest: String
    }

    public struct System: Sendable, Hashable, Codable {
        /// The descriptor, relative to the workspace.
        public var file: String
        /// Nil for a descriptor with errors.
        public var id: String?
        /// The descriptor's `owner`, when it has one.
        public var owner: String?
        /// The digest of the descriptor's bytes.
        public var digest: String

        /// The name results use for it: its id, or its file.
        var name: String { id ?? file }
    }

    /// One pair's result.
    public struct Entry: Sendable, Hashable, Codable {
        /// ``ResultKey/content`` of the result's recorded form, 56 hex digits.
        public var digest: String
        /// The result as ``Baseline/shown(_:)`` keeps it.
        public var result: RuleResult
    }

    public var asOf: ISODate
    public var cadreVersion: String
    public var workspace: String?
    public var packs: [Pack]
    public var rules: [Rule]
    public var systems: [System]
    /// Sorted by system, then rule.
    public var results: [Entry]
    /// Where it was read from, as shown to users (`cadre.baseline.json`, `… at HEAD~1`); not written.
    public var source = ""

    public init(
        asOf: ISODate, cadreVersion: String, workspace: String?, packs: [Pack], rules: [Rule], systems: [System],
        results: [Entry]
    ) {
        self.asOf = asOf
        self.cadreVersion = cadreVersion
        self.workspace = workspace
        self.packs = packs.sorted { $0.id < $1.id }
        self.rules = rules.sorted { $0.id < $1.id }
        self.systems = systems.sorted { $0.file < $1.file }
        self.results = results.sorted { ($0.result.system, $0.result.rule) < ($1.result.system, $1.result.rule) }
    }

    /// The baseline of a recorded run, given every one of its results (by key) and the owners of
    /// its descriptors (by file).
    public init(
        of run: RecordedRun, results: [ResultKey: RuleResult], owners: [String: String]
    ) {
        let ruleFiles = Dictionary(
            run.inputs.filter { $0.kind == .packFile && $0.detail["role"] == "rule" }.map { ($0.path, $0.digest) },
            uniquingKeysWith: { a, _ in a })
        var entries: [Entry] = []
        for system in run.systems {
            for reference in system.results {
                guard let result = results[reference.key]?.on(system.id) else { continue }
                entries.append(Entry(digest: reference.key.content.contentHex, result: Self.shown(result)))
            }
        }
        self.init(
            asOf: run.info.asOf, cadreVersion: run.info.cadreVersion, workspace: run.info.workspace,
            packs: run.inputs.filter { $0.kind == .pack }.map {
                Pack(id: $0.name, version: $0.version ?? "", digest: $0.digest, shared: $0.detail["shared"])
            },
            rules: run.rules.map { Rule(id: $0.id, pack: $0.pack, digest: ruleFiles[$0.file] ?? "") },
            systems: run.systems.map {
                System(file: $0.file, id: $0.id, owner: owners[$0.file], digest: $0.digest)
            },
            results: entries)
    }

    /// A result as a baseline keeps it: no log, each finding's evidence as one digest (what
    /// tells two findings apart, not what they hold), a waiver as its expiry and place only.
    public static func shown(_ result: RuleResult) -> RuleResult {
        var shown = result
        shown.log = []
        shown.findings = result.findings.map { finding in
            var finding = finding
            if !finding.evidence.isEmpty {
                finding.evidence = [
                    evidencePrefix + Digest.sha256(Data(finding.evidence.joined(separator: "\u{1E}").utf8))
                ]
            }
            return finding
        }
        shown.waiver = result.waiver.map {
            RuleResult.AppliedWaiver(reason: "", approvedBy: "", expires: $0.expires, location: $0.location)
        }
        return shown
    }

    /// How a finding's evidence starts in a baseline: the digest of what it was.
    static let evidencePrefix = "sha256:"

    /// The baseline as a run ``RunComparison`` compares, with its results by key (their
    /// ``ResultKey/content``).
    func recordedRun() -> (run: RecordedRun, results: [ResultKey: RuleResult]) {
        var bySystem: [String: [ResultReference]] = [:]
        var results: [ResultKey: RuleResult] = [:]
        for entry in self.results {
            guard let key = ResultKey(contentHex: entry.digest) else { continue }
            results[key] = entry.result
            bySystem[entry.result.system, default: []].append(
                ResultReference(
                    rule: entry.result.rule, key: key, status: entry.result.status, severity: entry.result.severity))
        }
        var seen: Set<String> = []
        let systems = self.systems.map { system -> RecordedSystem in
            // Descriptors sharing an id: the first holds the results.
            let references = seen.insert(system.name).inserted ? bySystem[system.name] ?? [] : []
            return RecordedSystem(
                file: system.file, id: system.id, name: nil, digest: system.digest, diagnostics: [], waivers: [],
                results: ResultList(references.sorted { $0.rule < $1.rule }))
        }
        let info = RunInfo(
            id: 0, recordedAt: "", asOf: asOf, cadreVersion: cadreVersion, workspace: workspace, kind: .full,
            previousRun: nil, evaluatedPairs: 0, totalPairs: results.count, counts: [:],
            packs: packs.map { .init(id: $0.id, version: $0.version) })
        return (
            RecordedRun(
                info: info, engine: "", inputs: [], rules: [], waivers: [], systems: systems, diagnostics: []),
            results
        )
    }
}

extension ResultKey {
    /// This key without the number of the run that stored it (its first 4 bytes zero): the
    /// same for one content, whichever run stored it.
    public var content: ResultKey {
        var raw = self.raw
        for index in 0..<4 { raw[index] = 0 }
        return ResultKey(raw: raw)!
    }

    /// The 56 hex digits of the content (after the run's number).
    var contentHex: String { String(hex.dropFirst(8)) }

    /// The key of a content written as 56 hex digits (``contentHex``).
    init?(contentHex: String) {
        guard contentHex.utf8.count == 56 else { return nil }
        self.init(hex: "00000000" + contentHex)
    }
}
