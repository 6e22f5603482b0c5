import CadreModel

/// The official text a rule's reference cites, when cadre knows where it is published: the
/// HTML report links `GDPR Art. 5(1)(e)` to the regulation on EUR-Lex, `Code de commerce
/// L.123-22` to the code on Légifrance. A reference that is itself a web address links to it.
/// Other references (CNIL deliberations and guidance, Commission guidelines) are shown as text.
enum ReferenceLinks {
    /// Acts by the words a reference starts with, and where their official text is.
    static let acts: [(prefix: String, url: String)] = [
        ("GDPR", "https://eur-lex.europa.eu/eli/reg/2016/679/oj"),
        ("AI Act", "https://eur-lex.europa.eu/eli/reg/2024/1689/oj"),
        ("ePrivacy Directive", "https://eur-lex.europa.eu/eli/dir/2002/58/oj"),
        ("Code de commerce", "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000005634379"),
        ("Code de la consommation", "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006069565"),
        ("Code du travail", "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006072050"),
        ("CPCE", "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070987"),
    ]

    /// Where the text `reference` cites is published, if cadre knows.
    /// The official text of `reference`: the address the rule gives (its `url`), else the text
    /// its citation names when cadre knows it.
    static func url(for reference: RuleReference) -> String? {
        reference.url ?? url(for: reference.citation)
    }

    static func url(for reference: String) -> String? {
        if reference.hasPrefix("https://") || reference.hasPrefix("http://") { return reference }
        for act in acts where reference == act.prefix || reference.hasPrefix(act.prefix + " ") {
            return act.url
        }
        return nil
    }
}
