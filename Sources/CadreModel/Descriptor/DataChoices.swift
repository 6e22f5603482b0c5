/// The event a retention period runs from.
public enum RetentionStart: String, DescriptorChoice {
    case collection
    case lastContact = "last_contact"
    case lastActivity = "last_activity"
    case endOfContract = "end_of_contract"
    case endOfRelationship = "end_of_relationship"
    case transaction
    case accountClosure = "account_closure"
    case consentWithdrawal = "consent_withdrawal"
    public static let choiceName = "retention start"
    public var summary: String {
        switch self {
        case .collection: "the day the data was collected or recorded"
        case .lastContact: "the person's last contact (a click counts, an opened email does not)"
        case .lastActivity: "the person's last activity on an account"
        case .endOfContract: "the end of the contract the data serves"
        case .endOfRelationship: "the end of the commercial relationship"
        case .transaction: "the transaction (payment, order)"
        case .accountClosure: "the closing of the online account"
        case .consentWithdrawal: "the withdrawal of consent"
        }
    }
}

/// Where a data item comes from (GDPR Art. 14 applies when it is not the person).
public enum DataSource: String, DescriptorChoice {
    case dataSubject = "data_subject"
    case observed
    case inferred
    case thirdParty = "third_party"
    case publicSource = "public"
    public static let choiceName = "data source"
    public var summary: String {
        switch self {
        case .dataSubject: "given by the person (typed, said, filled in)"
        case .observed: "observed while the person uses the service (logs, call metadata)"
        case .inferred: "computed from other data (scores, emotions, intents)"
        case .thirdParty: "received from another organisation (Art. 14)"
        case .publicSource: "collected from public sources (Art. 14)"
        }
    }
}
