import CadreModel

/// A stored value's text read as an instant, the way ``SQLiteDates`` reads it in SQLite (see
/// ``DateSemantics``): ISO 8601 date-time text, or a decimal Unix time. Not a calendar date
/// (that is CadreModel's `ISODate`): days past a month's end roll over as in SQLite
/// (`2025-02-30` is 2 March), and a time and a zone may follow.
enum TimestampText {
    /// Unix seconds of `YYYY-MM-DD`, optionally followed by `T` or a space and `HH:MM`,
    /// `HH:MM:SS` or `HH:MM:SS.fff…`, optionally followed by `Z` or `±HH:MM`; no zone is UTC.
    static func epochSeconds(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        func number(_ digits: Int) -> Int? {
            guard i + digits <= b.count else { return nil }
            var value = 0
            for k in i..<(i + digits) {
                guard ASCII.isDigit(b[k]) else { return nil }
                value = value * 10 + ASCII.digitValue(b[k])
            }
            i += digits
            return value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard i < b.count, b[i] == byte else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect(ASCII.dash), let month = number(2), expect(ASCII.dash), let day = number(2),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var seconds = Double(GregorianCalendar.dayNumber(year: year, month: month, day: day)) * 86_400
        if i < b.count, b[i] == 0x54 || b[i] == ASCII.space {
            i += 1
            guard let hour = number(2), expect(ASCII.colon), let minute = number(2), hour <= 24, minute <= 59 else {
                return nil
            }
            seconds += Double(hour * 3600 + minute * 60)
            if expect(ASCII.colon) {
                guard let second = number(2), second <= 60 else { return nil }
                seconds += Double(second)
                if expect(ASCII.dot) {
                    var scale = 0.1
                    var any = false
                    while i < b.count, ASCII.isDigit(b[i]) {
                        seconds += Double(ASCII.digitValue(b[i])) * scale
                        scale /= 10
                        any = true
                        i += 1
                    }
                    guard any else { return nil }
                }
            }
            if i < b.count, b[i] == 0x5A {  // Z
                i += 1
            } else if i < b.count, b[i] == ASCII.plus || b[i] == ASCII.dash {
                let sign: Double = b[i] == ASCII.plus ? 1 : -1
                i += 1
                guard let hours = number(2), expect(ASCII.colon), let minutes = number(2), hours <= 14, minutes <= 59
                else { return nil }
                seconds -= sign * Double(hours * 3600 + minutes * 60)
            }
        }
        guard i == b.count else { return nil }
        return (seconds * 1000).rounded() / 1000
    }

    /// A plain decimal number: digits with at most one inner dot (`1741600000`, `1741600000.250`), or nil.
    static func number(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let first = b.first, let last = b.last, ASCII.isDigit(first), ASCII.isDigit(last) else { return nil }
        var dots = 0
        for byte in b where !ASCII.isDigit(byte) {
            guard byte == ASCII.dot else { return nil }
            dots += 1
        }
        guard dots <= 1 else { return nil }
        return Double(String(decoding: b, as: UTF8.self))
    }
}
