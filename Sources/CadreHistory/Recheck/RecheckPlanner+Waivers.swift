import CadreModel

/// A rule on a system whose waivers changed, or whose waiver expired (or is in force again)
/// between the last run's date and this one's.
extension RecheckPlanner {
    /// Adds to `rerun` the rules not in it yet whose waivers on system `id` changed since `last`,
    /// and tells why. `before` and `after` are the waiver files' waivers of the system in the
    /// last run and now; `descriptorWaivers` the descriptor's own (unchanged, as the descriptor).
    func waiverChanges(
        on id: String, descriptorWaivers: [Waiver], before: [Waiver]?, after: [Waiver]?, since last: RecordedRun,
        rerun: inout Set<String>
    ) -> [ChangeReason] {
        guard before != nil || after != nil || !descriptorWaivers.isEmpty else { return [] }
        let before = (before ?? []) + descriptorWaivers
        let after = (after ?? []) + descriptorWaivers
        var reasons: [ChangeReason] = []
        for rule in rules where !rerun.contains(rule.id) {
            guard let reason = waiverChange(of: rule.id, on: id, before: before, after: after, lastAsOf: last.info.asOf)
            else { continue }
            rerun.insert(rule.id)
            reasons.append(reason)
        }
        return reasons
    }

    /// Why `rule` is evaluated again on system `id`: the waivers covering it differ, or one of
    /// them holds on one of the two dates and not on the other; nil otherwise.
    private func waiverChange(
        of rule: String, on id: String, before: [Waiver], after: [Waiver], lastAsOf: ISODate
    ) -> ChangeReason? {
        let covering = (Set(before.filter { $0.covers(rule: rule) }), Set(after.filter { $0.covers(rule: rule) }))
        if covering.0 != covering.1 {
            return ChangeReason(.waiver, "\(rule) on \(id)", "the waivers covering it changed")
        }
        guard let waiver = covering.1.first(where: { $0.isActive(on: lastAsOf) != $0.isActive(on: asOf) }) else {
            return nil
        }
        let what = waiver.isActive(on: asOf) ? "is in force again" : "expired on \(waiver.expires)"
        return ChangeReason(.waiverExpiry, "\(rule) on \(id)", "the waiver approved by \(waiver.approvedBy) \(what)")
    }
}
