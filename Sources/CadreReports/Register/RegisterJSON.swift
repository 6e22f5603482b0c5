import CadreModel
import Foundation

/// The record of processing for programs, in the `cadre-register/v1` shape documented in
/// docs/output.md. Keys are sorted; absent values are `null`; the same descriptors give the same
/// bytes.
struct RegisterJSON {
    let record: ProcessingRecord

    func write(to output: ReportOutput) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try output.write(String(decoding: try encoder.encode(Document(record)), as: UTF8.self) + "\n")
    }

    struct Document: Encodable {
        var format = "cadre-register/v1"
        var workspace: String?
        var summary: Summary
        var systems: [System]

        init(_ record: ProcessingRecord) {
            workspace = record.workspace
            let gaps = record.gaps
            summary = Summary(
                systems: record.systems.count, entries: record.systems.map(\.entries.count).reduce(0, +),
                missing: gaps.filter { $0.level == .fail }.count, warnings: gaps.filter { $0.level == .warn }.count)
            systems = record.systems.map(System.init)
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(format, forKey: .format)
            try container.encode(workspace, forKey: .workspace)
            try container.encode(summary, forKey: .summary)
            try container.encode(systems, forKey: .systems)
        }
    }

    struct Summary: Encodable {
        var systems, entries, missing, warnings: Int
    }

    struct System: Encodable {
        let system: SystemRecord
        init(_ system: SystemRecord) { self.system = system }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(system.id, forKey: .id)
            try container.encode(system.name, forKey: .name)
            try container.encode(system.file, forKey: .file)
            try container.encode(system.description, forKey: .description)
            try container.encode(system.owner, forKey: .owner)
            try container.encode(system.gdprRole?.rawValue, forKey: .gdprRole)
            var controller = container.nestedContainer(keyedBy: Key.self, forKey: .controller)
            try controller.encode(system.controller.name, forKey: .name)
            try controller.encode(system.controller.country, forKey: .country)
            try controller.encode(system.controller.dpo, forKey: .dpo)
            try controller.encode(system.controller.representative, forKey: .representative)
            try container.encode(system.entries.map(Entry.init), forKey: .entries)
            try container.encode(system.gaps.map(Gap.init), forKey: .missing)
        }
    }

    struct Entry: Encodable {
        let entry: RecordEntry
        init(_ entry: RecordEntry) { self.entry = entry }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(entry.purpose, forKey: .purpose)
            try container.encode(entry.description, forKey: .description)
            try container.encode(entry.legalBasis?.rawValue, forKey: .legalBasis)
            try container.encode(entry.legitimateInterestAssessment, forKey: .legitimateInterestAssessment)
            try container.encode(entry.specialCategoryCondition?.rawValue, forKey: .specialCategoryCondition)
            try container.encode(entry.uses, forKey: .uses)
            try container.encode(entry.subjects, forKey: .subjects)
            try container.encode(entry.data.map(Data.init), forKey: .data)
            try container.encode(entry.recipients.map(Recipient.init), forKey: .recipients)
            try container.encode(entry.transfers.map(Transfer.init), forKey: .transfers)
            try container.encode(entry.security, forKey: .security)
        }
    }

    struct Data: Encodable {
        let item: RecordData
        init(_ item: RecordData) { self.item = item }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(item.category, forKey: .category)
            try container.encode(item.description, forKey: .description)
            try container.encode(item.subjects, forKey: .subjects)
            try container.encode(item.source?.rawValue, forKey: .source)
            if let retention = item.retention {
                var nested = container.nestedContainer(keyedBy: Key.self, forKey: .retention)
                try nested.encode(retention.period?.description, forKey: .period)
                try nested.encode(retention.from?.rawValue, forKey: .from)
                try nested.encode(retention.criteria, forKey: .criteria)
                try nested.encode(retention.archivePeriod?.description, forKey: .archivePeriod)
                try nested.encode(retention.archiveReason, forKey: .archiveReason)
            } else {
                try container.encodeNil(forKey: .retention)
            }
            try container.encode(item.stores.map(Store.init), forKey: .stores)
        }
    }

    /// A store: its id, engine and region, never its URL.
    struct Store: Encodable {
        let store: RecordStore
        init(_ store: RecordStore) { self.store = store }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(store.id, forKey: .id)
            try container.encode(store.engine.rawValue, forKey: .engine)
            try container.encode(store.region, forKey: .region)
        }
    }

    struct Recipient: Encodable {
        let recipient: RecordRecipient
        init(_ recipient: RecordRecipient) { self.recipient = recipient }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(recipient.name, forKey: .name)
            try container.encode(recipient.service, forKey: .service)
            try container.encode(recipient.country, forKey: .country)
            try container.encode(recipient.contract?.rawValue, forKey: .contract)
            try container.encode(recipient.receives, forKey: .receives)
        }
    }

    struct Transfer: Encodable {
        let transfer: RecordTransfer
        init(_ transfer: RecordTransfer) { self.transfer = transfer }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(transfer.kind.rawValue, forKey: .kind)
            try container.encode(transfer.name, forKey: .name)
            try container.encode(transfer.country, forKey: .country)
            try container.encode(transfer.safeguard?.rawValue, forKey: .safeguard)
            try container.encode(transfer.via, forKey: .via)
        }
    }

    struct Gap: Encodable {
        let gap: RecordGap
        init(_ gap: RecordGap) { self.gap = gap }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(gap.item.rawValue, forKey: .item)
            try container.encode(gap.item.article, forKey: .article)
            try container.encode(gap.rule, forKey: .rule)
            try container.encode(gap.level.rawValue, forKey: .level)
            try container.encode(gap.message, forKey: .message)
            try container.encode(gap.location, forKey: .location)
            try container.encode(gap.purposes, forKey: .purposes)
            try container.encode(gap.unassigned, forKey: .unassigned)
        }
    }

    enum Key: String, CodingKey {
        case format, workspace, summary, systems, id, name, file, description, owner, controller, country, dpo
        case representative, entries, missing, purpose, uses, subjects, data, recipients, transfers, security
        case category, source, retention, period, from, criteria, stores, engine, region, service, contract
        case receives, kind, safeguard, via, item, article, rule, level, message, location, purposes, unassigned
        case gdprRole = "gdpr_role"
        case legalBasis = "legal_basis"
        case legitimateInterestAssessment = "legitimate_interest_assessment"
        case specialCategoryCondition = "special_category_condition"
        case archivePeriod = "archive_period"
        case archiveReason = "archive_reason"
    }
}
