/// French social security numbers (NIR, « numéro de sécurité sociale »): 13 characters and a
/// two-digit key, compact (`185057800608436`) or grouped (`1 85 05 78 006 084 36`,
/// `1850578006084 36`), separators spaces, dots or dashes.
///
/// Validates: sex 1, 2 (or 3, 4, 7, 8 for provisional numbers); month 01–12, 20, 30–42 or
/// 50–99; department 01–99, `2A` or `2B` (Corsica); commune and order not `000`; and the key,
/// `97 − (N mod 97)` where N is the 13-digit number (for Corsica, `2A` counts as 19 and `2B` as
/// 18). Random 15-digit runs fail the key 96 times in 97.
///
/// Redacted as `* ** ** ** *** *** 36`: the key only, which says nothing on its own.
public struct NIRDetector: Detector, Sendable {
    public let name = "nir"
    public let category = "user.government_id.national_identification_number"

    public init() {}

    public func detect(in buffer: UnsafeBufferPointer<UInt8>, report: (Range<Int>) -> Void) {
        guard let text = ByteText(buffer) else { return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { chars in
            var i = text.nextDigit(from: 0)
            while i < text.count {
                let (end, count, groups) = Self.read(text, from: i, into: chars)
                if count == 15, NumberRun.isFreeBefore(text, i), !ASCII.isWord(text.at(end)),
                    groups.isAcceptedGrouping, Self.isValid(UnsafeBufferPointer(rebasing: chars[..<15]))
                {
                    report(i..<end)
                }
                i = text.nextDigit(from: max(end, i + 1))
            }
        }
    }

    public func redact(_ match: UnsafeBufferPointer<UInt8>) -> String {
        let key = match.filter(ASCII.isDigit).suffix(2)
        return "* ** ** ** *** *** " + String(decoding: key, as: UTF8.self)
    }

    /// The group lengths of a candidate, to accept only the ways people write a NIR.
    struct Groups {
        /// Up to eight group lengths, eight bits each (a ninth group makes the candidate invalid).
        private var packed: UInt64 = 0
        private var count = 0

        mutating func append(_ length: Int) {
            if count < 8 { packed |= UInt64(min(length, 255)) << (8 * UInt64(count)) }
            count += 1
        }

        private static func pack(_ lengths: [Int]) -> UInt64 {
            lengths.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        }

        private static let accepted: [UInt64] = [[15], [1, 2, 2, 2, 3, 3, 2], [13, 2], [1, 2, 2, 5, 3, 2]].map(pack)

        var isAcceptedGrouping: Bool { count <= 8 && Self.accepted.contains(packed) }
    }

    /// Reads digits (and `A`/`B` right after a `2` in the department position) with single
    /// separators, the same throughout. Copies up to 16 characters (letters upper-cased) into `chars`.
    static func read(_ text: ByteText, from start: Int, into chars: UnsafeMutableBufferPointer<UInt8>) -> (
        end: Int, count: Int, groups: Groups
    ) {
        var i = start
        var count = 0
        var separator: UInt8 = 0
        var groups = Groups()
        var groupLength = 0
        var end = start
        while i < text.count {
            let b = text[i]
            let isCorsica = count == 6 && chars[5] == 0x32 && (b | 0x20 == 0x61 || b | 0x20 == 0x62)
            if ASCII.isDigit(b) || isCorsica {
                if count < chars.count { chars[count] = ASCII.upper(b) }
                count += 1
                groupLength += 1
                i += 1
                end = i
                continue
            }
            let next = text.at(i + 1)
            guard PhoneDetector.isSeparator(b), separator == 0 || separator == b,
                ASCII.isDigit(next)
                    || (count == 6 && (next | 0x20 == 0x61 || next | 0x20 == 0x62))
            else { break }
            separator = b
            groups.append(groupLength)
            groupLength = 0
            i += 1
            if count > 16 { break }
        }
        groups.append(groupLength)
        return (end, count, groups)
    }

    /// Whether 15 characters (digits, and `A`/`B` in the department) form a valid NIR.
    static func isValid(_ c: UnsafeBufferPointer<UInt8>) -> Bool {
        func digit(_ k: Int) -> Int? { ASCII.isDigit(c[k]) ? ASCII.digitValue(c[k]) : nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for k in range {
                guard let d = digit(k) else { return nil }
                value = value * 10 + d
            }
            return value
        }
        guard let sex = digit(0), [1, 2, 3, 4, 7, 8].contains(sex),
            let month = number(3..<5),
            (1...12).contains(month) || month == 20 || (30...42).contains(month) || (50...99).contains(month),
            let commune = number(7..<10), commune != 0, let order = number(10..<13), let key = number(13..<15),
            order != 0, (1...97).contains(key)
        else { return false }
        // Department: two digits 01–99, or 2A / 2B.
        var corsicaOffset = 0
        if c[6] == 0x41 || c[6] == 0x42 {
            guard c[5] == 0x32 else { return false }
            corsicaOffset = c[6] == 0x41 ? 1_000_000 : 2_000_000
        } else {
            guard let department = number(5..<7), department != 0 else { return false }
        }
        // N: the 13 characters, with A/B read as 0 and the Corsica offset taken off.
        var n = 0
        for k in 0..<13 { n = n * 10 + (digit(k) ?? 0) }
        n -= corsicaOffset
        return 97 - n % 97 == key
    }
}
