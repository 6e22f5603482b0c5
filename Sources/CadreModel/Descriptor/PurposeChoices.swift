/// The lawful basis of a purpose, GDPR Art. 6(1)(a)–(f).
public enum LegalBasis: String, DescriptorChoice {
    case consent, contract
    case legalObligation = "legal_obligation"
    case vitalInterests = "vital_interests"
    case publicTask = "public_task"
    case legitimateInterests = "legitimate_interests"
    public static let choiceName = "legal basis"
    public var summary: String {
        switch self {
        case .consent: "the person consented (Art. 6(1)(a))"
        case .contract: "necessary for a contract with the person, or steps before one (Art. 6(1)(b))"
        case .legalObligation: "necessary to comply with a legal obligation (Art. 6(1)(c))"
        case .vitalInterests: "necessary to protect someone's vital interests (Art. 6(1)(d))"
        case .publicTask: "necessary for a task in the public interest or official authority (Art. 6(1)(e))"
        case .legitimateInterests:
            "necessary for legitimate interests, balanced against the person's rights (Art. 6(1)(f))"
        }
    }

    /// The W3C DPV identifier of the basis (`eu-gdpr:A6-1-b`).
    public var dpvIdentifier: String {
        switch self {
        case .consent: "eu-gdpr:A6-1-a"
        case .contract: "eu-gdpr:A6-1-b"
        case .legalObligation: "eu-gdpr:A6-1-c"
        case .vitalInterests: "eu-gdpr:A6-1-d"
        case .publicTask: "eu-gdpr:A6-1-e"
        case .legitimateInterests: "eu-gdpr:A6-1-f"
        }
    }
}

/// The condition that lifts the ban on special categories of data, GDPR Art. 9(2)(a)–(j).
public enum SpecialCategoryCondition: String, DescriptorChoice {
    case explicitConsent = "explicit_consent"
    case employmentAndSocialSecurity = "employment_and_social_security"
    case vitalInterests = "vital_interests"
    case notForProfitBody = "not_for_profit_body"
    case madePublicBySubject = "made_public_by_subject"
    case legalClaims = "legal_claims"
    case substantialPublicInterest = "substantial_public_interest"
    case healthOrSocialCare = "health_or_social_care"
    case publicHealth = "public_health"
    case archivingResearchStatistics = "archiving_research_statistics"
    public static let choiceName = "special category condition"
    public var summary: String {
        switch self {
        case .explicitConsent: "explicit consent (Art. 9(2)(a))"
        case .employmentAndSocialSecurity: "employment and social security law (Art. 9(2)(b))"
        case .vitalInterests: "vital interests of a person unable to consent (Art. 9(2)(c))"
        case .notForProfitBody: "members of a not-for-profit body (Art. 9(2)(d))"
        case .madePublicBySubject: "made manifestly public by the person (Art. 9(2)(e))"
        case .legalClaims: "legal claims (Art. 9(2)(f))"
        case .substantialPublicInterest: "substantial public interest under law (Art. 9(2)(g))"
        case .healthOrSocialCare: "health or social care (Art. 9(2)(h))"
        case .publicHealth: "public health (Art. 9(2)(i))"
        case .archivingResearchStatistics: "archiving, research or statistics (Art. 9(2)(j))"
        }
    }
}
