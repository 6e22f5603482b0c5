import CadreEngine
import CadreModel
import CadreReports
import Foundation

/// For each system, the obligations that come into force or lapse in a period: the rules that
/// concern it (their `applies` says so) whose effective window starts or ends between two dates;
/// and the waivers that expire then (its descriptor's and the workspace's waiver files').
public struct Timeline: Sendable {
    /// One obligation starting or ending for a system.
    public struct Event: Sendable, Hashable {
        public var date: ISODate
        /// `comesIntoForce` or `lapses` (expiring waivers are ``SystemTimeline/expiringWaivers``).
        public var kind: TimelineEventKind
        public var rule: RuleInfo
    }

    /// One system's events, by date then rule.
    public struct SystemTimeline: Sendable {
        public var file: String
        public var id: String?
        public var name: String?
        public var events: [Event]
        /// Rules whose `applies` raised an error on the system, with the message: whether they
        /// concern it cannot be told.
        public var undecided: [(rule: String, message: String)]
        public var diagnostics: [Diagnostic]
        /// The waivers covering the system whose last day is in the period, by date then rule.
        public var expiringWaivers: [Waiver] = []
    }

    public var from: ISODate
    public var until: ISODate
    public var systems: [SystemTimeline]
    public var diagnostics: [Diagnostic]

    /// The timeline of `applicability`'s systems between `from` and `until`, both days included.
    /// `waivers` are the workspace's waiver files' (each names its system); each system's
    /// descriptor adds its own.
    public init(_ applicability: Applicability, waivers: [Waiver] = [], from: ISODate, until: ISODate) {
        self.from = from
        self.until = until
        diagnostics = applicability.diagnostics
        var windows: [(RuleInfo, [(ISODate, TimelineEventKind)])] = []
        for rule in applicability.rules {
            let dates = Self.dates(of: rule, from: from, until: until)
            if !dates.isEmpty { windows.append((rule, dates)) }
        }
        systems = applicability.systems.map { system in
            var events: [Event] = []
            var undecided: [(String, String)] = []
            for (rule, dates) in windows {
                switch system.answers[rule.id] {
                case .applies?: events += dates.map { Event(date: $0.0, kind: $0.1, rule: rule) }
                case .failed(let message)?: undecided.append((rule.id, message))
                case .doesNotApply?, nil: break
                }
            }
            events.sort { ($0.date, $0.rule.id) < ($1.date, $1.rule.id) }
            let expiring = Self.expiringWaivers(of: system, workspace: waivers, from: from, until: until)
            return SystemTimeline(
                file: system.file, id: system.id, name: system.name, events: events, undecided: undecided,
                diagnostics: system.diagnostics, expiringWaivers: expiring)
        }
    }

    /// The waivers covering `system` — its descriptor's, and those of the workspace's waiver files
    /// (`workspace`) that name it — whose last day is between `from` and `until` (both included),
    /// by date, then rule.
    public static func expiringWaivers(
        of system: Applicability.System, workspace: [Waiver], from: ISODate, until: ISODate
    ) -> [Waiver] {
        (system.waivers + workspace.filter { $0.system == system.id })
            .filter { $0.expires >= from && $0.expires <= until }
            .sorted { ($0.expires, $0.rule, $0.location) < ($1.expires, $1.rule, $1.location) }
    }

    /// The days between `from` and `until` (both included) on which `rule` comes into force or
    /// lapses (the day after its `to`).
    public static func dates(of rule: RuleInfo, from: ISODate, until: ISODate) -> [(
        date: ISODate, kind: TimelineEventKind
    )] {
        var dates: [(ISODate, TimelineEventKind)] = []
        if let start = rule.effectiveFrom, start >= from, start <= until { dates.append((start, .comesIntoForce)) }
        if let end = rule.effectiveTo, let lapse = end.adding(days: 1), lapse >= from, lapse <= until {
            dates.append((lapse, .lapses))
        }
        return dates
    }

    /// Keeps the systems named in `names` (ids or descriptor files); returns the names that match none.
    public mutating func keep(_ names: [String]) -> [String] {
        guard !names.isEmpty else { return [] }
        let unknown = names.filter { name in
            !systems.contains { $0.id == name || $0.file == name || $0.file.hasSuffix("/" + name) }
        }
        systems = systems.filter { system in
            names.contains { $0 == system.id || $0 == system.file || system.file.hasSuffix("/" + $0) }
        }
        return unknown
    }

    /// For people: each system, then its dates.
    public func text() -> String {
        var lines = ["obligations that come into force or lapse from \(from) to \(until)", ""]
        var changing = 0
        for system in systems {
            lines.append(TerminalText.line((system.id ?? system.file) + (system.id != nil ? "  \(system.file)" : "")))
            for diagnostic in system.diagnostics where diagnostic.isError {
                lines.append("  " + diagnostic.description)
            }
            if system.events.isEmpty && system.expiringWaivers.isEmpty && system.undecided.isEmpty
                && system.id != nil
            {
                lines.append("  nothing comes into force or lapses")
            }
            if !system.events.isEmpty || !system.expiringWaivers.isEmpty { changing += 1 }
            // Obligations and waivers in one list by date; on a day, obligations first.
            var dated: [(date: ISODate, order: Int, line: String)] = []
            for event in system.events {
                let until = event.kind == .lapses ? " (last day \(event.rule.effectiveTo.map { "\($0)" } ?? ""))" : ""
                dated.append(
                    (
                        event.date, 0,
                        "  \(event.date)  \(event.kind.column)  \(event.rule.id)  \(event.rule.severity.rawValue)  \(event.rule.title)\(until)  [\(event.rule.references.citations(joinedBy: "; "))]"
                    ))
            }
            for waiver in system.expiringWaivers {
                dated.append(
                    (
                        waiver.expires, 1,
                        "  \(waiver.expires)  \(TimelineEventKind.waiverExpires.column)  \(waiver.rule)  approved by \(waiver.approvedBy)  \(waiver.reason)  [\(waiver.location.file):\(waiver.location.line)]"
                    ))
            }
            for item in dated.enumerated().sorted(by: {
                ($0.element.date, $0.element.order, $0.offset) < ($1.element.date, $1.element.order, $1.offset)
            }) {
                lines.append(TerminalText.line(item.element.line))
            }
            for (rule, message) in system.undecided {
                lines.append(TerminalText.line("  cannot tell whether \(rule) applies: \(message)"))
            }
            lines.append("")
        }
        let events = systems.reduce(0) { $0 + $1.events.count + $1.expiringWaivers.count }
        let waivers = systems.reduce(0) { $0 + $1.expiringWaivers.count }
        lines.append(
            "\(events) date\(events == 1 ? "" : "s") for \(changing) of \(systems.count) system\(systems.count == 1 ? "" : "s")"
                + (waivers == 0 ? "" : " (\(waivers) waiver\(waivers == 1 ? "" : "s") expiring)")
        )
        return lines.joined(separator: "\n") + "\n"
    }

    /// For programs: `cadre-timeline/v1`.
    public func json() -> String {
        struct Document: Encodable {
            var format = "cadre-timeline/v1"
            var from: String
            var until: String
            var systems: [System]
        }
        struct System: Encodable {
            var id: String?
            var file: String
            var events: [Item]
            var undecided: [Undecided]
            var waivers: [WaiverItem]
        }
        struct WaiverItem: Encodable {
            var expires: String
            var rule: String
            var system: String
            var approvedBy: String
            var reason: String
            var file: String
            var line: Int
        }
        struct Item: Encodable {
            var date: String
            var kind: String
            var rule: String
            var title: String
            var severity: String
            var references: [String]
            var effectiveFrom: String?
            var effectiveTo: String?
        }
        struct Undecided: Encodable {
            var rule: String
            var message: String
        }
        let document = Document(
            from: from.description, until: until.description,
            systems: systems.map { system in
                System(
                    id: system.id, file: system.file,
                    events: system.events.map {
                        Item(
                            date: $0.date.description, kind: $0.kind.rawValue, rule: $0.rule.id, title: $0.rule.title,
                            severity: $0.rule.severity.rawValue, references: $0.rule.references.map(\.citation),
                            effectiveFrom: $0.rule.effectiveFrom?.description,
                            effectiveTo: $0.rule.effectiveTo?.description)
                    }, undecided: system.undecided.map { Undecided(rule: $0.rule, message: $0.message) },
                    waivers: system.expiringWaivers.map {
                        WaiverItem(
                            expires: $0.expires.description, rule: $0.rule, system: $0.system,
                            approvedBy: $0.approvedBy,
                            reason: $0.reason, file: $0.location.file, line: $0.location.line)
                    })
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return ((try? encoder.encode(document)).map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
    }
}
