extension SystemRecord {
    /// The record of the system `document` describes (its file named in the workspace). Reads
    /// the descriptor only.
    public init(_ document: DescriptorDocument) {
        let descriptor = document.descriptor
        file = document.file
        id = descriptor.id.value
        name = descriptor.name.value
        description = descriptor.description?.value
        owner = descriptor.owner.value
        gdprRole = descriptor.gdprRole?.value
        let organisation = descriptor.organisation
        controller = RecordController(
            name: organisation?.name.value, country: organisation?.country?.value, dpo: organisation?.dpo?.value)
        let security = Self.securityMeasures(of: descriptor)
        var entries = descriptor.purposes.map { purpose in
            Self.entry(
                purpose: purpose,
                data: descriptor.data.filter { $0.purposes.contains { $0.value == purpose.id.value } },
                components: descriptor.ai.filter { $0.purposes.contains { $0.value == purpose.id.value } },
                security: security, in: descriptor)
        }
        let declared = Set(descriptor.purposes.map(\.id.value))
        let unassigned = descriptor.data.filter { item in !item.purposes.contains { declared.contains($0.value) } }
        if !unassigned.isEmpty {
            entries.append(
                Self.entry(purpose: nil, data: unassigned, components: [], security: security, in: descriptor))
        }
        self.entries = entries
        gaps = RecordGaps.of(document, entries: entries)
    }

    private static func entry(
        purpose: Purpose?, data: [DataItem], components: [AIComponent], security: [String],
        in descriptor: SystemDescriptor
    ) -> RecordEntry {
        let items = data.map { item in
            RecordData(
                category: item.category.value, description: item.description?.value,
                subjects: item.subjects.map(\.value), source: item.source?.value,
                retention: item.retention.map { retention in
                    RecordRetention(
                        period: retention.period?.value, from: retention.from?.value,
                        criteria: retention.criteria?.value, archivePeriod: retention.archive?.period?.value,
                        archiveReason: retention.archive?.reason?.value)
                },
                stores: item.stores.compactMap { descriptor.store($0.value) }.map(RecordStore.init))
        }
        let categories = data.map(\.category.value)
        let recipients = descriptor.processors.filter { receives($0, anyOf: categories) }
        var transfers = recipients.compactMap { processor -> RecordTransfer? in
            guard let country = processor.country?.value, !EuropeanEconomicArea.contains(country) else { return nil }
            return RecordTransfer(
                kind: .processor, name: processor.name.value, country: country, safeguard: processor.transfer?.value,
                via: nil)
        }
        var seenStores: Set<String> = []
        for item in data {
            for reference in item.stores {
                guard let store = descriptor.store(reference.value), seenStores.insert(store.id.value).inserted,
                    let region = store.region?.value, !RecordGaps.insideEEA(region)
                else { continue }
                let covering = RecordGaps.coveringProcessor(in: region, of: descriptor)
                transfers.append(
                    RecordTransfer(
                        kind: .store, name: store.id.value, country: region, safeguard: covering?.transfer?.value,
                        via: covering?.name.value))
            }
        }
        for component in components {
            guard let region = component.model?.hostedIn?.value, !RecordGaps.insideEEA(region) else { continue }
            let covering = RecordGaps.coveringProcessor(in: region, of: descriptor)
            transfers.append(
                RecordTransfer(
                    kind: .model, name: component.id.value, country: region, safeguard: covering?.transfer?.value,
                    via: covering?.name.value))
        }
        var subjects: [String] = []
        for subject in data.flatMap(\.subjects) where !subjects.contains(subject.value) {
            subjects.append(subject.value)
        }
        let logs = components.compactMap { component -> String? in
            guard let logs = component.logs else { return nil }
            var text = "automatic logs of the AI component \(component.id.value)"
            if let retention = logs.retention { text += ", kept \(retention.value)" }
            if let store = logs.store { text += ", in store \(store.value)" }
            return text
        }
        return RecordEntry(
            purpose: purpose?.id.value, description: purpose?.description?.value,
            legalBasis: purpose?.legalBasis?.value,
            legitimateInterestAssessment: purpose?.legitimateInterestAssessment?.value,
            specialCategoryCondition: purpose?.specialCategoryCondition?.value, uses: purpose?.uses.map(\.value) ?? [],
            subjects: subjects, data: items, recipients: recipients.map(RecordRecipient.init), transfers: transfers,
            security: security + logs)
    }

    /// Whether `processor` receives one of `categories` (the same, above or below it), or says
    /// nothing of what it receives.
    private static func receives(_ processor: Processor, anyOf categories: [String]) -> Bool {
        guard !processor.receives.isEmpty else { return true }
        return processor.receives.contains { received in
            categories.contains { Taxonomy.matches($0, received.value) || Taxonomy.matches(received.value, $0) }
        }
    }

    /// The security measures the descriptor records, for every entry of the system.
    private static func securityMeasures(of descriptor: SystemDescriptor) -> [String] {
        var measures: [String] = []
        if descriptor.recording?.paymentPause?.value == true {
            measures.append("call recording pauses while bank details are given")
        }
        if descriptor.recording?.privateLine?.value == true {
            measures.append("agents have a private line that is never recorded")
        }
        if let training = descriptor.training?.dataProtection {
            var text = "data protection training"
            if let ref = training.ref { text += " \(ref.value)" }
            if !training.audience.isEmpty { text += " for \(training.audience.map(\.value).joined(separator: ", "))" }
            if let last = training.last { text += ", last on \(last.value)" }
            if let every = training.every { text += ", every \(every.value)" }
            measures.append(text)
        }
        return measures
    }
}

extension RecordStore {
    init(_ store: StoreDeclaration) {
        self.init(id: store.id.value, engine: store.engine.value, region: store.region?.value)
    }
}

extension RecordRecipient {
    init(_ processor: Processor) {
        self.init(
            name: processor.name.value, service: processor.service?.value, country: processor.country?.value,
            contract: processor.contract?.value, receives: processor.receives.map(\.value))
    }
}
