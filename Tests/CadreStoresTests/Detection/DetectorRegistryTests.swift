import Testing

@testable import CadreStores

/// A detector as a plugin would bring one: a name, a pattern (here: `CLI-` and six digits) and a
/// validation function (here: the digits sum to a multiple of 7). No default redaction given.
struct CustomerNumberDetector: Detector {
    var name = "customer-number"
    let category = "user.unique_id"
    let validate: (String) -> Bool

    func detect(in text: UnsafeBufferPointer<UInt8>, report: (Range<Int>) -> Void) {
        let prefix = Array("CLI-".utf8)
        var i = 0
        while i + 10 <= text.count {
            if Array(text[i..<(i + 4)]) == prefix, text[(i + 4)..<(i + 10)].allSatisfy({ (0x30...0x39).contains($0) }),
                validate(String(decoding: text[(i + 4)..<(i + 10)], as: UTF8.self))
            {
                report(i..<(i + 10))
                i += 10
            } else {
                i += 1
            }
        }
    }
}

@Suite struct DetectorRegistryTests {
    let plugin = CustomerNumberDetector { digits in digits.reduce(0) { $0 + ($1.wholeNumberValue ?? 0) } % 7 == 0 }

    @Test func standardRegistryHoldsTheNativeDetectors() {
        #expect(DetectorRegistry.standard.names == ["email", "phone", "iban", "card", "nir", "ipv4", "ipv6"])
        #expect(DetectorRegistry.standard["iban"]?.category == "user.financial.bank_account")
    }

    @Test func pluginDetectorRunsBesideNativeOnes() throws {
        var registry = DetectorRegistry.standard
        try registry.register(plugin)
        #expect(registry.names.last == "customer-number")
        var scanner = TextScanner(detectors: registry, columns: ["note"])
        scanner.beginRow()
        // CLI-700000 (sum 7) passes; CLI-123456 (sum 21) passes; CLI-111111 (sum 6) fails its validation.
        scanner.scan("Client CLI-700000, ancien CLI-111111, mail a.b@example.fr, autre CLI-123456", column: 0)
        let tally = try #require(scanner.tallies.first { $0.detector == "customer-number" })
        #expect(tally.matches == 2)
        #expect(tally.category == "user.unique_id")
        // The default redaction: first and last character, three stars; the length is not shown.
        #expect(tally.examples.map(\.text) == ["C***0", "C***6"])
        #expect(scanner.tallies.first { $0.detector == "email" }?.matches == 1)
    }

    @Test func registeringTheSameNameTwiceIsRefused() throws {
        var registry = DetectorRegistry.standard
        #expect(throws: DetectorError.self) { try registry.register(EmailDetector()) }
        do {
            try registry.register(EmailDetector())
        } catch {
            #expect(error.code == .duplicateName)
            #expect(
                error.description == "detector 'email': a detector named 'email' is already registered [duplicate-name]"
            )
        }
        #expect(registry.names.count == 7)
    }

    @Test(arguments: ["", "Email", "two words", "é", String(repeating: "a", count: 65)])
    func invalidNamesAreRefused(name: String) {
        var registry = DetectorRegistry()
        var detector = plugin
        detector.name = name
        do {
            try registry.register(detector)
            Issue.record("'\(name)' was accepted")
        } catch {
            #expect(error.code == .invalidName)
        }
    }

    @Test func selectingKeepsTheOrderGiven() throws {
        let selection = try DetectorRegistry.standard.selecting(["card", "email"])
        #expect(selection.names == ["card", "email"])
        do {
            _ = try DetectorRegistry.standard.selecting(["card", "emial"])
            Issue.record("unknown name accepted")
        } catch {
            #expect(error.code == .unknownDetector)
            #expect(error.message.contains("known: email, phone"))
        }
    }

    @Test func examplesAreDistinctAndCapped() throws {
        var scanner = TextScanner(
            detectors: try DetectorRegistry.standard.selecting(["email"]), columns: ["a", "b"], examplesPerDetector: 2)
        for text in ["x@example.fr", "x@example.fr", "xavier@exemple.fr", "y@example.fr", "z@example.fr"] {
            scanner.beginRow()
            scanner.scan(text, column: 1)
        }
        let tally = scanner.tallies[0]
        #expect(tally.matches == 5)
        #expect(tally.rows == 5)
        #expect(tally.matchesByColumn == ["b": 5])
        // x@example.fr and xavier@exemple.fr redact alike: one example; then y@….
        #expect(
            tally.examples == [
                RedactedExample(column: "b", row: 1, text: "x***@e***.fr"),
                RedactedExample(column: "b", row: 4, text: "y***@e***.fr"),
            ])
    }
}
