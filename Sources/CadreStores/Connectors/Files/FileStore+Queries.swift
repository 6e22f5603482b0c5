import Foundation

extension FileStore {
    public func count(in table: String, where filter: RowFilter) throws(StoreError) -> Int {
        var count = 0
        switch filter {
        case .all:
            _ = try pass(table, columns: [], deadline: nil) { _ in
                count += 1
                return true
            }
        case .isNull(let column):
            _ = try pass(table, columns: [column], deadline: nil) { r in
                if r.value(0).kind == .null { count += 1 }
                return true
            }
        case .isNotNull(let column):
            _ = try pass(table, columns: [column], deadline: nil) { r in
                if r.value(0).kind != .null { count += 1 }
                return true
            }
        case .olderThan(let cutoff, let column):
            let limit = cutoff.timeIntervalSince1970
            _ = try pass(table, columns: [column], deadline: nil) { r in
                if let seconds = r.value(0).epochSeconds, seconds < limit { count += 1 }
                return true
            }
        }
        return count
    }

    public func distinctCount(in table: String, of column: String) throws(StoreError) -> Int {
        var counter = DistinctCounter()
        _ = try pass(table, columns: [column], deadline: nil) { r in
            let value = r.value(0)
            let tag: UInt8 =
                switch value.kind {
                case .null: 0
                case .text: 1
                case .number: 2
                case .boolean: 3
                case .nested: 4
                }
            if tag != 0 { counter.add(kind: tag, value.bytes) }
            return true
        }
        return counter.count
    }

    public func dateRange(in table: String, of column: String) throws(StoreError) -> DateRange {
        var earliest: Double?
        var latest: Double?
        var unreadable = 0
        _ = try pass(table, columns: [column], deadline: nil) { r in
            let value = r.value(0)
            guard value.kind != .null else { return true }
            guard let seconds = value.epochSeconds else {
                unreadable += 1
                return true
            }
            earliest = min(earliest ?? seconds, seconds)
            latest = max(latest ?? seconds, seconds)
            return true
        }
        return DateRange(
            earliest: earliest.map(Date.init(timeIntervalSince1970:)),
            latest: latest.map(Date.init(timeIntervalSince1970:)), unreadable: unreadable)
    }

    public func scan(_ table: String, columns: [String], detectors: DetectorRegistry, limits: ScanLimits)
        throws(StoreError) -> ScanReport
    {
        try limits.validate(store: id, table: table, columns: columns)
        let schema = try self.schema(of: table)
        let names = try schema.columnNames(columns, in: id)
        var run = ScanRun(store: id, table: schema.name, columns: names, detectors: detectors, limits: limits)
        do {
            // The scan's own clock decides; the pass's deadline is only a backstop past it.
            _ = try pass(schema.name, columns: names, deadline: run.deadline.advanced(by: .seconds(1))) { r in
                guard run.mayReadAnotherRow() else { return false }
                run.row { scanner in
                    for k in 0..<names.count {
                        let value = r.value(k)
                        if value.kind != .null { scanner.scan(value.bytes, column: k) }
                    }
                }
                return true
            }
        } catch  where error.code == .timeout {
            run.stopForTime()
        }
        return run.report()
    }
}
