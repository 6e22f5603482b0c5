import CadreTestSupport
import Foundation
import GRDB
import Testing

@_spi(Benchmarks) @testable import CadreStores

/// The retention count's fast path reads the usual ISO shapes as SQLite's `julianday` does, and
/// the count is the one the statement without it gives, whatever the column holds.
@Suite struct SQLiteISOTextTests {
    typealias Random = SplitMix

    /// Two digits, mostly in range, sometimes just out of it.
    static func field(_ random: inout Random, _ range: ClosedRange<Int>) -> String {
        let value =
            Int.random(in: 0...9, using: &random) == 0
            ? [range.lowerBound - 1, range.upperBound + 1, 0, 99].randomElement(using: &random) ?? 0
            : Int.random(in: range, using: &random)
        return String(format: "%02d", max(0, min(99, value)))
    }

    /// Text near the three shapes: valid, out of range, with another separator or suffix, cut.
    static func text(_ random: inout Random) -> String {
        let year = String(
            format: "%04d", [0, 1, 1969, 1970, 2000, 2024, 2025, 9999].randomElement(using: &random) ?? 0)
        var text = "\(year)-\(field(&random, 1...12))-\(field(&random, 1...31))"
        if Bool.random(using: &random) {
            let separator = [" ", "T", "t", "_"].randomElement(using: &random) ?? " "
            text += "\(separator)\(field(&random, 0...24)):\(field(&random, 0...59)):\(field(&random, 0...59))"
            text += ["", "", "Z", "z", ".5", "+02:00", " ", "X"].randomElement(using: &random) ?? ""
        }
        if Int.random(in: 0...19, using: &random) == 0 {
            text = String(text.dropLast(Int.random(in: 1...3, using: &random)))
        }
        return text
    }

    @Test func theUsualShapesAreReadAsJuliandayReadsThem() throws {
        let queue = try DatabaseQueue()
        var random = Random(seed: 20_261_207)
        var read = 0
        try queue.read { db in
            let statement = try db.makeStatement(sql: "SELECT CAST(round(julianday(?) * 86400000.0) AS INTEGER)")
            let fixed = [
                "2025-02-29", "2025-02-31 12:00:00", "2024-02-29T24:00:00", "2024-12-31 24:59:59Z", "0000-01-01",
                "0000-02-28 00:00:00", "9999-12-31T23:59:59", "1970-01-01", "2025-00-10", "2025-13-01", "2025-01-00",
                "2025-01-32", "2025-01-01 25:00:00", "2025-01-01 00:60:00", "2025-01-01 00:00:60", "2025-1-01",
                "2025-01-01 00:00:00z", "２０２５-01-01", "2025-01-01T00:00:00ZZ",
            ]
            for text in fixed + (0..<20_000).map({ _ in Self.text(&random) }) {
                let sqlite = try Int64.fetchOne(statement, arguments: [text])
                let ours = Array(text.utf8).withUnsafeBufferPointer { SQLiteISOText.julianMilliseconds($0) }
                // Ours reads a subset of what julianday reads, and reads it the same.
                if let ours {
                    #expect(ours == sqlite, "\(text)")
                    read += 1
                }
            }
        }
        #expect(read > 5_000)
    }

    @Test(arguments: [false, true]) func theCountIsTheStatementsWithoutTheFastPath(declaredText: Bool) throws {
        var random = Random(seed: declaredText ? 7 : 11)
        var values: [DatabaseValue] = DateCases.values.map {
            switch $0.0 {
            case .text(let text): text.databaseValue
            case .integer(let value): value.databaseValue
            case .real(let value): value.databaseValue
            case .null: .null
            }
        }
        values += (0..<5_000).map { _ in Self.text(&random).databaseValue }
        let fixture = try SQLiteFixture { db in
            try db.execute(sql: "CREATE TABLE r (id INTEGER PRIMARY KEY, at \(declaredText ? "TEXT" : ""))")
            for value in values { try db.execute(sql: "INSERT INTO r (at) VALUES (?)", arguments: [value]) }
        }
        let store = try fixture.open()
        defer { store.close() }
        let plain = try DatabaseQueue(path: fixture.path)
        // Cutoffs on the values themselves (equal is not older), a millisecond either side, and
        // far off.
        var cutoffs = [DateCases.cutoff, Date(timeIntervalSince1970: -62_167_219_200), Date.distantFuture]
        for text in ["2024-02-29T24:00:00", "2025-02-31 12:00:00", "0000-01-01", "9999-12-31 23:59:59Z"] {
            let seconds = try #require(
                try plain.read {
                    try Double.fetchOne(
                        $0, sql: "SELECT round((julianday(?) - 2440587.5) * 86400000.0) / 1000.0", arguments: [text])
                })
            for offset in [-0.001, 0, 0.001] { cutoffs.append(Date(timeIntervalSince1970: seconds + offset)) }
        }
        for cutoff in cutoffs {
            let expected = try plain.read {
                try Int.fetchOne($0, sql: SQLiteStore.retentionCountSQL(table: "r", column: "at", cutoff: cutoff))
            }
            #expect(try store.count(in: "r", olderThan: cutoff, by: "at") == expected, "\(cutoff)")
        }
        #expect(try store.count(in: "r", olderThan: DateCases.cutoff, by: "at") > DateCases.olderCount)
    }
}
