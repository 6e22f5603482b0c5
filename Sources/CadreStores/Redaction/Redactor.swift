/// The ways cadre shows a piece of personal data without revealing it.
///
/// Every example a scan returns goes through a detector's `redact`, which uses one of these. The
/// rules: keep only what is needed to recognise the *kind* of data and to tell two examples apart
/// (a country code, a first letter, the last digits), never enough to identify a person; and never
/// reveal the length of what was hidden where the length says something (fixed `***` runs).
public enum Redactor {
    /// For matches of detectors that give no redaction of their own (a plugin detector's, when its
    /// category's ``RevealPolicy`` allows both ends: ``RevealPolicy/standardRedaction(of:)``): the
    /// first character, `***`, the last character; just `***` under six bytes.
    /// `ABC-123456` → `A***6`.
    public static func generic(_ match: UnsafeBufferPointer<UInt8>) -> String {
        guard match.count >= 6 else { return "***" }
        let text = String(decoding: match, as: UTF8.self)
        guard let first = text.first, let last = text.last else { return "***" }
        return "\(first)***\(last)"
    }

    /// The match with every digit replaced by `*` except the first `first` digits and the last
    /// `last` digits; other characters (spaces, `+`, dots, brackets) are kept.
    /// `+33 6 12 34 56 78` with 3 and 2 → `+33 6 ** ** ** 78`.
    public static func maskDigits(_ match: UnsafeBufferPointer<UInt8>, keepingFirst first: Int, last: Int) -> String {
        let total = match.reduce(0) { $0 + (ASCII.isDigit($1) ? 1 : 0) }
        var seen = 0
        var out: [UInt8] = []
        out.reserveCapacity(match.count)
        for b in match {
            guard ASCII.isDigit(b) else {
                out.append(b < 0x80 ? b : 0x3F)
                continue
            }
            out.append(seen < first || seen >= total - last ? b : 0x2A)
            seen += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Text of any length replaced by `***`: for places that must mention a value was there.
    public static let hidden = "***"
}
