/// The record of processing activities (GDPR Art. 30(1)) that a workspace's descriptors make, in
/// the layout of the CNIL's template (« registre des activités de traitement »): for each system,
/// its actors (controller, representative, DPO), then one entry (« fiche ») per purpose with the
/// people and data concerned, recipients, transfers outside the EEA, retention and security
/// measures, and the entries the descriptor does not give.
///
/// It is made from descriptors only: no store is opened, and a store is named by its id, engine
/// and region, never by its URL (which may hold a password).
public struct ProcessingRecord: Sendable, Hashable {
    /// The workspace's name (`name:` in cadre.yaml), if it has one.
    public var workspace: String?
    /// One record per system, in the order the systems were given.
    public var systems: [SystemRecord]

    public init(workspace: String?, systems: [SystemRecord]) {
        self.workspace = workspace
        self.systems = systems
    }

    /// Every missing entry, system by system.
    public var gaps: [RecordGap] { systems.flatMap(\.gaps) }
}

/// The items of GDPR Art. 30(1) a controller's record gives, each with the CNIL template's name
/// for its section.
public enum RecordItem: String, Sendable, Hashable, CaseIterable, Codable {
    case controller = "a"
    case purposes = "b"
    case categories = "c"
    case recipients = "d"
    case transfers = "e"
    case retention = "f"
    case security = "g"

    /// `GDPR Art. 30(1)(a)`.
    public var article: String { "GDPR Art. 30(1)(\(rawValue))" }

    /// What the item is, in English.
    public var title: String {
        switch self {
        case .controller: "Controller, representative and DPO"
        case .purposes: "Purposes of the processing"
        case .categories: "Categories of data subjects and of personal data"
        case .recipients: "Recipients"
        case .transfers: "Transfers outside the EEA"
        case .retention: "Retention periods"
        case .security: "Security measures"
        }
    }
}

/// One system's part of the record.
public struct SystemRecord: Sendable, Hashable {
    /// The descriptor's file, named in the workspace (`systems/voicebot.yaml`).
    public var file: String
    public var id: String
    public var name: String
    public var description: String?
    /// Who is accountable for the descriptor.
    public var owner: String
    /// The organisation's GDPR role for this processing.
    public var gdprRole: GDPRRole?
    public var controller: RecordController
    /// One entry per purpose, in the descriptor's order; then, when some data serves no declared
    /// purpose, an entry for that data (``RecordEntry/purpose`` nil).
    public var entries: [RecordEntry]
    /// What the descriptor does not give, as the rules of the record report it.
    public var gaps: [RecordGap]
}

/// Art. 30(1)(a): who is responsible.
public struct RecordController: Sendable, Hashable {
    /// The organisation's legal name; nil when the descriptor names none.
    public var name: String?
    /// Its country of establishment.
    public var country: String?
    /// The contact of its data protection officer.
    public var dpo: String?

    /// Art. 27: a controller established in the EEA needs no representative in the Union; the
    /// descriptor format has no field for one otherwise.
    public var representative: String {
        if let country, EuropeanEconomicArea.contains(country) {
            return "not required: established in the EEA (\(country))"
        }
        return "not given by the descriptor"
    }
}

/// One entry (« fiche ») of the record: a purpose of a system and what the processing for it
/// concerns.
public struct RecordEntry: Sendable, Hashable {
    /// The purpose's id; nil for the data that no declared purpose covers.
    public var purpose: String?
    /// What the purpose is, in the descriptor's words.
    public var description: String?
    public var legalBasis: LegalBasis?
    /// Where the legitimate-interest assessment is documented.
    public var legitimateInterestAssessment: String?
    public var specialCategoryCondition: SpecialCategoryCondition?
    /// fideslang data uses.
    public var uses: [String]
    /// Categories of data subjects: the subjects of the entry's data, first seen first.
    public var subjects: [String]
    /// Categories of personal data, each with its retention and where it is held.
    public var data: [RecordData]
    /// Processors that receive some of the entry's data (or say nothing of what they receive).
    public var recipients: [RecordRecipient]
    /// Where the entry's data leaves the EEA, and on which safeguard.
    public var transfers: [RecordTransfer]
    /// The measures the descriptor records.
    public var security: [String]
}

/// A category of personal data in an entry.
public struct RecordData: Sendable, Hashable {
    public var category: String
    public var description: String?
    public var subjects: [String]
    public var source: DataSource?
    public var retention: RecordRetention?
    /// The stores that hold it, by id, engine and region only.
    public var stores: [RecordStore]
}

/// How long a category of data is kept (Art. 30(1)(f)).
public struct RecordRetention: Sendable, Hashable {
    public var period: ISODuration?
    public var from: RetentionStart?
    public var criteria: String?
    public var archivePeriod: ISODuration?
    public var archiveReason: String?

    /// In a sentence: `P3Y from last_contact; then archived P5Y (Code de commerce L.110-4)`.
    public var text: String {
        var parts: [String] = []
        if let period {
            parts.append(from.map { "\(period) from \($0.rawValue)" } ?? "\(period)")
        }
        if let criteria { parts.append(criteria) }
        var text = parts.isEmpty ? "no period given" : parts.joined(separator: "; ")
        if archivePeriod != nil || archiveReason != nil {
            text += "; then archived"
            if let archivePeriod { text += " \(archivePeriod)" }
            if let archiveReason { text += " (\(archiveReason))" }
        }
        return text
    }
}

/// A store as the record shows it: never its URL.
public struct RecordStore: Sendable, Hashable {
    public var id: String
    public var engine: StoreEngine
    /// Where it is hosted (`EU`, a country code).
    public var region: String?

    /// `crm (postgres, EU)`.
    public var text: String { "\(id) (\(engine.rawValue)\(region.map { ", \($0)" } ?? ""))" }
}

/// A recipient of the data: a processor (Art. 30(1)(d)).
public struct RecordRecipient: Sendable, Hashable {
    public var name: String
    public var service: String?
    public var country: String?
    public var contract: ContractStatus?
    /// The data categories it receives, as the descriptor lists them.
    public var receives: [String]

    /// `Acme Cloud Inc. (hosting, US)`.
    public var text: String {
        let details = [service, country].compactMap { $0 }
        return details.isEmpty ? name : "\(name) (\(details.joined(separator: ", ")))"
    }
}

/// Data leaving the EEA (Art. 30(1)(e)): to a processor, a store or a model hosted outside it.
public struct RecordTransfer: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case processor, store, model
    }

    public var kind: Kind
    /// The processor's name, the store's id, or the component whose model it is.
    public var name: String
    /// The country (or region) outside the EEA.
    public var country: String
    /// The mechanism it rests on; nil when there is none.
    public var safeguard: TransferMechanism?
    /// For a store or a model: the processor in that country whose mechanism covers it.
    public var via: String?

    /// `store analytics → US: standard contractual clauses (Art. 46(2)(c)), through VoiceInsight`.
    public var text: String {
        let what =
            switch kind {
            case .processor: name
            case .store: "store \(name)"
            case .model: "model of \(name)"
            }
        let safeguard =
            switch safeguard {
            case nil, .missing?: "no safeguard"
            case let mechanism?: "\(mechanism.rawValue): \(mechanism.summary)"
            }
        return "\(what) → \(country): \(safeguard)\(via.map { ", through \($0)" } ?? "")"
    }
}

/// An entry of the record the descriptor does not give, as a rule of the record reports it.
public struct RecordGap: Sendable, Hashable {
    public enum Level: String, Sendable, Hashable, Codable {
        /// The rule fails.
        case fail
        /// The rule warns: the item is expected, though not always required.
        case warn
    }

    /// The Art. 30(1) item that is missing.
    public var item: RecordItem
    /// The rule that reports it (`gdpr.record.complete` or one it defers to).
    public var rule: String
    public var level: Level
    /// The rule's own message.
    public var message: String
    /// Where the rule points (named in the workspace).
    public var location: SourceLocation
    /// The purposes whose entries it concerns; empty (and not ``unassigned``) when it concerns
    /// the whole system.
    public var purposes: [String]
    /// It concerns the data no declared purpose covers.
    public var unassigned: Bool

    /// Whether it concerns the entry for `purpose` (nil: the data no declared purpose covers).
    public func concerns(_ purpose: String?) -> Bool {
        if purposes.isEmpty && !unassigned { return true }
        guard let purpose else { return unassigned }
        return purposes.contains(purpose)
    }
}

extension ProcessingRecord {
    /// The record with its files shown from where cadre runs (`examples/systems/a.yaml`).
    public func shown(in files: WorkspaceFiles) -> ProcessingRecord {
        var record = self
        for index in record.systems.indices {
            record.systems[index].file = files.path(record.systems[index].file)
            for gap in record.systems[index].gaps.indices {
                record.systems[index].gaps[gap].location = files.shown(record.systems[index].gaps[gap].location)
            }
        }
        return record
    }
}
