/// Telephone numbers: French numbers in national form and international numbers with their
/// country code.
///
/// - French national: `0` then a digit 1–9 then eight digits, compact (`0612345678`) or in five
///   pairs with one separator (`06 12 34 56 78`, `06.12.34.56.78`, `06-12-34-56-78`).
/// - International: `+` or `00`, a country code assigned by the ITU (E.164), then digits with
///   spaces, dots, dashes or a bracketed area code; 8 to 15 digits in all. For `+33` the national
///   part must be nine digits starting 1–9 (`+33 6 12 34 56 78`, `+33 (0)6 12 34 56 78`).
///
/// A bare run of digits that is not in one of these shapes (a reference, an amount) is not
/// reported. Redacted keeping the country code, the first national digit and the last two digits:
/// `+33 6 ** ** ** 12`, `06 ** ** ** 12`.
public struct PhoneDetector: Detector, Sendable {
    public let name = "phone"
    public let category = "user.contact.phone_number"

    public init() {}

    public func detect(in buffer: UnsafeBufferPointer<UInt8>, report: (Range<Int>) -> Void) {
        guard let text = ByteText(buffer) else { return }
        var i = text.nextDigit(from: 0)
        while i < text.count {
            let plus = text.at(i - 1) == ASCII.plus
            if plus || NumberRun.isFreeBefore(text, i) {
                if plus, !ASCII.isWord(text.at(i - 2)), let end = Self.international(text, digitsFrom: i) {
                    report((i - 1)..<end)
                    i = text.nextDigit(from: end)
                    continue
                }
                if !plus, text[i] == 0x30, text.at(i + 1) == 0x30, text.at(i + 2) != 0x30,
                    let end = Self.international(text, digitsFrom: i + 2, afterDoubleZero: true)
                {
                    report(i..<end)
                    i = text.nextDigit(from: end)
                    continue
                }
                if !plus, text[i] == 0x30, let end = Self.frenchNational(text, from: i) {
                    report(i..<end)
                    i = text.nextDigit(from: end)
                    continue
                }
            }
            let run = NumberRun.read(text, from: i, separators: Self.isSeparator)
            i = text.nextDigit(from: run.end)
        }
    }

    public func redact(_ match: UnsafeBufferPointer<UInt8>) -> String {
        // Keep: `+` or `00`, the country code, the first national digit; and the last two digits.
        var keepFirst = 2  // national: `0X`
        if match.first == ASCII.plus || (match.count > 1 && match[0] == 0x30 && match[1] == 0x30) {
            var digits: [UInt8] = []
            for b in match where ASCII.isDigit(b) { digits.append(b) }
            let skip = match.first == ASCII.plus ? 0 : 2
            let code = Self.countryCodeLength(digits.dropFirst(skip).map { Int($0 - 0x30) }) ?? 1
            keepFirst = skip + code + 1
        }
        return Redactor.maskDigits(match, keepingFirst: keepFirst, last: 2)
    }

    static func isSeparator(_ b: UInt8) -> Bool { b == ASCII.space || b == ASCII.dot || b == ASCII.dash }

    /// `0X XX XX XX XX` or `0XXXXXXXXX`: the end of the match, or nil.
    static func frenchNational(_ text: ByteText, from start: Int) -> Int? {
        let run = NumberRun.read(text, from: start, separators: isSeparator)
        guard run.digits == 10, run.isFreeAfter(text), text[start + 1] != 0x30 else { return nil }
        if run.groupCount == 1 { return run.end }
        guard run.groupCount == 5 else { return nil }
        for g in 0..<5 where run.group(g) != 2 { return nil }
        return run.end
    }

    /// The end of an international number whose digits (country code first) start at `start`, or nil.
    ///
    /// After `00` (rather than `+`) the country code must be followed by a separator
    /// (`0044 20 7946 0958`), or be 33 with a nine-digit national number, so that a bare run of
    /// digits starting with `00` is not taken for a number.
    static func international(_ text: ByteText, digitsFrom start: Int, afterDoubleZero: Bool = false) -> Int? {
        var digits: [Int] = []
        digits.reserveCapacity(16)
        var i = start
        var end = start
        var trunkZeroSkipped = false
        while i < text.count {
            let b = text[i]
            if ASCII.isDigit(b) {
                digits.append(ASCII.digitValue(b))
                if digits.count > 15 { return nil }
                i += 1
                end = i
                continue
            }
            // `(0)` after the country code (`+33 (0)6…`), or a bracketed area code `(415)`.
            var j = i
            if isSeparator(b) { j += 1 }
            if text.at(j) == ASCII.openParen {
                var k = j + 1
                var inner: [Int] = []
                while k < text.count, ASCII.isDigit(text[k]), inner.count < 5 {
                    inner.append(ASCII.digitValue(text[k]))
                    k += 1
                }
                guard !inner.isEmpty, text.at(k) == ASCII.closeParen else { break }
                k += 1
                if inner == [0], !trunkZeroSkipped {
                    trunkZeroSkipped = true
                } else {
                    digits.append(contentsOf: inner)
                }
                if isSeparator(text.at(k)) { k += 1 }
                guard ASCII.isDigit(text.at(k)) else { break }
                i = k
                continue
            }
            guard isSeparator(b), ASCII.isDigit(text.at(i + 1)) else { break }
            i += 1
        }
        guard ASCII.isWord(text.at(end)) == false, (8...15).contains(digits.count),
            let codeLength = countryCodeLength(digits)
        else { return nil }
        if digits.starts(with: [3, 3]) {
            let national = digits.count - codeLength
            guard national == 9, digits[2] != 0 else { return nil }
        } else if afterDoubleZero {
            let next = text.at(start + codeLength)
            guard isSeparator(next) || next == ASCII.openParen else { return nil }
        }
        return end
    }

    /// The length of the ITU-assigned country code `digits` start with, or nil when none is assigned.
    static func countryCodeLength(_ digits: [Int]) -> Int? {
        guard digits.count >= 3 else { return nil }
        let one = digits[0]
        let two = one * 10 + digits[1]
        let three = two * 10 + digits[2]
        if one == 1 || one == 7 { return 1 }
        if CountryCodes.two.contains(two) { return 2 }
        if CountryCodes.three.contains(three) { return 3 }
        return nil
    }
}

/// E.164 country codes assigned by the ITU (zone 1 and 7 are one digit).
enum CountryCodes {
    static let two: Set<Int> = [
        20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54, 55,
        56, 57, 58, 60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98,
    ]
    static let three: Set<Int> = {
        var codes: Set<Int> = [
            211, 212, 213, 216, 218, 290, 291, 297, 298, 299, 420, 421, 423, 500, 501, 502, 503, 504,
            505, 506, 507, 508, 509, 590, 591, 592, 593, 594, 595, 596, 597, 598, 599, 670, 672, 673,
            674, 675, 676, 677, 678, 679, 680, 681, 682, 683, 685, 686, 687, 688, 689, 690, 691, 692,
            850, 852, 853, 855, 856, 880, 886, 960, 961, 962, 963, 964, 965, 966, 967, 968, 970, 971,
            972, 973, 974, 975, 976, 977, 992, 993, 994, 995, 996, 998,
        ]
        codes.formUnion(220...269)
        codes.formUnion(350...359)
        codes.formUnion(370...389)
        return codes
    }()
}
