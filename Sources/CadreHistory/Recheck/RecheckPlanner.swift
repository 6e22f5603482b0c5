import CadreEngine
import CadreModel
import Foundation

/// Compares the workspace with the last run and decides which (system, rule) pairs to evaluate:
///
/// - every pair, on the first run, or when cadre's version, the limits, a taxonomy file or a
///   plugin changed;
/// - a rule on every system, when its file changed, its pack's shared parts (modules, data,
///   settings) changed, it is new, it read the as-of date (`ctx.as_of`) last time and the date
///   moved, it read its pack's `version` and that changed, or the new as-of date is on the other
///   side of one of its effective dates;
/// - every rule on a system, when its descriptor is new or changed, or shared its id last time;
/// - a rule on a system, when the waivers that cover it changed, or one expired (or is in force
///   again) between the two dates;
/// - a rule that read stores (`ctx:store`) last time, on every system whose descriptor declares
///   stores, at every re-check: the data may have changed, and no digest covers it.
///
/// What a rule read is what it touched when it last ran (``RecordedRun/readings``); a rule the
/// last run knows nothing of is taken to read everything.
///
/// Everything else is copied. Descriptors and rules that disappeared are dropped.
struct RecheckPlanner {
    let workspace: Workspace
    let inputs: WorkspaceInputs
    /// The rules the workspace loads now.
    let rules: [RuleInfo]
    let asOf: ISODate
    /// Whether rules read stores in this run.
    var readsStores = true
    /// What is known of the descriptor files, by file (read here when not given).
    var descriptors: [String: Descriptor] = [:]

    /// A descriptor file as the planner sees it: the digest of its bytes (empty when it cannot be
    /// read), and whether it mentions `stores`.
    struct Descriptor: Sendable {
        var digest: String
        var mentionsStores: Bool

        init(at path: String) {
            // As the engine reads it: at most one byte past the limit, only a regular file.
            let bytes = try? FileReader.read(path)
            digest = bytes.map { Digest.sha256($0) } ?? ""
            mentionsStores = bytes.map { Data($0).range(of: Data("stores".utf8)) != nil } ?? false
        }
    }

    /// The descriptor files of `workspace`, read and hashed on every core.
    static func descriptors(of workspace: Workspace) -> [String: Descriptor] {
        let files = workspace.systemFiles
        return Dictionary(
            zip(files, files.concurrentMap { Descriptor(at: workspace.files.path($0)) }),
            uniquingKeysWith: { a, _ in a })
    }

    /// The pairs to evaluate after `last` (nil: no earlier run), and why: the changes that concern
    /// every pair (RecheckPlanner+Everything.swift), else the rules to run on every system
    /// (+Rules, +Date), the rules that read stores, then system by system the descriptors
    /// (+Descriptors) and the waivers (+Waivers) that changed.
    func plan(after last: RecordedRun?) -> RecheckPlan {
        guard let last else {
            return fullPlan([ChangeReason(.firstRun, "history", "no earlier run: every pair is evaluated")])
        }
        let engine = engineChanges(since: last)
        if !engine.isEmpty { return fullPlan(engine) }
        let plugins = pluginChanges(since: last)
        if !plugins.isEmpty { return fullPlan(plugins) }

        var (everywhere, reasons) = rulesToRerun(after: last)
        // Rules that read stores see data no digest covers: again on every system with stores.
        let storeRules = readsStores ? rulesReadingStores(after: last, besides: everywhere) : []
        for rule in storeRules.sorted() {
            reasons.append(
                ChangeReason(
                    .stores, rule, "reads stores, whose data may have changed: on every system that declares stores"))
        }
        var selection = EvaluationSelection()
        reasons += select(after: last, everywhere: everywhere, storeRules: storeRules, into: &selection)
        return RecheckPlan(
            selection: selection, reasons: reasons, isFull: false, totalPairs: totalPairs,
            rulesEverywhere: everywhere)
    }

    /// Every rule on every descriptor file, for `reasons`.
    private func fullPlan(_ reasons: [ChangeReason]) -> RecheckPlan {
        let everything = Set(rules.map(\.id))
        var selection = EvaluationSelection()
        for file in workspace.systemFiles { selection.select(everything, on: file) }
        return RecheckPlan(
            selection: selection, reasons: reasons, isFull: true, totalPairs: totalPairs, rulesEverywhere: everything)
    }

    /// Pairs of the new run: descriptors × rules.
    private var totalPairs: Int { workspace.systemFiles.count * rules.count }

    /// The rules not in `everywhere` that read stores when they last ran.
    private func rulesReadingStores(after last: RecordedRun, besides everywhere: Set<String>) -> Set<String> {
        Set(
            rules.lazy.filter { !everywhere.contains($0.id) && last.readings(of: $0.id).contains(.stores) }.map(\.id))
    }
}
