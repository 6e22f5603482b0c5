import Foundation

/// The same date values stored in every engine, and what every engine must answer about them
/// with the cutoff 2025-01-01T00:00:00Z.
enum DateCases {
    static let cutoff = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01T00:00:00Z

    enum Value {
        case text(String)
        case integer(Int64)
        case real(Double)
        case null
    }

    /// (value, older than the cutoff?) — nil: not a date (unreadable) or null.
    static let values: [(Value, Bool?)] = [
        (.text("2024-06-30"), true),
        (.text("2024-12-31 23:59:59"), true),
        (.text("2024-12-31T23:59:59.999Z"), true),
        (.text("2025-01-01T01:00:00+02:00"), true),  // 2024-12-31T23:00Z
        (.text("2025-01-01 00:00:00"), false),  // equal: not older
        (.text("2025-03-10T14:30:00"), false),
        (.integer(1_700_000_000), true),  // 2023-11-14T22:13:20Z, seconds
        (.integer(1_800_000_000), false),  // 2027-01-15
        (.integer(1_700_000_000_000), true),  // milliseconds
        (.real(1_735_689_599.5), true),
        (.text("1700000000"), true),  // digits in text
        (.text("hier"), nil),
        (.text("31/12/2024"), nil),
        (.null, nil),
    ]

    static var olderCount: Int { values.filter { $0.1 == true }.count }  // 8
    static var unreadableCount: Int {
        values.filter { if case .null = $0.0 { false } else { $0.1 == nil } }.count  // 2
    }
    static let earliest = Date(timeIntervalSince1970: 1_700_000_000)
    static let latest = Date(timeIntervalSince1970: 1_800_000_000)

    /// The value as text (CSV, PostgreSQL text column).
    static func text(_ value: Value) -> String? {
        switch value {
        case .text(let s): s
        case .integer(let i): String(i)
        case .real(let d): String(d)
        case .null: nil
        }
    }

    /// The value as a JSON literal.
    static func json(_ value: Value) -> String {
        switch value {
        case .text(let s): "\"\(s)\""
        case .integer(let i): String(i)
        case .real(let d): String(d)
        case .null: "null"
        }
    }
}
