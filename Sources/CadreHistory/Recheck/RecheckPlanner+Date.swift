import CadreModel

/// A new as-of date: the rules that read it, and those whose effective window it enters or leaves.
extension RecheckPlanner {
    /// Why `rule` (`old` in the last run) is evaluated again on every system because the as-of
    /// date moved, or nil.
    func dateChange(of rule: RuleInfo, was old: RuleInfo, after last: RecordedRun) -> ChangeReason? {
        if last.info.asOf != asOf, last.readings(of: rule.id).contains(.asOf) {
            return ChangeReason(.asOf, rule.id, "reads the as-of date, now \(asOf): on every system")
        }
        let now = rule.window(on: asOf)
        guard old.window(on: last.info.asOf) != now else { return nil }
        let what = now == nil ? "comes into force" : now == .noLongerInForce ? "lapses" : "is not yet in force"
        return ChangeReason(.effectiveWindow, rule.id, "\(what) as of \(asOf): on every system")
    }
}
