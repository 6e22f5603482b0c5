import CadreModel
import CadreStores
import Foundation
import LuaHost

/// `ctx:store(id)` and the store handles rules query: counts, distinct counts, date ranges,
/// schemas and scans, all answered by the store itself. What comes back is numbers, dates, names
/// and redacted examples — never a value read from a row.
enum StoreLibrary {
    /// A store opened for one system, as a Lua object.
    final class Handle {
        let store: any Store
        let access: StoreAccess
        init(store: any Store, access: StoreAccess) {
            self.store = store
            self.access = access
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
                    call.push(try handle.store.distinctCount(in: call.string(2), of: call.string(3)))
                    return 1
                },
                "date_range": { call in
                    let handle = try call.object(1, type)
                    let range = try handle.store.dateRange(in: call.string(2), of: call.string(3))
                    var table = LuaTable(fields: [("unreadable", .integer(Int64(range.unreadable)))])
                    if let earliest = range.earliest { table["earliest"] = .string(timestamp(earliest)) }
                    if let latest = range.latest { table["latest"] = .string(timestamp(latest)) }
                    try call.push(.table(table))
                    return 1
                },
                "tables": { call in
                    let handle = try call.object(1, type)
                    let names = try handle.store.tableNames()
                    try call.push(.table(LuaTable(array: names.map { .string($0) })))
                    return 1
                },
                "columns": { call in
                    let handle = try call.object(1, type)
                    let schema = try handle.store.schema(of: call.string(2))
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
            let store = try access.store(id)
            call.push(Handle(store: store, access: access), of: type)
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
        call.push(try handle.store.count(in: table, where: filter))
        return 1
    }

    /// `store:scan(table, {columns = {...}, detectors = {...}, row_cap = n})`. A scan its time
    /// limit cuts short returns what it found and makes the rule's result `scan-incomplete`.
    private static func scan(_ call: LuaCall) throws -> Int {
        let handle = try call.object(1, type)
        let table = try call.string(2)
        var columns = handle.access.declaredFreeText(store: handle.store.id, table: table)
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
        // The scan and its plugin detectors stop at the same instant.
        let deadline = ContinuousClock.now.advanced(by: limits.timeLimit)
        limits.deadline = deadline
        for detector in plugged { detector.begin(deadline: deadline) }
        let report = try handle.store.scan(table, columns: columns, detectors: detectors, limits: limits)
        if let failure = plugged.lazy.compactMap(\.failure).first {
            handle.access.pluginFailure = failure
            throw failure
        }
        // A plugin detector the time limit stopped did not see every row the scan read: the
        // scan was cut short, even when the store had no row left.
        var stop = report.stoppedBy
        if plugged.contains(where: \.ranOutOfTime) { stop = .timeLimit }
        if stop == .timeLimit {
            handle.access.cutShort(IncompleteScan(report, timeLimit: limits.timeLimit, detectors: plugged))
        }
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
