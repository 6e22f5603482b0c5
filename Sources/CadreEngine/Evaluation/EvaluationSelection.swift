import CadreModel

/// Which (descriptor file, rule) pairs a partial evaluation runs: the rules to evaluate on each
/// file. Files not named are not loaded; rules not named on a file produce no result there.
public struct EvaluationSelection: Sendable, Hashable {
    /// Descriptor file (as in ``Workspace/systemFiles``) → ids of the rules to evaluate on it.
    public var rulesByFile: [String: Set<String>]

    public init(_ rulesByFile: [String: Set<String>] = [:]) { self.rulesByFile = rulesByFile }

    /// The rules selected on `file` (empty when the file is not selected).
    public func rules(on file: String) -> Set<String> { rulesByFile[file] ?? [] }

    /// Selects `rules` on `file`, besides what is already selected there.
    public mutating func select(_ rules: some Sequence<String>, on file: String) {
        rulesByFile[file, default: []].formUnion(rules)
    }

    /// How many pairs are selected.
    public var count: Int { rulesByFile.values.reduce(0) { $0 + $1.count } }
}

extension Engine {
    /// Evaluates only the pairs of `selection`, under the law in force on `asOf` (a re-check
    /// uses it to run only what changed).
    ///
    /// The result is partial: it holds the selected files (in the workspace's order of systems,
    /// sorted for reports), each with the results of its selected rules only, and every rule
    /// loaded. Nothing is resolved between systems — two selected descriptors with one id are both
    /// evaluated, and workspace waivers are not checked against the systems — since the systems
    /// left out are unknown here: merge the systems with the rest and pass them to
    /// ``Evaluation/init(assembling:rules:workspace:asOf:diagnostics:)``. Selecting every rule on
    /// every file and assembling gives what ``evaluate(asOf:)`` gives.
    public func evaluate(asOf: ISODate, selection: EvaluationSelection) -> Evaluation {
        let run = Run(files: workspace.systemFiles, planning: { _, _ in selection })
        execute(run, asOf: asOf)
        return run.partial(workspace: workspace, asOf: asOf)
    }

    /// Evaluates the pairs `planning` selects, once the rules are known: the engine's first
    /// worker loads the packs and calls `planning` with every rule and the problems loading them,
    /// before any descriptor is read; the other workers wait for its answer. A re-check plans
    /// this way, with no Lua state of its own to list the rules.
    ///
    /// - Returns: the partial evaluation of the selected pairs (as ``evaluate(asOf:selection:)``
    ///   gives it), with every rule loaded even when no pair is selected; nil when `planning`
    ///   returned nil (nothing was evaluated).
    public func evaluate(
        asOf: ISODate,
        planning: @escaping @Sendable (_ rules: [RuleInfo], _ problems: [Diagnostic]) -> EvaluationSelection?
    ) -> Evaluation? {
        let run = Run(files: workspace.systemFiles, planning: planning)
        execute(run, asOf: asOf)
        guard !run.abandoned else { return nil }
        return run.partial(workspace: workspace, asOf: asOf)
    }
}
