import Foundation

/// Known personal data seeded into the test stores. Redaction tests look for every one of these
/// strings (and their digits) in everything the stores return.
enum Seeds {
    static let email = "jean.dupont@example.fr"
    static let phone = "06 12 34 56 78"
    static let internationalPhone = "+33 6 98 76 54 32"
    static let iban = "FR76 3000 6000 0112 3456 7890 189"
    static let card = "4242 4242 4242 4242"
    static let nir = "1 85 05 78 006 084 91"
    static let ipv4 = "192.168.1.20"
    static let ipv6 = "2001:db8::1"
    static let name = "Jean Dupont"

    /// Strings that must never appear in any output: the values, and their distinctive parts.
    static let forbidden: [String] = [
        email, "jean.dupont", "example.fr", phone, "0612345678", "12 34 56", internationalPhone, "98 76 54",
        iban, "3000 6000", "30006000011234567890", card, "4242424242424242", "4242 4242 4242",
        nir, "185057800608491", "85 05 78", ipv4, "168.1.20", ipv6, "db8::1", name,
    ]

    /// A chat message holding every seeded value.
    static let message = """
        Bonjour, ici \(name) (\(email), \(phone) ou \(internationalPhone)). Ma carte \(card) a été \
        débitée deux fois ; mon IBAN est \(iban) et mon NIR \(nir). IP \(ipv4) / \(ipv6).
        """

    /// Every string in `outputs` that holds a forbidden value, with the value it holds.
    static func leaks(in outputs: [String]) -> [String] {
        var found: [String] = []
        for output in outputs {
            for value in forbidden where output.contains(value) { found.append("'\(value)' in: \(output)") }
        }
        return found
    }
}
