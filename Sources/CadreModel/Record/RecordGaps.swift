/// The entries of the record a descriptor does not give, found as the GDPR pack's rules of the
/// record find them, with their messages and where they point: `gdpr.record.complete` (the
/// controller and its DPO, whom each data item is about, the inferences of AI components) and
/// the rules it defers to, `gdpr.purposes.declared` (purposes), `gdpr.transfers.mechanism`
/// (transfers outside the EEA) and `gdpr.retention.defined` (retention). The end-to-end tests keep
/// the two in agreement by evaluating those rules on the same descriptors.
enum RecordGaps {
    static let recordRule = "gdpr.record.complete"
    static let purposesRule = "gdpr.purposes.declared"
    static let transfersRule = "gdpr.transfers.mechanism"
    static let retentionRule = "gdpr.retention.defined"

    /// The gaps of `document`'s descriptor, whose record has `entries` (a processor's transfer
    /// concerns the entries it receives data of).
    static func of(_ document: DescriptorDocument, entries: [RecordEntry]) -> [RecordGap] {
        let descriptor = document.descriptor
        var gaps: [RecordGap] = []
        func gap(
            _ item: RecordItem, _ rule: String, _ message: String, level: RecordGap.Level = .fail,
            at location: SourceLocation?, purposes: [String] = [], unassigned: Bool = false
        ) {
            gaps.append(
                RecordGap(
                    item: item, rule: rule, level: level, message: message, location: location ?? descriptor.location,
                    purposes: purposes, unassigned: unassigned))
        }
        let declared = Set(descriptor.purposes.map(\.id.value))
        func scope(of item: DataItem) -> (purposes: [String], unassigned: Bool) {
            let purposes = item.purposes.map(\.value).filter(declared.contains)
            return (purposes, purposes.isEmpty)
        }

        // gdpr.record.complete and gdpr.purposes.declared, gdpr.retention.defined: systems with data.
        if !descriptor.data.isEmpty {
            if let organisation = descriptor.organisation {
                if organisation.dpo == nil {
                    gap(
                        .controller, recordRule, "the record gives no contact for the data protection officer (`dpo`)",
                        level: .warn, at: organisation.location)
                }
            } else {
                gap(
                    .controller, recordRule, "the record names no controller: add `organisation` with its name and DPO",
                    at: descriptor.location)
            }
            for item in descriptor.data where item.subjects.isEmpty {
                let (purposes, unassigned) = scope(of: item)
                gap(
                    .categories, recordRule,
                    "\(item.category.value): the record does not say whom the data is about (`subjects`)",
                    at: item.location, purposes: purposes, unassigned: unassigned)
            }
            for component in descriptor.ai where !component.about.isEmpty {
                for inference in component.infers.map(\.value) {
                    guard let category = Self.inferredCategory[inference],
                        !descriptor.data.contains(where: {
                            Taxonomy.matches($0.category.value, category)
                                || Taxonomy.matches(category, $0.category.value)
                        })
                    else { continue }
                    gap(
                        .categories, recordRule,
                        "'\(component.id.value)' infers \(inference.rawValue) about people, and the record declares no \(category) data",
                        at: document.location(of: component.path.appending("infers")),
                        purposes: component.purposes.map(\.value).filter(declared.contains))
                }
            }
            if descriptor.purposes.isEmpty {
                gap(
                    .purposes, purposesRule,
                    "the system processes \(descriptor.data.count) categories of personal data but declares no purpose",
                    at: document.location(of: NodePath.root.appending("data")))
            }
            for purpose in descriptor.purposes {
                if purpose.description == nil {
                    gap(
                        .purposes, purposesRule,
                        "purpose '\(purpose.id.value)' does not say what it is: add a `description`",
                        at: purpose.location, purposes: [purpose.id.value])
                }
                if purpose.uses.isEmpty {
                    gap(
                        .purposes, purposesRule, "purpose '\(purpose.id.value)' names no data use: add its `uses`",
                        at: purpose.location, purposes: [purpose.id.value])
                }
            }
            for item in descriptor.data {
                let (purposes, unassigned) = scope(of: item)
                guard let retention = item.retention, retention.period != nil || retention.criteria != nil else {
                    gap(
                        .retention, retentionRule, "no retention period for \(item.category.value)", at: item.location,
                        purposes: purposes, unassigned: unassigned)
                    continue
                }
                if let period = retention.period, retention.from == nil {
                    gap(
                        .retention, retentionRule,
                        "\(item.category.value) is kept \(period.value), but from which event is not said (`from`)",
                        level: .warn, at: retention.location, purposes: purposes, unassigned: unassigned)
                }
            }
        }

        // gdpr.transfers.mechanism: whatever the data.
        for processor in descriptor.processors {
            guard let country = processor.country?.value, !EuropeanEconomicArea.contains(country),
                let problem = mechanismProblem(processor, country: country)
            else { continue }
            let location =
                processor.transfer == nil
                ? processor.location : document.location(of: processor.path.appending("transfer"), pointingAtKey: true)
            let receiving = entries.filter { $0.recipients.contains { $0.name == processor.name.value } }
            gap(
                .transfers, transfersRule, problem, at: location, purposes: receiving.compactMap(\.purpose),
                unassigned: receiving.contains { $0.purpose == nil })
        }
        for store in descriptor.stores {
            guard let region = store.region?.value, !insideEEA(region),
                coveringProcessor(in: region, of: descriptor) == nil
            else { continue }
            let holding = descriptor.data.filter { $0.stores.contains { $0.value == store.id.value } }
            gap(
                .transfers, transfersRule,
                "store '\(store.id.value)' is hosted in \(region), and no processor there has a transfer mechanism",
                at: document.location(of: store.path.appending("region"), pointingAtKey: true),
                purposes: Array(Set(holding.flatMap { scope(of: $0).purposes })).sorted(),
                unassigned: holding.contains { scope(of: $0).unassigned })
        }
        for component in descriptor.ai {
            guard let model = component.model, let region = model.hostedIn?.value, !insideEEA(region),
                coveringProcessor(in: region, of: descriptor) == nil
            else { continue }
            gap(
                .transfers, transfersRule,
                "the model of '\(component.id.value)' runs in \(region), and no processor there has a transfer mechanism",
                at: document.location(of: model.path.appending("hosted_in"), pointingAtKey: true),
                purposes: component.purposes.map(\.value).filter(declared.contains))
        }
        return gaps.sorted { ($0.item.rawValue, $0.location) < ($1.item.rawValue, $1.location) }
    }

    /// What is wrong with the transfer mechanism of `processor`, in `country` outside the EEA.
    private static func mechanismProblem(_ processor: Processor, country: String) -> String? {
        let name = processor.name.value
        guard let transfer = processor.transfer?.value, transfer != .missing else {
            return "\(name) processes data in \(country) with no transfer mechanism"
        }
        if transfer == .dpf && country != "US" {
            return
                "\(name) relies on the EU-US Data Privacy Framework, which covers US companies only, for data in \(country)"
        }
        return nil
    }

    /// The first processor in `country` whose transfer mechanism holds: it covers a store or a
    /// model hosted there.
    static func coveringProcessor(in country: String, of descriptor: SystemDescriptor) -> Processor? {
        descriptor.processors.first { processor in
            processor.country?.value == country && mechanismProblem(processor, country: country) == nil
        }
    }

    /// Whether a store's or a model's `region` is inside the EEA, as the pack's `eea` module reads
    /// it (`EU`, `EEA` or a member's code, as written).
    static func insideEEA(_ region: String) -> Bool {
        region == "EU" || region == "EEA" || EuropeanEconomicArea.countries.contains(region)
    }

    /// The data category each inference that evaluates a person produces (the pack's
    /// `profiling` module: inferences about what a contact is about produce none).
    static let inferredCategory: [Inference: String] = [
        .emotion: "user.inference.emotion",
        .stress: "user.inference.emotion",
        .satisfaction: "user.inference.satisfaction",
        .churnRisk: "user.inference.churn_risk",
        .propensity: "user.inference.propensity",
        .creditworthiness: "user.inference.creditworthiness",
        .insuranceRisk: "user.inference.insurance_risk",
        .fraudRisk: "user.inference.fraud_risk",
        .vulnerability: "user.inference.vulnerability",
        .personality: "user.inference.personality",
        .age: "user.inference.demographic",
        .gender: "user.inference.demographic",
        .performance: "user.workplace.performance",
    ]
}
