import Foundation

/// The earliest and latest dates of a date column.
public struct DateRange: Sendable, Hashable {
    /// The earliest date, `nil` when the column holds no readable date.
    public var earliest: Date?
    /// The latest date, `nil` when the column holds no readable date.
    public var latest: Date?
    /// How many non-null values are not dates cadre can read (see ``Store`` on date formats).
    public var unreadable: Int

    /// Creates a range.
    public init(earliest: Date?, latest: Date?, unreadable: Int) {
        self.earliest = earliest
        self.latest = latest
        self.unreadable = unreadable
    }
}
