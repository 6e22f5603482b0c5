import Testing

@testable import CadreStores

/// Each native detector: what it finds (with the ways people write it), what it must not find,
/// and how it shows what it found.
@Suite struct DetectorTests {
    @Test(arguments: [
        ("Écrivez à jean.dupont@example.fr pour la suite.", "jean.dupont@example.fr"),
        ("j.d+facture@mail.example.co.uk", "j.d+facture@mail.example.co.uk"),
        ("Contact: MARIE_CURIE@Example.FR.", "MARIE_CURIE@Example.FR"),
        ("<support-client@electra-energie.fr>", "support-client@electra-energie.fr"),
        ("mail:a%b@x-y.org,", "a%b@x-y.org"),
    ])
    func emailFound(text: String, expected: String) {
        #expect(EmailDetector().rawMatches(in: text) == [expected])
    }

    @Test(arguments: [
        "@example.fr", "jean@", "jean@localhost", "a@b.c", "jean..dupont@example.fr",
        "user@-example.com", "user@example.123", "deux @ example.fr", ".@example.fr",
    ])
    func emailRejected(text: String) {
        #expect(EmailDetector().rawMatches(in: text).isEmpty)
    }

    @Test func emailRedaction() {
        #expect(EmailDetector().redactedMatches(in: "écrire à jean.dupont@example.fr") == ["j***@e***.fr"])
        #expect(EmailDetector().redactedMatches(in: "X@Mail.Example.CO.UK") == ["X***@M***.uk"])
    }

    @Test(arguments: [
        ("Rappelez le 06 12 34 56 78 svp", "06 12 34 56 78"),
        ("tel 0612345678.", "0612345678"),
        ("fixe: 01.23.45.67.89", "01.23.45.67.89"),
        ("01-23-45-67-89", "01-23-45-67-89"),
        ("+33 6 12 34 56 78", "+33 6 12 34 56 78"),
        ("(+33612345678)", "+33612345678"),
        ("+33 (0)6 12 34 56 78", "+33 (0)6 12 34 56 78"),
        ("0033 6 12 34 56 78", "0033 6 12 34 56 78"),
        ("call +1 (415) 555-2671 now", "+1 (415) 555-2671"),
        ("+44 20 7946 0958", "+44 20 7946 0958"),
        ("0049 30 1234567", "0049 30 1234567"),
    ])
    func phoneFound(text: String, expected: String) {
        #expect(PhoneDetector().rawMatches(in: text) == [expected])
    }

    @Test(arguments: [
        "Commande 123456789012", "0612345678901", "06 12 34 56 7", "1234567890", "06 12 34 56 78 90",
        "réf. 0012345678", "+33 6 12 34 56", "+999 1234 5678", "+33 0 12 34 56 78", "A0612345678",
        "0012 3456 7890 1234",
    ])
    func phoneRejected(text: String) {
        #expect(PhoneDetector().rawMatches(in: text).isEmpty)
    }

    @Test func phoneRedaction() {
        #expect(PhoneDetector().redactedMatches(in: "+33 6 12 34 56 12") == ["+33 6 ** ** ** 12"])
        #expect(PhoneDetector().redactedMatches(in: "06 12 34 56 12") == ["06 ** ** ** 12"])
        #expect(PhoneDetector().redactedMatches(in: "+1 (415) 555-2671") == ["+1 (4**) ***-**71"])
    }

    @Test(arguments: [
        ("IBAN : FR76 3000 6000 0112 3456 7890 189 merci", "FR76 3000 6000 0112 3456 7890 189"),
        ("FR7630006000011234567890189", "FR7630006000011234567890189"),
        ("DE89 3704 0044 0532 0130 00", "DE89 3704 0044 0532 0130 00"),
        ("GB82 WEST 1234 5698 7654 32.", "GB82 WEST 1234 5698 7654 32"),
        ("BE71 0961 2345 6769 et", "BE71 0961 2345 6769"),
        ("nl91abna0417164300", "nl91abna0417164300"),
    ])
    func ibanFound(text: String, expected: String) {
        #expect(IBANDetector().rawMatches(in: text) == [expected])
    }

    @Test(arguments: [
        "FR76 3000 6000 0112 3456 7890 188",  // check digits wrong
        "FR76 3000 6000 0112 3456 7890 18",  // too short for FR
        "FR7630006000011234567890189123",  // too long
        "ZZ76 3000 6000 0112 3456 7890 189",  // no such country
        "XFR7630006000011234567890189",  // glued to a word
    ])
    func ibanRejected(text: String) {
        #expect(IBANDetector().rawMatches(in: text).isEmpty)
    }

    @Test func ibanRedaction() {
        #expect(IBANDetector().redactedMatches(in: "FR76 3000 6000 0112 3456 7890 189") == ["FR76 **** … 0189"])
    }

    @Test(arguments: [
        ("carte 4242 4242 4242 4242 exp 12/27", "4242 4242 4242 4242"),
        ("4242-4242-4242-4242", "4242-4242-4242-4242"),
        ("5555555555554444", "5555555555554444"),
        ("Amex 3782 822463 10005", "3782 822463 10005"),
        ("Diners 3056 930902 5904", "3056 930902 5904"),
        ("JCB 3530 1113 3330 0000", "3530 1113 3330 0000"),
        ("Discover 6011 1111 1111 1117", "6011 1111 1111 1117"),
        ("MC 2223 0031 2200 3222", "2223 0031 2200 3222"),
    ])
    func cardFound(text: String, expected: String) {
        #expect(PaymentCardDetector().rawMatches(in: text) == [expected])
    }

    @Test(
        arguments: [
            "4242 4242 4242 4241",  // Luhn fails
            "1234 5678 9012 3456",  // no scheme starts with 1
            "9999 9999 9999 9995",  // no scheme starts with 9
            "42424242424242424242",  // 20 digits
            "4242 4242 4242 4242 4242",  // a longer number
            "42 4242 4242 4242 42",  // not a card grouping
            "ref4242424242424242",  // glued to a word
            "3.4242424242424242",  // decimals of a number
            "378282246310005 ",  // Amex length, fine, but…
        ].dropLast())
    func cardRejected(text: String) {
        #expect(PaymentCardDetector().rawMatches(in: text).isEmpty)
    }

    @Test func cardRedaction() {
        #expect(PaymentCardDetector().redactedMatches(in: "4242 4242 4242 4242") == ["**** **** **** 4242"])
        #expect(PaymentCardDetector().redactedMatches(in: "3782 822463 10005") == ["**** **** **** 0005"])
    }

    @Test(arguments: [
        ("NIR 1 85 05 78 006 084 91.", "1 85 05 78 006 084 91"),
        ("185057800608491", "185057800608491"),
        ("1850578006084 91", "1850578006084 91"),
        ("2 90 02 2A 004 012 18", "2 90 02 2A 004 012 18"),
        ("1.99.12.2B.123.456.68", "1.99.12.2B.123.456.68"),
        ("2690199350012 34", "2690199350012 34"),
    ])
    func nirFound(text: String, expected: String) {
        #expect(NIRDetector().rawMatches(in: text) == [expected])
    }

    @Test(arguments: [
        "1 85 05 78 006 084 92",  // key wrong
        "1 85 13 78 006 084 91",  // month 13 (and key)
        "5 85 05 78 006 084 91",  // sex 5
        "2 90 02 2A 004 012 19",  // Corsica, key wrong
        "2 90 02 2C 004 012 18",  // not a department
        "1850578006084",  // no key
        "18505780060849100",  // longer number
    ])
    func nirRejected(text: String) {
        #expect(NIRDetector().rawMatches(in: text).isEmpty)
    }

    @Test func nirRedaction() {
        #expect(NIRDetector().redactedMatches(in: "1 85 05 78 006 084 91") == ["* ** ** ** *** *** 91"])
    }

    @Test(arguments: [
        ("client 192.168.1.20 connecté", "192.168.1.20"), ("8.8.8.8.", "8.8.8.8"), ("(10.0.0.255)", "10.0.0.255"),
    ])
    func ipv4Found(text: String, expected: String) {
        #expect(IPv4Detector().rawMatches(in: text) == [expected])
    }

    @Test(arguments: ["256.1.1.1", "1.2.3", "version 1.2.3.4.5", "01.2.3.4", "v1.2.3.4", "1.2.3.4a", "12.05.2024"])
    func ipv4Rejected(text: String) {
        #expect(IPv4Detector().rawMatches(in: text).isEmpty)
    }

    @Test(arguments: [
        ("from 2001:db8::1 today", "2001:db8::1"),
        ("fe80::1ff:fe23:4567:890a", "fe80::1ff:fe23:4567:890a"),
        ("[2001:0db8:85a3:0000:0000:8a2e:0370:7334]:443", "2001:0db8:85a3:0000:0000:8a2e:0370:7334"),
        ("::ffff:192.0.2.128", "::ffff:192.0.2.128"),
        ("adresse 2001:db8:0:0:1::1.", "2001:db8:0:0:1::1"),
    ])
    func ipv6Found(text: String, expected: String) {
        #expect(IPv6Detector().rawMatches(in: text) == [expected])
    }

    @Test(arguments: [
        "à 10:30:00", "00:1A:2B:3C:4D:5E", "::1", "::", "std::string", "a:b:c", "1::2::3", "2001:db8:::1", "12345::1",
    ])
    func ipv6Rejected(text: String) {
        #expect(IPv6Detector().rawMatches(in: text).isEmpty)
    }

    @Test func ipRedaction() {
        #expect(IPv4Detector().redactedMatches(in: "192.168.1.20") == ["192.*.*.*"])
        #expect(IPv6Detector().redactedMatches(in: "2001:DB8::1") == ["2001:*:*:*:*:*:*:*"])
    }

    @Test func severalKindsInOneText() {
        let text = """
            Bonjour, je suis Jean (jean.dupont@example.fr, 06 12 34 56 78). Ma carte 4242 4242 4242 4242 \
            a été débitée deux fois ; IBAN FR76 3000 6000 0112 3456 7890 189, NIR 1 85 05 78 006 084 91. \
            Connexion depuis 192.168.1.20 et 2001:db8::1. Commande n° 2024-000123, montant 1 234,56 €.
            """
        var scanner = TextScanner(detectors: .standard, columns: ["message"])
        scanner.beginRow()
        scanner.scan(text, column: 0)
        let counts = Dictionary(uniqueKeysWithValues: scanner.tallies.map { ($0.detector, $0.matches) })
        #expect(counts == ["email": 1, "phone": 1, "iban": 1, "card": 1, "nir": 1, "ipv4": 1, "ipv6": 1])
    }

    @Test func nonASCIITextAround() {
        let text = "Réclamation: « jean@exemple.fr » — numéro ０６ 12 34 56 78 (chiffres pleine chasse) 📞 06 12 34 56 78"
        #expect(EmailDetector().rawMatches(in: text) == ["jean@exemple.fr"])
        #expect(PhoneDetector().rawMatches(in: text) == ["06 12 34 56 78"])
    }
}
