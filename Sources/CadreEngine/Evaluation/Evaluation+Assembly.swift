import CadreModel

/// A system as an evaluation puts systems together: ``SystemEvaluation``, and a system a re-check
/// merges from recorded and fresh results (CadreHistory).
public protocol AssembledSystem {
    var id: String? { get }
    /// The descriptor file.
    var file: String { get }
    /// Makes this system a second description of an id: no results, and `problem` reported.
    mutating func setAside(for problem: Diagnostic)
}

extension SystemEvaluation: AssembledSystem {
    public mutating func setAside(for problem: Diagnostic) {
        results = []
        diagnostics.append(problem)
    }
}

/// Putting an evaluation together from what workers found on each system: the order of reports,
/// descriptors that share an id, waivers that name nothing known. ``Engine/evaluate(asOf:)`` and a
/// re-check that merges recorded results with fresh ones (CadreHistory) go through the same steps.
extension Evaluation {
    /// An evaluation of `systems` as workers produced them: sorted, the second descriptor of an
    /// id reported and not evaluated, waivers naming no known rule or system warned about.
    ///
    /// - Parameters:
    ///   - systems: every system of the run, in any order, duplicate ids not yet resolved.
    ///   - rules: the rules loaded, sorted by id.
    ///   - diagnostics: problems found while loading rules (the workspace's are added).
    public init(
        assembling systems: [SystemEvaluation], rules: [RuleInfo], workspace: Workspace, asOf: ISODate,
        diagnostics: [Diagnostic]
    ) {
        var systems = systems.sorted(by: Self.reportOrder)
        let problems =
            workspace.diagnostics + diagnostics + Self.resolve(&systems, waivers: workspace.waivers, rules: rules)
        self.init(
            asOf: asOf, workspace: workspace.configuration.name, packs: Self.packSummaries(of: workspace), rules: rules,
            systems: systems, diagnostics: problems.sortedForDisplay())
    }

    /// The order of systems in reports: by id then file, invalid descriptors (no id) last, by file.
    public static func reportOrder(_ a: SystemEvaluation, _ b: SystemEvaluation) -> Bool {
        reportOrder((a.id, a.file), (b.id, b.file))
    }

    /// The order of systems in reports, from their ids and files alone.
    static func reportOrder(_ a: (id: String?, file: String), _ b: (id: String?, file: String)) -> Bool {
        switch (a.id, b.id) {
        case (let x?, let y?): (x, a.file) < (y, b.file)
        case (nil, nil): a.file < b.file
        case (nil, _): false
        case (_, nil): true
        }
    }

    /// What depends on every system of a run: a descriptor describing an id a descriptor before
    /// it (in report order) described is set aside, and workspace waivers that name no known
    /// rule or system are warned about (the problems returned).
    public static func resolve<System: AssembledSystem>(_ systems: inout [System], waivers: [Waiver], rules: [RuleInfo])
        -> [Diagnostic]
    {
        let duplicates = Self.duplicates(among: systems.map { ($0.id, $0.file) })
        for index in systems.indices {
            guard let id = systems[index].id, let first = duplicates[systems[index].file] else { continue }
            systems[index].setAside(for: duplicateDiagnostic(file: systems[index].file, id: id, first: first))
        }
        return waiverProblems(waivers, rules: rules, systems: Set(systems.compactMap(\.id)))
    }

    /// The descriptors that describe an id a descriptor before them (in report order) described:
    /// their file → the first one's file. They are reported, not evaluated.
    static func duplicates(among systems: [(id: String?, file: String)]) -> [String: String] {
        var seen: [String: String] = [:]
        var duplicates: [String: String] = [:]
        let ordered = systems.sorted(by: reportOrder)
        for system in ordered {
            guard let id = system.id else { continue }
            if let first = seen[id] { duplicates[system.file] = first } else { seen[id] = system.file }
        }
        return duplicates
    }

    /// The problem reported on a descriptor whose id `first` already describes.
    static func duplicateDiagnostic(file: String, id: String, first: String) -> Diagnostic {
        .error(
            .duplicateID, at: .start(of: file), "system `\(id)` is also described in `\(first)`",
            hint: "every system needs its own id")
    }

    /// The workspace's packs as a run reports them.
    public static func packSummaries(of workspace: Workspace) -> [PackSummary] {
        workspace.packs.map { pack in
            PackSummary(
                id: pack.id, version: pack.version, title: pack.manifest.title, folder: pack.folder,
                digest: pack.digest,
                settings: pack.settings,
                files: Dictionary(
                    uniqueKeysWithValues: (pack.ruleFiles + pack.modules.values.sorted { $0.path < $1.path }).map {
                        ($0.path, $0.digest)
                    }))
        }
    }

    /// Workspace waivers that name no known rule or system: probably a typo, so a warning.
    static func waiverProblems(_ waivers: [Waiver], rules: [RuleInfo], systems: Set<String>) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let ids = rules.map(\.id)
        for waiver in waivers {
            if !ids.contains(where: { waiver.covers(rule: $0) }) {
                problems.append(
                    .warning(
                        .unknownRule, at: waiver.location,
                        "the waiver names rule `\(waiver.rule)`, which no pack defines",
                        hint: Suggestion.hint(for: waiver.rule, among: ids)))
            }
            if !systems.contains(waiver.system) {
                problems.append(
                    .warning(
                        .unknownSystem, at: waiver.location,
                        "the waiver names system `\(waiver.system)`, which no descriptor describes",
                        hint: Suggestion.hint(for: waiver.system, among: systems)))
            }
        }
        return problems
    }
}

extension Evaluation.PackSummary {
    /// A pack summary made elsewhere than in a run (a recorded run read back).
    public init(
        _ id: String, version: String, title: String, folder: String, digest: String, settings: [String: String],
        files: [String: String]
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.folder = folder
        self.digest = digest
        self.settings = settings
        self.files = files
    }
}
