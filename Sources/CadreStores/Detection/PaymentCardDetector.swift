/// Payment card numbers (PAN): 13 to 19 digits, compact or grouped (`4242 4242 4242 4242`,
/// `3782-822463-10005`), with a plausible issuer prefix (Visa, Mastercard, American Express,
/// Diners, Discover, JCB, UnionPay, Maestro, Mir) for their length, and a valid Luhn check digit.
///
/// Redacted as `**** **** **** 4242`: the last four digits only, whatever the length.
public struct PaymentCardDetector: Detector, Sendable {
    public let name = "card"
    public let category = "user.financial.credit_card"

    public init() {}

    public func detect(in buffer: UnsafeBufferPointer<UInt8>, report: (Range<Int>) -> Void) {
        guard let text = ByteText(buffer) else { return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 19) { digits in
            var i = text.nextDigit(from: 0)
            while i < text.count {
                let run = NumberRun.read(text, from: i) { $0 == ASCII.space || $0 == ASCII.dash }
                if (13...19).contains(run.digits), NumberRun.isFreeBefore(text, i), run.isFreeAfter(text),
                    Self.hasCardGrouping(run)
                {
                    var n = 0
                    run.forEachDigit(in: text) {
                        digits[n] = UInt8($0)
                        n += 1
                    }
                    let number = UnsafeBufferPointer(rebasing: digits[..<n])
                    if Self.isPlausibleIssuer(number), Checksums.luhnIsValid(number) {
                        report(run.start..<run.end)
                    }
                }
                i = text.nextDigit(from: run.end)
            }
        }
    }

    public func redact(_ match: UnsafeBufferPointer<UInt8>) -> String {
        let lastFour = match.filter(ASCII.isDigit).suffix(4)
        return "**** **** **** " + String(decoding: lastFour, as: UTF8.self)
    }

    /// Compact; or groups of four with a shorter last group (4-4-4-4, 4-4-4-4-3, 4-4-4-1…);
    /// or the 4-6-5 and 4-6-4 groups of American Express and Diners.
    static func hasCardGrouping(_ run: NumberRun) -> Bool {
        let k = run.groupCount
        if k == 1 { return true }
        if k == 3, run.group(0) == 4, run.group(1) == 6, (4...5).contains(run.group(2)) { return true }
        guard k >= 4, k <= 5 else { return false }
        for g in 0..<(k - 1) where run.group(g) != 4 { return false }
        return (1...4).contains(run.group(k - 1))
    }

    /// Whether the leading digits name a card scheme that issues numbers of this length.
    static func isPlausibleIssuer(_ d: UnsafeBufferPointer<UInt8>) -> Bool {
        let length = d.count
        let p2 = Int(d[0]) * 10 + Int(d[1])
        let p3 = p2 * 10 + Int(d[2])
        let p4 = p3 * 10 + Int(d[3])
        switch d[0] {
        case 2:
            if (2221...2720).contains(p4) { return length == 16 }  // Mastercard 2-series
            if (2200...2204).contains(p4) { return (16...19).contains(length) }  // Mir
            return false
        case 3:
            if p2 == 34 || p2 == 37 { return length == 15 }  // American Express
            if (3528...3589).contains(p4) { return (16...19).contains(length) }  // JCB
            if (300...305).contains(p3) || p2 == 36 || p2 == 38 || p2 == 39 {
                return (14...19).contains(length)  // Diners Club
            }
            return false
        case 4:
            return length == 13 || length == 16 || length == 19  // Visa
        case 5:
            if (51...55).contains(p2) { return length == 16 }  // Mastercard
            if p2 == 50 || (56...58).contains(p2) { return (13...19).contains(length) }  // Maestro
            return false
        case 6:
            if p2 == 63 || p2 == 67 { return (13...19).contains(length) }  // Maestro
            return (16...19).contains(length)  // Discover, UnionPay, RuPay…
        default:
            return false
        }
    }
}
