import CadreEngine
import CadreHistory
import CadreModel
import CadreReports
import Foundation

/// What the HTML report draws besides the run, worked out here because CadreReports does not
/// reach the history: the obligations to come (`cadre timeline`'s data) and the history's trend.
enum HTMLReportInputs {
    /// The rules that come into force or lapse in the two years from `asOf` (the period `cadre
    /// timeline` shows by default), with the systems whose `applies` says they concern them, and
    /// the waivers (a descriptor's, the workspace's files') whose last day is in the period. The
    /// systems are read one at a time; only the rules with a date in the period are asked.
    static func timeline(of workspace: Workspace, rules: [RuleInfo], asOf: ISODate) -> ReportTimeline {
        let until =
            ISODate(year: asOf.year + 2, month: asOf.month, day: asOf.day)
            ?? ISODate(year: asOf.year + 2, month: asOf.month, day: 28) ?? asOf
        var windows: [(rule: String, dates: [(date: ISODate, kind: TimelineEventKind)])] = []
        for rule in rules {
            let dates = Timeline.dates(of: rule, from: asOf, until: until)
            if !dates.isEmpty { windows.append((rule.id, dates)) }
        }
        var expiring: [ReportTimeline.Entry] = []
        var counts = [Int](repeating: 0, count: windows.count)
        var named = [[String]](repeating: [], count: windows.count)
        let limit = ReportTimeline.namedSystems
        _ = Engine(workspace: workspace).applicability(only: Set(windows.map(\.rule))) { system in
            guard let id = system.id, !system.diagnostics.containsErrors else { return }
            for waiver in Timeline.expiringWaivers(of: system, workspace: workspace.waivers, from: asOf, until: until) {
                expiring.append(
                    ReportTimeline.Entry(
                        date: waiver.expires, kind: .waiverExpires, rule: waiver.rule, systemCount: 1, systems: [id],
                        approvedBy: waiver.approvedBy))
            }
            for (index, window) in windows.enumerated() where system.answers[window.rule] == .applies {
                counts[index] += 1
                named[index].append(id)
                // The first ids in order, without keeping them all.
                if named[index].count > 2 * limit { named[index] = Array(named[index].sorted().prefix(limit)) }
            }
        }
        var entries: [ReportTimeline.Entry] = []
        for (index, window) in windows.enumerated() where counts[index] > 0 {
            let systems = Array(named[index].sorted().prefix(limit))
            for (date, kind) in window.dates {
                entries.append(
                    ReportTimeline.Entry(
                        date: date, kind: kind, rule: window.rule,
                        systemCount: counts[index], systems: systems))
            }
        }
        return ReportTimeline(from: asOf, until: until, entries: entries + expiring)
    }

    /// The last runs of the workspace's history (`.cadre/history.sqlite`), oldest first; nil when
    /// it has none. A workspace without a history is not given one.
    static func trend(of workspace: Workspace, runs limit: Int = 60) -> ReportTrend? {
        let file = HistoryStore.file(in: workspace.root)
        guard FileManager.default.fileExists(atPath: file), let history = try? HistoryStore.open(at: file),
            let runs = try? history.runs(), !runs.isEmpty
        else { return nil }
        return ReportTrend(
            runs: runs.prefix(limit).reversed().map { run in
                ReportTrend.Run(
                    number: run.id, asOf: run.asOf, recordedAt: run.recordedAt, failed: run.counts[.fail] ?? 0,
                    errors: run.counts[.error] ?? 0, warned: run.counts[.warn] ?? 0)
            })
    }
}
