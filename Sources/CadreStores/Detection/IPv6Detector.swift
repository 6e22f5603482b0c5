/// IPv6 addresses in the text forms of RFC 4291 / RFC 5952: eight groups of 1–4 hexadecimal
/// digits, or fewer with one `::`, optionally ending in dotted IPv4 (`::ffff:192.0.2.1`).
///
/// Needs at least two explicit groups, so `::` and `::1` are not reported, nor are times
/// (`10:30:00`) or MAC addresses (six groups, no `::`). Redacted as `2001:*:*:*:*:*:*:*`.
public struct IPv6Detector: Detector, Sendable {
    public let name = "ipv6"
    public let category = "user.device.ip_address"

    public init() {}

    @inline(__always) static func isAddressByte(_ b: UInt8) -> Bool {
        ASCII.isHex(b) || b == ASCII.colon || b == ASCII.dot
    }

    public func detect(in buffer: UnsafeBufferPointer<UInt8>, report: (Range<Int>) -> Void) {
        guard let text = ByteText(buffer) else { return }
        var colon = text.next(ASCII.colon, from: 0)
        var floor = 0
        while colon < text.count {
            var start = colon
            while start > floor, Self.isAddressByte(text[start - 1]) { start -= 1 }
            var end = colon + 1
            while end < text.count, Self.isAddressByte(text[end]) { end += 1 }
            // Trailing dots and colons belong to the sentence (`…::1.` or `fe80::1:`).
            while end > colon + 1, text[end - 1] == ASCII.dot { end -= 1 }
            if end > colon + 1, text[end - 1] == ASCII.colon, text[end - 2] != ASCII.colon { end -= 1 }
            if !ASCII.isWord(text.at(start - 1)), !ASCII.isWord(text.at(end)), end - start <= 45,
                Self.isValid(text, start..<end)
            {
                report(start..<end)
            }
            floor = end
            colon = text.next(ASCII.colon, from: max(end, colon + 1))
        }
    }

    /// Whether `range` is exactly one IPv6 address.
    static func isValid(_ text: ByteText, _ range: Range<Int>) -> Bool {
        var groups = 0
        var compressed = false
        var i = range.lowerBound
        if i + 1 < range.upperBound, text[i] == ASCII.colon {
            guard text[i + 1] == ASCII.colon else { return false }
            compressed = true
            i += 2
        }
        while i < range.upperBound {
            // One group, or a final dotted IPv4.
            var j = i
            while j < range.upperBound, ASCII.isHex(text[j]) { j += 1 }
            if j < range.upperBound, text[j] == ASCII.dot {
                guard groups <= 6, isDottedQuad(text, i..<range.upperBound) else { return false }
                groups += 2
                i = range.upperBound
                break
            }
            guard (1...4).contains(j - i) else { return false }
            groups += 1
            i = j
            guard i < range.upperBound else { break }
            guard text[i] == ASCII.colon else { return false }
            if i + 1 < range.upperBound, text[i + 1] == ASCII.colon {
                guard !compressed else { return false }
                compressed = true
                i += 2
            } else {
                i += 1
                guard i < range.upperBound else { return false }  // ends with a single `:`
            }
        }
        guard groups >= 2 else { return false }
        return compressed ? groups <= 7 : groups == 8
    }

    static func isDottedQuad(_ text: ByteText, _ range: Range<Int>) -> Bool {
        var parts = 0
        var value = -1
        var length = 0
        var leadingZero = false
        for i in range {
            let b = text[i]
            if ASCII.isDigit(b) {
                if length == 0 { leadingZero = b == 0x30 } else if leadingZero { return false }
                value = max(value, 0) * 10 + ASCII.digitValue(b)
                length += 1
                guard length <= 3, value <= 255 else { return false }
            } else if b == ASCII.dot, length > 0 {
                parts += 1
                value = -1
                length = 0
            } else {
                return false
            }
        }
        return length > 0 && parts == 3
    }

    public func redact(_ match: UnsafeBufferPointer<UInt8>) -> String {
        let first = match.prefix { $0 != ASCII.colon }
        return (first.isEmpty ? "" : String(decoding: first, as: UTF8.self).lowercased()) + ":*:*:*:*:*:*:*"
    }
}
