/// A way to name a run: its number, `last`, or `last~N` (the Nth run before the last).
public enum RunReference: Sendable, Hashable, CustomStringConvertible {
    case id(Int64)
    case last(back: Int)

    /// Reads `12`, `last`, `last~1`; nil for anything else.
    public init?(_ text: String) {
        if text == "last" {
            self = .last(back: 0)
        } else if text.hasPrefix("last~"), let back = Int(text.dropFirst("last~".count)), back >= 0 {
            self = .last(back: back)
        } else if let id = Int64(text), id > 0 {
            self = .id(id)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .id(let id): "\(id)"
        case .last(back: 0): "last"
        case .last(let back): "last~\(back)"
        }
    }
}
