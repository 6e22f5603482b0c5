/// The three vocabularies of the taxonomy, as in fideslang.
public enum TaxonomyKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// What the data is (`user.contact.email`).
    case dataCategory = "data_categories"
    /// What the data is used for (`essential.service.operations.support`).
    case dataUse = "data_uses"
    /// Whom the data is about (`customer`).
    case dataSubject = "data_subjects"

    /// `data category`, `data use`, `data subject`.
    public var singularName: String {
        switch self {
        case .dataCategory: "data category"
        case .dataUse: "data use"
        case .dataSubject: "data subject"
        }
    }
}

/// The GDPR regime of a data category that needs more than a lawful basis.
public enum SpecialCategory: String, Sendable, Hashable, Codable, CaseIterable {
    /// Special categories of GDPR Art. 9(1): racial or ethnic origin, political opinions,
    /// religious or philosophical beliefs, trade union membership, genetic data, biometric data
    /// processed to identify a person, health, sex life or sexual orientation.
    case article9 = "article_9"
    /// Personal data relating to criminal convictions and offences, GDPR Art. 10.
    case article10 = "article_10"
}
