/// The kind of data store (`engine:` in `stores:`), and so the connector that reads it.
public enum StoreEngine: String, DescriptorChoice, CustomStringConvertible {
    /// A SQLite database file, read with GRDB.
    case sqlite
    /// A PostgreSQL server, read with postgres-nio.
    case postgres
    /// A CSV file, or a folder of `.csv` files (one table per file).
    case csv
    /// A JSON Lines file, or a folder of `.jsonl`/`.ndjson` files (one table per file).
    case jsonl
    public static let choiceName = "store engine"
    /// The word, as a descriptor writes it.
    public var description: String { rawValue }
    public var summary: String {
        switch self {
        case .sqlite: "an SQLite database file"
        case .postgres: "a PostgreSQL database"
        case .csv: "a folder of CSV files, one per table"
        case .jsonl: "a folder of JSON Lines files, one per table"
        }
    }
}

/// Where the data processing agreement with a processor stands (GDPR Art. 28(3)).
public enum ContractStatus: String, DescriptorChoice {
    case dpaSigned = "dpa_signed"
    case pending
    case missing
    public static let choiceName = "contract status"
    public var summary: String {
        switch self {
        case .dpaSigned: "a data processing agreement with the Art. 28(3) terms is signed"
        case .pending: "being negotiated"
        case .missing: "no agreement"
        }
    }
}

/// How personal data may leave the EEA (GDPR Art. 44–49).
public enum TransferMechanism: String, DescriptorChoice {
    case adequacy, dpf, scc, bcr, derogation
    case missing
    public static let choiceName = "transfer mechanism"
    public var summary: String {
        switch self {
        case .adequacy: "an adequacy decision for the country (Art. 45(3))"
        case .dpf: "the EU–US Data Privacy Framework, for a certified US company (Art. 45(3))"
        case .scc: "standard contractual clauses (Art. 46(2)(c))"
        case .bcr: "binding corporate rules (Art. 46(2)(b))"
        case .derogation: "a derogation for a specific situation (Art. 49)"
        case .missing: "no transfer mechanism"
        }
    }
}

/// Where an impact assessment stands.
public enum AssessmentStatus: String, DescriptorChoice {
    case done
    case inProgress = "in_progress"
    case planned
    case notRequired = "not_required"
    public static let choiceName = "assessment status"
    public var summary: String {
        switch self {
        case .done: "carried out and documented"
        case .inProgress: "under way"
        case .planned: "planned, not started"
        case .notRequired: "judged not required (say why in `reason`)"
        }
    }
}

/// How calls are recorded (CNIL: occasional recording only, unless a law requires more).
public enum RecordingMode: String, DescriptorChoice {
    case systematic, occasional
    case onDemand = "on_demand"
    public static let choiceName = "recording mode"
    public var summary: String {
        switch self {
        case .systematic: "every call is recorded"
        case .occasional: "a sample of calls, for training and evaluation"
        case .onDemand: "only when the caller agrees or an agent starts it"
        }
    }
}

/// A channel used for prospecting.
public enum ProspectingChannel: String, DescriptorChoice {
    case phone, email, sms
    case automatedCall = "automated_call"
    case post
    public static let choiceName = "prospecting channel"
    public var summary: String {
        switch self {
        case .phone: "calls by people (Code de la consommation L.223-1)"
        case .email: "emails (CPCE L.34-5)"
        case .sms: "text messages (CPCE L.34-5)"
        case .automatedCall: "automated calls (CPCE L.34-5)"
        case .post: "letters"
        }
    }
}

/// Who is prospected.
public enum ProspectAudience: String, DescriptorChoice {
    case consumers
    case existingCustomers = "existing_customers"
    case professionals
    public static let choiceName = "prospecting audience"
    public var summary: String {
        switch self {
        case .consumers: "individuals who are not customers"
        case .existingCustomers: "customers, about similar products"
        case .professionals: "people in their professional capacity (B2B)"
        }
    }
}

/// How prospects agreed to be contacted.
public enum ProspectingConsent: String, DescriptorChoice {
    case priorConsent = "prior_consent"
    case softOptIn = "soft_opt_in"
    case optOut = "opt_out"
    public static let choiceName = "prospecting consent"
    public var summary: String {
        switch self {
        case .priorConsent: "free, specific, informed, unambiguous consent collected beforehand"
        case .softOptIn: "existing customers, similar products, opt-out at collection and in every message"
        case .optOut: "contacted until they object"
        }
    }
}

/// A day prospecting calls may be made on (Code de la consommation D. 223-9 ff.).
public enum CallDay: String, DescriptorChoice {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday
    case publicHolidays = "public_holidays"
    public static let choiceName = "call day"
    public var summary: String {
        switch self {
        case .publicHolidays: "public holidays"
        default: rawValue
        }
    }
}

/// When people whose data was not collected from them are informed (GDPR Art. 14(3)).
public enum IndirectNoticeTiming: String, DescriptorChoice {
    case atFirstContact = "at_first_contact"
    case withinOneMonth = "within_one_month"
    case later
    case never
    public static let choiceName = "indirect notice timing"
    public var summary: String {
        switch self {
        case .atFirstContact: "at the first communication with the person, at the latest"
        case .withinOneMonth: "within one month of obtaining the data"
        case .later: "more than a month after obtaining the data"
        case .never: "they are not informed"
        }
    }
}
