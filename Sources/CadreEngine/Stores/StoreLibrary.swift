import CadreModel
import CadreStores
import Foundation
import LuaHost

/// `ctx:store(id)` and the store handles rules query: counts, distinct counts, date ranges,
/// schemas and scans, all answered by the store itself. What comes back is numbers, dates, names
/// and redacted examples — never a value read from a row.
enum StoreLibrary {
    /// A store of one system, as a Lua object: its questions go through the system's
    /// ``StoreAccess`` (and the run's shared answers). Kept past its system, it is closed.
    final class Handle {
        let id: String
        let access: StoreAccess
        /// The system it was reached for.
        let system: Int
        init(id: String, access: StoreAccess) {
            self.id = id
            self.access = access
            self.system = access.system
        }

        /// The answer to `question`: see ``StoreAccess/answer(_:of:keeping:ask:)``.
        func answer<Answer: Sendable>(
            _ question: StoreAnswers.Question, keeping: (Answer) -> Bool = { _ in true },
            ask: (any Store) throws -> Answer
        ) throws -> Answer {
            guard system == access.system else {
                throw StoreError(.closed, store: id, message: "the store was closed: its system is done")
            }
            return try access.answer(question, of: id, keeping: keeping, ask: ask)
        }
    }

    static let typeName = "store"
    static let type = LuaHostType<Handle>(name: typeName)

    /// Defines the store type in `state` and returns `ctx.store`.
    static func install(in state: LuaState, access: StoreAccess) -> LuaValue {
        _ = state.defineType(
            Handle.self, name: typeName,
            methods: [
                "count": { call in try count(call) },
                "distinct": { call in
                    let handle = try call.object(1, type)
                    let (table, column) = try (call.string(2), call.string(3))
                    call.push(
                        try handle.answer(.distinct(table: table, column: column)) {
                            try $0.distinctCount(in: table, of: column)
                        })
                    return 1
                },
                "date_range": { call in
                    let handle = try call.object(1, type)
                    let (table, column) = try (call.string(2), call.string(3))
                    let range = try handle.answer(.dateRange(table: table, column: column)) {
                        try $0.dateRange(in: table, of: column)
                    }
                    var dates = LuaTable(fields: [("unreadable", .integer(Int64(range.unreadable)))])
                    if let earliest = range.earliest { dates["earliest"] = .string(timestamp(earliest)) }
                    if let latest = range.latest { dates["latest"] = .string(timestamp(latest)) }
                    try call.push(.table(dates))
                    return 1
                },
                "tables": { call in
                    let handle = try call.object(1, type)
                    let names = try handle.answer(.tables) { try $0.tableNames() }
                    try call.push(.table(LuaTable(array: names.map { .string($0) })))
                    return 1
                },
                "columns": { call in
                    let handle = try call.object(1, type)
                    let table = try call.string(2)
                    let schema = try handle.answer(.schema(table: table)) { try $0.schema(of: table) }
                    let columns = schema.columns.map { column -> LuaValue in
                        var entry = LuaTable(fields: [
                            ("name", .string(column.name)), ("type", .string(column.declaredType)),
                            ("kind", .string(column.kind.rawValue)),
                        ])
                        if let nullable = column.isNullable { entry["nullable"] = .boolean(nullable) }
                        return .table(entry)
                    }
                    try call.push(.table(LuaTable(array: columns)))
                    return 1
                },
                "scan": { call in try scan(call) },
            ])
        return state.function("ctx:store") { call in
            let id = try call.string(2)
            try access.reach(id)
            call.push(Handle(id: id, access: access), of: type)
            return 1
        }
    }

    /// `store:count(table [, {older_than = "P6M", column = "c"} | {null = "c"} | {not_null = "c"}])`.
    private static func count(_ call: LuaCall) throws -> Int {
        let handle = try call.object(1, type)
        let table = try call.string(2)
        var filter = RowFilter.all
        if !call.isNil(3) {
            guard case .table(let options) = try call.value(3) else {
                throw call.argumentError(3, "table of options expected")
            }
            let known: Set<String> = ["older_than", "column", "null", "not_null"]
            for (key, _) in options.fields where !known.contains(key.stringValue ?? "") {
                throw call.argumentError(3, "unknown option \(key); options: older_than with column, null, not_null")
            }
            if let period = options["older_than"]?.stringValue {
                guard let column = options["column"]?.stringValue else {
                    throw call.argumentError(
                        3, "older_than needs the date column: {older_than = \"\(period)\", column = \"…\"}")
                }
                guard let duration = ISODuration(period), let cutoff = handle.access.cutoff(duration) else {
                    throw call.argumentError(
                        3, "older_than must be an ISO 8601 duration such as \"P6M\", not \"\(period)\"")
                }
                filter = .olderThan(cutoff, column: column)
            } else if let column = options["null"]?.stringValue {
                filter = .isNull(column)
            } else if let column = options["not_null"]?.stringValue {
                filter = .isNotNull(column)
            }
        }
        call.push(try handle.answer(.count(table: table, filter: filter)) { try $0.count(in: table, where: filter) })
        return 1
    }

    /// `store:scan(table, {columns = {...}, detectors = {...}, row_cap = n})`. A scan its time
    /// limit cuts short returns what it found and makes the rule's result `scan-incomplete`.
    private static func scan(_ call: LuaCall) throws -> Int {
        let handle = try call.object(1, type)
        let table = try call.string(2)
        var columns = handle.access.declaredFreeText(store: handle.id, table: table)
        var detectors = handle.access.detectors
        var limits = ScanLimits()
        // The scan leaves the rule a tenth of its remaining time, to read what the scan found.
        if let remaining = call.remainingTime {
            limits.timeLimit = min(limits.timeLimit, max(.milliseconds(1), remaining * 9 / 10))
        }
        if !call.isNil(3) {
            guard case .table(let options) = try call.value(3) else {
                throw call.argumentError(3, "table of options expected")
            }
            if case .table(let list)? = options["columns"] { columns = list.array.compactMap(\.stringValue) }
            if case .table(let list)? = options["detectors"] {
                do {
                    detectors = try detectors.selecting(list.array.compactMap(\.stringValue))
                } catch {
                    throw call.argumentError(3, "\(error)")
                }
            }
            if let cap = options["row_cap"]?.integerValue, cap > 0 { limits.rowCap = Int(cap) }
        }
        guard !columns.isEmpty else {
            throw call.argumentError(
                3, "no column to scan: the descriptor declares no free_text for `\(table)`; pass {columns = {...}}")
        }
        let plugged = detectors.detectors.compactMap { $0 as? PluginDetector }
        let question = StoreAnswers.Question.scan(
            table: table, columns: columns, detectors: detectors.detectors.map(\.name), rowCap: limits.rowCap)
        var cutShort = false
        // A scan its time limit cut short is not kept for other systems: they scan again.
        var report = try handle.answer(
            question, keeping: { (_: ScanReport) in !cutShort },
            ask: { store in
                // The scan and its plugin detectors stop at the same instant.
                let deadline = ContinuousClock.now.advanced(by: limits.timeLimit)
                limits.deadline = deadline
                for detector in plugged { detector.begin(deadline: deadline) }
                var report = try store.scan(table, columns: columns, detectors: detectors, limits: limits)
                if let failure = plugged.lazy.compactMap(\.failure).first {
                    handle.access.pluginFailure = failure
                    throw failure
                }
                // A plugin detector the time limit stopped did not see every row the scan read: the
                // scan was cut short, even when the store had no row left.
                if plugged.contains(where: \.ranOutOfTime) { report.stoppedBy = .timeLimit }
                if report.stoppedBy == .timeLimit {
                    cutShort = true
                    handle.access.cutShort(IncompleteScan(report, timeLimit: limits.timeLimit, detectors: plugged))
                }
                return report
            })
        report.store = handle.id
        let stop = report.stoppedBy
        var tallies = LuaTable()
        for tally in report.detectors {
            var byColumn = LuaTable()
            for (column, matches) in tally.matchesByColumn.sorted(by: { $0.key < $1.key }) {
                byColumn[column] = .integer(Int64(matches))
            }
            tallies[tally.detector] = .table(
                LuaTable(fields: [
                    ("matches", .integer(Int64(tally.matches))), ("rows", .integer(Int64(tally.rows))),
                    ("columns", .table(byColumn)),
                    ("examples", .table(LuaTable(array: tally.examples.map { .string($0.description) }))),
                ]))
        }
        var result = LuaTable(fields: [
            ("rows", .integer(Int64(report.rowsScanned))), ("bytes", .integer(Int64(report.bytesScanned))),
            ("truncated", .boolean(stop != nil)), ("detectors", .table(tallies)),
        ])
        if let stop { result["stopped_by"] = .string(stop.rawValue) }
        try call.push(.table(result))
        return 1
    }

    private static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
