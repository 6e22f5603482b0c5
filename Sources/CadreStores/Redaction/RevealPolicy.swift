/// What a redaction of one data category may show of a match, and the check that a redaction
/// written by someone else (a plugin's) shows no more.
///
/// A plugin's redaction is accepted only in one form, whatever the category: the match itself,
/// character for character, with letters and digits either kept in place or replaced by `*`, and
/// every other character (spaces, dashes, dots, `@`) kept. A reversed, shifted, re-spaced,
/// case-changed, encoded, padded or shortened copy is not that form, so it is refused without
/// looking further: the check is by position, never by comparing text. The policy then says
/// which of the letters and digits may be among those kept:
///
/// | category (and the categories under it) | may show |
/// |---|---|
/// | `user.financial.credit_card` | the last 4, a third of the match at most |
/// | `user.financial.bank_account` | the first 2 (the country) and the last 4, a third at most |
/// | `user.government_id.national_identification_number` | the last 2, a quarter at most |
/// | `user.government_id` | the first 2 and the last 2, a third at most |
/// | `user.contact.email` | nothing before the `@`; of the domain, its last label (`fr`) |
/// | `user.contact.phone_number` | the first 3 and the last 2, half at most |
/// | `user.device.ip_address` | the first 4, half at most |
/// | any other | the first 2 and the last 2, a third at most |
///
/// A positional redaction shows the match's length and where its separators are; the policies
/// therefore show less than cadre's own redactions of the native detectors, which hide lengths
/// behind fixed `***` runs.
///
/// ```swift
/// let policy = RevealPolicy.for(category: "user.financial.credit_card")
/// policy.check("**** **** **** 4242", of: "4970 1012 3456 4242")   // .accepted
/// policy.check("2424 6543 2101 0794", of: "4970 1012 3456 4242")   // .refused(.notInPlace)
/// policy.check("4970 **** **** 4242", of: "4970 1012 3456 4242")   // .refused(.revealsTooMuch)
/// ```
public struct RevealPolicy: Sendable, Hashable {
    /// Where the characters that may be shown lie.
    public enum Region: Sendable, Hashable {
        /// Anywhere in the match.
        case whole
        /// After the last `.` of what follows the last `@` (an e-mail's top-level domain).
        case topLevelDomain
    }

    /// Why a redaction is refused.
    public enum Refusal: Sendable, Hashable {
        /// The redaction is not the match with letters and digits kept or replaced by `*` in place.
        case notInPlace
        /// It keeps letters or digits the policy hides, or more than its share.
        case revealsTooMuch
    }

    /// What ``check(_:of:)`` found.
    public enum Verdict: Sendable, Hashable {
        case accepted
        case refused(Refusal)
    }

    /// How many of the first letters and digits (of ``region``) may be shown.
    public var first: Int
    /// How many of the last letters and digits (of ``region``) may be shown.
    public var last: Int
    /// At most one letter or digit in `divisor` of the whole match is shown (3: a third).
    public var divisor: Int
    public var region: Region

    /// The character that stands for a hidden letter or digit: the only one accepted.
    public static let mask: Unicode.Scalar = "*"

    public init(first: Int, last: Int, divisor: Int, region: Region = .whole) {
        self.first = max(0, first)
        self.last = max(0, last)
        self.divisor = max(1, divisor)
        self.region = region
    }

    /// The policies by category, the most specific first; a category under one of these keys
    /// (`user.government_id.passport_number` under `user.government_id`) takes its policy.
    public static let byCategory: [(category: String, policy: RevealPolicy)] = [
        ("user.financial.credit_card", RevealPolicy(first: 0, last: 4, divisor: 3)),
        ("user.financial.bank_account", RevealPolicy(first: 2, last: 4, divisor: 3)),
        ("user.financial.account_number", RevealPolicy(first: 2, last: 4, divisor: 3)),
        ("user.government_id.national_identification_number", RevealPolicy(first: 0, last: 2, divisor: 4)),
        ("user.government_id", RevealPolicy(first: 2, last: 2, divisor: 3)),
        ("user.contact.email", RevealPolicy(first: 0, last: .max, divisor: 1, region: .topLevelDomain)),
        ("user.contact.phone_number", RevealPolicy(first: 3, last: 2, divisor: 2)),
        ("user.device.ip_address", RevealPolicy(first: 4, last: 0, divisor: 2)),
    ]

    /// The policy of any category the table does not name.
    public static let standard = RevealPolicy(first: 2, last: 2, divisor: 3)

    /// The policy of `category`: its own, or that of the nearest category above it, or ``standard``.
    public static func `for`(category: String) -> RevealPolicy {
        byCategory.first { category == $0.category || category.hasPrefix($0.category + ".") }?.policy ?? standard
    }

    /// Whether `redaction` shows no more of `match` than the policy allows.
    public func check(_ redaction: String, of match: String) -> Verdict {
        let original = Array(match.unicodeScalars)
        let shown = Array(redaction.unicodeScalars)
        guard original.count == shown.count else { return .refused(.notInPlace) }
        var kept: [Int] = []
        var ordinal = 0
        for (index, scalar) in original.enumerated() {
            guard Self.isLetterOrDigit(scalar) else {
                if shown[index] != scalar { return .refused(.notInPlace) }
                continue
            }
            if shown[index] == scalar {
                kept.append(ordinal)
            } else if shown[index] != Self.mask {
                return .refused(.notInPlace)
            }
            ordinal += 1
        }
        let allowed = showable(in: original)
        guard kept.count <= allowed.capacity, kept.allSatisfy(allowed.positions.contains) else {
            return .refused(.revealsTooMuch)
        }
        return .accepted
    }

    /// `match` with every letter and digit replaced by `*` but, within the policy, the first
    /// `keepFirst` and the last `keepLast` of its region: the last ones come first when the
    /// policy's share does not leave room for both (a short match shows fewer).
    public func masking(_ match: String, keepFirst: Int, keepLast: Int) -> String {
        let original = Array(match.unicodeScalars)
        let ordinals = regionOrdinals(in: original)
        let allowed = showable(in: original)
        var kept = Set<Int>()
        for ordinal in ordinals.suffix(min(keepLast, last)).reversed() where kept.count < allowed.capacity {
            kept.insert(ordinal)
        }
        for ordinal in ordinals.prefix(min(keepFirst, first)) where kept.count < allowed.capacity {
            kept.insert(ordinal)
        }
        var out = String.UnicodeScalarView()
        var ordinal = 0
        for scalar in original {
            guard Self.isLetterOrDigit(scalar) else {
                out.append(scalar)
                continue
            }
            out.append(kept.contains(ordinal) ? scalar : Self.mask)
            ordinal += 1
        }
        return String(out)
    }

    /// How cadre shows a match when the detector gives no redaction of its own:
    /// ``Redactor/generic(_:)`` (`A***6`, the length hidden) when the policy allows showing the
    /// first and the last character of this match, otherwise the match masked but for the last
    /// characters the policy allows (`**** **** **** 4242`, `*****@*******.fr`).
    public func standardRedaction(of match: UnsafeBufferPointer<UInt8>) -> String {
        let generic = Redactor.generic(match)
        guard generic != Redactor.hidden else { return generic }
        let text = String(decoding: match, as: UTF8.self)
        let original = Array(text.unicodeScalars)
        let count = original.reduce(0) { $0 + (Self.isLetterOrDigit($1) ? 1 : 0) }
        // Redactor.generic keeps the first and last characters; those that are letters or digits count.
        var kept: [Int] = []
        if let head = original.first, Self.isLetterOrDigit(head) { kept.append(0) }
        if let tail = original.last, Self.isLetterOrDigit(tail), count > 1 { kept.append(count - 1) }
        let allowed = showable(in: original)
        if kept.count <= allowed.capacity, kept.allSatisfy(allowed.positions.contains) { return generic }
        return masking(text, keepFirst: 0, keepLast: last)
    }

    /// What the policy says in a sentence, for messages and docs: `at most the last 4 letters or
    /// digits, a third of the match at most`.
    public var summary: String {
        let share =
            switch divisor {
            case 1: ""
            case 2: ", half of the match at most"
            case 3: ", a third of the match at most"
            case 4: ", a quarter of the match at most"
            default: ", one in \(divisor) of the match at most"
            }
        if region == .topLevelDomain { return "nothing before the `@` and, of the domain, only its last label" }
        let parts = [first > 0 ? "the first \(first)" : nil, last > 0 ? "the last \(last)" : nil].compactMap { $0 }
        if parts.isEmpty { return "no letter or digit" }
        return "at most " + parts.joined(separator: " and ") + " letters or digits" + share
    }

    // MARK: Positions

    /// The ordinals (among the match's letters and digits) that may be shown, and how many at most.
    private func showable(in original: [Unicode.Scalar]) -> (positions: Set<Int>, capacity: Int) {
        let ordinals = regionOrdinals(in: original)
        let count = original.reduce(0) { $0 + (Self.isLetterOrDigit($1) ? 1 : 0) }
        var positions = Set(ordinals.prefix(first))
        positions.formUnion(ordinals.suffix(min(last, ordinals.count)))
        return (positions, count / divisor)
    }

    /// The ordinals of the letters and digits of the policy's region.
    private func regionOrdinals(in original: [Unicode.Scalar]) -> [Int] {
        var ordinals: [Int] = []
        var ordinal = 0
        let start: Int
        switch region {
        case .whole:
            start = 0
        case .topLevelDomain:
            guard let at = original.lastIndex(of: "@"), let dot = original[at...].lastIndex(of: ".") else { return [] }
            start = dot + 1
        }
        for (index, scalar) in original.enumerated() where Self.isLetterOrDigit(scalar) {
            if index >= start { ordinals.append(ordinal) }
            ordinal += 1
        }
        return ordinals
    }

    /// Letters and digits of any script: what a redaction keeps or masks.
    static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
