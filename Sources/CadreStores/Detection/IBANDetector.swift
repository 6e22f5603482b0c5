/// International bank account numbers (ISO 13616): a country code, two check digits and the
/// national account number, compact (`FR7630006000011234567890189`) or in groups of four
/// (`FR76 3000 6000 0112 3456 7890 189`).
///
/// Validates the country (one of the SWIFT IBAN registry's), the length that country uses, and
/// the ISO 7064 MOD 97-10 check (remainder 1). Random strings of the right shape fail the check
/// 96 times in 97.
///
/// Redacted as `FR76 **** … 0189`: country and check digits, and the last four characters.
public struct IBANDetector: Detector, Sendable {
    public let name = "iban"
    public let category = "user.financial.bank_account"

    public init() {}

    public func detect(in buffer: UnsafeBufferPointer<UInt8>, report: (Range<Int>) -> Void) {
        guard let text = ByteText(buffer) else { return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 34) { chars in
            // The trigger is the first check digit, right after two letters that start a word.
            var i = text.nextDigit(from: 2)
            while i < text.count {
                let start = i - 2
                if ASCII.isLetter(text[start]), ASCII.isLetter(text[start + 1]), !ASCII.isWord(text.at(start - 1)),
                    let length = IBANCountries.length(ASCII.upper(text[start]), ASCII.upper(text[start + 1])),
                    let end = Self.read(text, from: start, length: length, into: chars),
                    Checksums.ibanIsValid(UnsafeBufferPointer(rebasing: chars[..<length]))
                {
                    report(start..<end)
                    i = text.nextDigit(from: end)
                    continue
                }
                i = text.nextDigit(from: i + 1)
            }
        }
    }

    public func redact(_ match: UnsafeBufferPointer<UInt8>) -> String {
        let chars = match.filter(ASCII.isAlnum).map(ASCII.upper)
        return String(decoding: chars.prefix(4), as: UTF8.self) + " **** … "
            + String(decoding: chars.suffix(4), as: UTF8.self)
    }

    /// Reads exactly `length` letters and digits from `start`, compact or with single spaces every
    /// four characters, upper-cased into `chars`; the end of the match, or nil.
    static func read(_ text: ByteText, from start: Int, length: Int, into chars: UnsafeMutableBufferPointer<UInt8>)
        -> Int?
    {
        var i = start
        var count = 0
        var spaced: Bool?
        while count < length {
            guard i < text.count else { return nil }
            let b = text[i]
            if ASCII.isAlnum(b) {
                // Check digits are digits.
                if count == 2 || count == 3, !ASCII.isDigit(b) { return nil }
                chars[count] = ASCII.upper(b)
                count += 1
                i += 1
                continue
            }
            // A single space, only between groups of four, and then between every group.
            guard b == ASCII.space, count % 4 == 0, spaced != false, ASCII.isAlnum(text.at(i + 1)) else { return nil }
            spaced = true
            i += 1
        }
        if spaced == nil, count >= 4 { spaced = false }
        // Not glued to more letters or digits, nor followed by another group.
        if ASCII.isWord(text.at(i)) { return nil }
        if spaced == true, count % 4 == 0, text.at(i) == ASCII.space, ASCII.isDigit(text.at(i + 1)) {
            // Ending on a full group followed by another group of digits: a longer number.
            return nil
        }
        return i
    }
}
