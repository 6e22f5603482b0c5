import Foundation

/// Which rows a pushdown count counts.
public enum RowFilter: Sendable, Hashable {
    /// Every row.
    case all
    /// Rows whose date `column` is strictly before `cutoff`. Unreadable dates and nulls are not counted.
    case olderThan(Date, column: String)
    /// Rows where `column` is null (in CSV: an empty unquoted field; in JSONL: `null` or no such key).
    case isNull(String)
    /// Rows where `column` is not null.
    case isNotNull(String)

    /// The column the filter reads, if any.
    public var column: String? {
        switch self {
        case .all: nil
        case .olderThan(_, let column), .isNull(let column), .isNotNull(let column): column
        }
    }
}
