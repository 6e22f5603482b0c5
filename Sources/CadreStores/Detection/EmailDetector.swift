/// E-mail addresses: `local@domain.tld`.
///
/// Validates: a local part of 1–64 characters among letters, digits and `.` `_` `%` `+` `-`,
/// not starting or ending with a dot nor holding two in a row; a domain of at most 253
/// characters in two or more labels of 1–63 letters, digits or inner hyphens; and an alphabetic
/// top-level domain of two letters or more. A trailing dot (end of a sentence) is not part of it.
///
/// Redacted as `j***@e***.fr`: first letter of the local part, first letter of the domain and the
/// top-level domain.
public struct EmailDetector: Detector, Sendable {
    public let name = "email"
    public let category = "user.contact.email"

    public init() {}

    @inline(__always) static func isLocal(_ b: UInt8) -> Bool {
        ASCII.isAlnum(b) || b == ASCII.dot || b == 0x5F || b == 0x25 || b == ASCII.plus || b == ASCII.dash
    }

    @inline(__always) static func isDomain(_ b: UInt8) -> Bool { ASCII.isAlnum(b) || b == ASCII.dot || b == ASCII.dash }

    public func detect(in buffer: UnsafeBufferPointer<UInt8>, report: (Range<Int>) -> Void) {
        guard let text = ByteText(buffer) else { return }
        var at = text.next(ASCII.at, from: 0)
        var searchedUpTo = 0  // matches never overlap
        while at < text.count {
            if let match = Self.match(text, at: at, notBefore: searchedUpTo) {
                report(match)
                searchedUpTo = match.upperBound
            }
            at = text.next(ASCII.at, from: at + 1)
        }
    }

    static func match(_ text: ByteText, at: Int, notBefore floor: Int) -> Range<Int>? {
        // Local part: back from `@`.
        var start = at
        while start > floor, isLocal(text[start - 1]), at - start <= 64 { start -= 1 }
        if start > floor, isLocal(text[start - 1]) { return nil }  // longer than 64
        while start < at, text[start] == ASCII.dot { start += 1 }  // `...jean@` → `jean@`
        guard start < at, at - start <= 64, text[at - 1] != ASCII.dot else { return nil }
        var previous: UInt8 = 0
        for i in start..<at {
            if text[i] == ASCII.dot, previous == ASCII.dot { return nil }
            previous = text[i]
        }
        // Domain: forward from `@`.
        var end = at + 1
        while end < text.count, isDomain(text[end]), end - at <= 254 { end += 1 }
        while end > at + 1, text[end - 1] == ASCII.dot || text[end - 1] == ASCII.dash { end -= 1 }
        guard end - at - 1 <= 253, !isDomain(text.at(end)) || text.at(end) == ASCII.dot || text.at(end) == ASCII.dash
        else { return nil }
        // Labels.
        var labels = 0
        var labelStart = at + 1
        var lastLabelAlphabetic = true
        for i in (at + 1)...end {
            if i == end || text[i] == ASCII.dot {
                let length = i - labelStart
                guard (1...63).contains(length), text[labelStart] != ASCII.dash, text[i - 1] != ASCII.dash else {
                    return nil
                }
                labels += 1
                lastLabelAlphabetic = length >= 2
                for k in labelStart..<i where !ASCII.isLetter(text[k]) { lastLabelAlphabetic = false }
                labelStart = i + 1
            }
        }
        guard labels >= 2, lastLabelAlphabetic else { return nil }
        return start..<end
    }

    public func redact(_ match: UnsafeBufferPointer<UInt8>) -> String {
        guard let at = match.firstIndex(of: ASCII.at), at > 0, at + 1 < match.count else { return "***" }
        let local = Character(UnicodeScalar(match[0]))
        let domain = Character(UnicodeScalar(match[at + 1]))
        let tld = match.lastIndex(of: ASCII.dot).map { String(decoding: match[($0 + 1)...], as: UTF8.self) } ?? ""
        return "\(local)***@\(domain)***.\(tld.lowercased())"
    }
}
