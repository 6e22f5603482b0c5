/// What a rule reads besides the system it checks: the date it is evaluated on (`ctx.as_of`),
/// the systems' stores (`ctx:store`), its pack's version (`pack.version`).
///
/// The engine learns it from what each rule touches when it runs — `ctx` and `pack` note which of
/// their fields scripts read — never from the rule's text: a rule that reads the date through a
/// module, or names `as_of` in a comment only, is seen as it is. A re-check evaluates a rule
/// again when something it reads changed.
public struct RuleReadings: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let asOf = RuleReadings(rawValue: 1)
    public static let stores = RuleReadings(rawValue: 2)
    public static let packVersion = RuleReadings(rawValue: 4)
    /// What is assumed of a rule whose readings are not known.
    public static let all: RuleReadings = [.asOf, .stores, .packVersion]

    /// The words of each reading, in order: as the history records them.
    public static let words: [(RuleReadings, String)] = [
        (.asOf, "as-of"), (.stores, "stores"), (.packVersion, "pack-version"),
    ]

    /// `as-of stores`, the words of the readings held.
    public var text: String { Self.words.filter { contains($0.0) }.map(\.1).joined(separator: " ") }

    /// The readings `text` names (unknown words are ignored).
    public init(text: String) {
        let named = Set(text.split(separator: " ").map(String.init))
        self = RuleReadings(Self.words.filter { named.contains($0.1) }.map(\.0))
    }
}
