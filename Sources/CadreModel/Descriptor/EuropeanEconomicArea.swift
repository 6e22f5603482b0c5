/// The countries of the European Economic Area, where the GDPR applies and data moves freely
/// (the 27 EU member states, Iceland, Liechtenstein and Norway), by ISO 3166-1 alpha-2 code.
public enum EuropeanEconomicArea {
    public static let countries: Set<String> = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
        "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
    ]

    /// Whether `region` (a country code, `EU` or `EEA`) is inside the EEA.
    public static func contains(_ region: String) -> Bool {
        let code = region.uppercased()
        return code == "EU" || code == "EEA" || countries.contains(code)
    }
}
