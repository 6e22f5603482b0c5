import CadreModel

extension Engine {
    /// The results of the rules `only` names on a descriptor the workspace does not hold as a
    /// file — one changed in memory, such as a system with its recorded DPIA set aside to ask the
    /// rules why one is required (`cadre dpia`). The rules run as in an evaluation (dates in
    /// force, `applies`, `check`, limits), without waivers and without reading stores: a rule that
    /// reads them is skipped (`stores-not-read`). Empty when a worker cannot start.
    public func evaluate(_ document: DescriptorDocument, only: Set<String>, asOf: ISODate) -> [RuleResult] {
        guard
            let worker = try? EngineWorker(
                packs: workspace.packs, plugins: workspace.plugins, taxonomy: workspace.taxonomy, limits: limits,
                asOf: asOf)
        else { return [] }
        return worker.evaluate(document, waivers: WaiverBook(), only: only)
    }
}
