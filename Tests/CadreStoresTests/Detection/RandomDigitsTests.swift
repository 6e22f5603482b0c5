import CadreTestSupport
import Testing

@testable import CadreStores

/// Random digit runs are not reported: the validation (checksums, lengths, prefixes) keeps them out.
@Suite struct RandomDigitsTests {

    static func luhn(_ digits: [Int]) -> Bool {
        var sum = 0
        for (k, d) in digits.reversed().enumerated() {
            let v = k % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d
            sum += v
        }
        return sum % 10 == 0
    }

    static func nirKeyHolds(_ digits: [Int]) -> Bool {
        guard digits.count == 15 else { return false }
        let n = digits.prefix(13).reduce(0) { $0 * 10 + $1 }
        return 97 - n % 97 == digits[13] * 10 + digits[14]
    }

    /// Runs of 5–25 digits that fail the Luhn check and the NIR key and do not start with 0:
    /// no detector reports any of them.
    @Test func brokenChecksumsAreNeverReported() {
        var rng = SplitMix(seed: 7)
        var text = ""
        for _ in 0..<20_000 {
            let length = Int.random(in: 5...25, using: &rng)
            var digits =
                [Int.random(in: 1...9, using: &rng)] + (1..<length).map { _ in Int.random(in: 0...9, using: &rng) }
            // Choose the last digit so that both checks fail.
            for last in 0...9 {
                digits[length - 1] = last
                if !Self.luhn(digits), !Self.nirKeyHolds(digits) { break }
            }
            text += digits.map(String.init).joined() + (Bool.random(using: &rng) ? " " : "\n")
        }
        var scanner = TextScanner(detectors: .standard, columns: ["noise"])
        scanner.beginRow()
        scanner.scan(text, column: 0)
        for tally in scanner.tallies {
            #expect(tally.matches == 0, "\(tally.detector) reported \(tally.matches) random runs: \(tally.examples)")
        }
    }

    /// Random 16-digit runs starting with 4 (a Visa prefix): exactly those with a valid Luhn
    /// digit are reported — about one in ten.
    @Test func cardsAreReportedExactlyWhenLuhnHolds() {
        var rng = SplitMix(seed: 42)
        var text = ""
        var valid = 0
        for _ in 0..<5_000 {
            let digits = [4] + (0..<15).map { _ in Int.random(in: 0...9, using: &rng) }
            if Self.luhn(digits) { valid += 1 }
            text += "carte " + digits.map(String.init).joined() + ". "
        }
        let reported = PaymentCardDetector().countMatches(in: text)
        #expect(reported == valid)
        #expect((400...600).contains(valid))
    }

    /// Random 15-digit NIR-shaped runs: reported only when the key holds (about 1 in 97 of those
    /// whose date and place parts are plausible).
    @Test func nirsAreReportedOnlyWhenTheKeyHolds() {
        var rng = SplitMix(seed: 1)
        var text = ""
        var validKeys = 0
        for _ in 0..<20_000 {
            var digits = [Int.random(in: 1...2, using: &rng)]
            digits += (0..<14).map { _ in Int.random(in: 0...9, using: &rng) }
            if Self.nirKeyHolds(digits) { validKeys += 1 }
            text += digits.map(String.init).joined() + " "
        }
        let reported = NIRDetector().countMatches(in: text)
        #expect(reported <= validKeys)
        #expect(reported < 20_000 / 50)
    }

    /// Random letters-and-digits in IBAN shape (a real country, its length): only mod-97 passes.
    @Test func ibanShapedNoiseIsRarelyReported() {
        var rng = SplitMix(seed: 3)
        var text = ""
        for _ in 0..<10_000 {
            let body = (0..<25).map { _ in String(Int.random(in: 0...9, using: &rng)) }.joined()
            text += "FR" + body + " "
        }
        let reported = IBANDetector().countMatches(in: text)
        // Each passes with probability 1/97: about 103 expected; far from 10,000.
        #expect((50...170).contains(reported))
    }
}
