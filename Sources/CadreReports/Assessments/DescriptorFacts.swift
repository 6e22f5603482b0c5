import CadreModel

/// The sentences a draft assessment takes from a descriptor: what it declares, in words, and
/// nothing it does not declare. Store URLs are never read (they may hold a password).
enum DescriptorFacts {
    /// `a, b and c`.
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }

    /// `x` in backticks, as the rules write identifiers.
    static func code(_ text: String) -> String { "`\(text)`" }

    /// What the system is: its name, description, status, channels and when it went into service.
    static func overview(_ d: SystemDescriptor) -> [String] {
        var lines = ["\(d.name.value) (\(code(d.id.value))); its descriptor is kept by \(d.owner.value)."]
        if let description = d.description?.value {
            lines.append(description.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        var state: [String] = []
        if let status = d.status?.value { state.append("status: \(status.rawValue)") }
        if let since = d.inServiceSince?.value { state.append("in service since \(since)") }
        if !d.channels.isEmpty { state.append("channels: " + list(d.channels.map(\.value.rawValue))) }
        if !state.isEmpty { lines.append(state.joined(separator: "; ").capitalisedFirst + ".") }
        if let scale = d.scale {
            var parts: [String] = []
            if let subjects = scale.subjects?.value { parts.append("\(subjects) people concerned") }
            if let interactions = scale.interactionsPerMonth?.value {
                parts.append("\(interactions) interactions a month")
            }
            if !parts.isEmpty { lines.append("Scale: " + parts.joined(separator: ", ") + ".") }
        }
        return lines
    }

    /// The organisation and the roles it declares.
    static func responsibilities(_ d: SystemDescriptor) -> [String] {
        var lines: [String] = []
        if let organisation = d.organisation {
            var text = "Organisation: \(organisation.name.value)"
            if let country = organisation.country?.value { text += " (\(country))" }
            if let employees = organisation.employees?.value { text += ", \(employees) employees" }
            if let sector = organisation.sector?.value { text += ", sector \(sector.rawValue)" }
            lines.append(text + ".")
            if let dpo = organisation.dpo?.value { lines.append("Data protection officer: \(dpo).") }
        }
        if let role = d.gdprRole?.value { lines.append("GDPR role: \(role.rawValue) — \(role.summary).") }
        if let role = d.role?.value { lines.append("AI Act role: \(role.rawValue) — \(role.summary).") }
        return lines
    }

    /// One sentence per purpose: its id, description, legal basis and data uses.
    static func purposes(_ d: SystemDescriptor) -> [String] {
        d.purposes.map { purpose in
            var text = "Purpose \(code(purpose.id.value))"
            if let description = purpose.description?.value { text += ": \(description)" }
            if !purpose.uses.isEmpty { text += " (data uses: " + list(purpose.uses.map { code($0.value) }) + ")" }
            return text + "."
        }
    }

    /// One sentence per purpose: its legal basis, and what documents it.
    static func legalBases(_ d: SystemDescriptor) -> [String] {
        d.purposes.map { purpose in
            var text = "Purpose \(code(purpose.id.value)): "
            if let basis = purpose.legalBasis?.value {
                text += "\(basis.rawValue) — \(basis.summary)"
            } else {
                text += "no legal basis declared"
            }
            if let lia = purpose.legitimateInterestAssessment?.value {
                text += "; legitimate-interest assessment: \(lia)"
            }
            if let condition = purpose.specialCategoryCondition?.value {
                text += "; Art. 9(2) condition: \(condition.rawValue)"
            }
            return text + "."
        }
    }

    /// The retention of a data item in words: `P5Y from the end of the contract, then archived P5Y (reason)`.
    static func retention(_ item: DataItem) -> String? {
        guard let retention = item.retention else { return nil }
        var parts: [String] = []
        if let period = retention.period?.value {
            var text = period.description
            if let from = retention.from?.value { text += " from \(from.summary)" }
            parts.append(text)
        }
        if let criteria = retention.criteria?.value { parts.append("criteria: \(criteria)") }
        if let archive = retention.archive {
            var text = "then archived"
            if let period = archive.period?.value { text += " \(period.description)" }
            if let reason = archive.reason?.value { text += " (\(reason))" }
            parts.append(text)
        }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// One sentence per data item: category, description, subjects, purposes, source, stores.
    static func data(_ d: SystemDescriptor) -> [String] {
        d.data.map { item in
            var text = code(item.category.value)
            if let description = item.description?.value { text += " (\(description))" }
            var parts: [String] = []
            if !item.subjects.isEmpty { parts.append("about " + list(item.subjects.map(\.value))) }
            if !item.purposes.isEmpty { parts.append("for " + list(item.purposes.map { code($0.value) })) }
            if let source = item.source?.value { parts.append("source: \(source.summary)") }
            if !item.stores.isEmpty { parts.append("kept in " + list(item.stores.map { code($0.value) })) }
            if !parts.isEmpty { text += ": " + parts.joined(separator: "; ") }
            return text + "."
        }
    }

    /// One sentence per data item: its retention, or that the descriptor gives none.
    static func retentions(_ d: SystemDescriptor) -> [String] {
        d.data.map { item in
            "\(code(item.category.value)): " + (retention(item) ?? "no retention period declared") + "."
        }
    }

    /// One sentence per processor: who receives what, where, under which contract and transfer.
    static func processors(_ d: SystemDescriptor) -> [String] {
        d.processors.map { processor in
            var text = "\(processor.name.value)"
            if let service = processor.service?.value { text += " (\(service))" }
            if let country = processor.country?.value { text += ", \(country)" }
            if !processor.receives.isEmpty { text += ", receives " + list(processor.receives.map { code($0.value) }) }
            if let contract = processor.contract?.value { text += "; contract: \(contract.rawValue)" }
            if let transfer = processor.transfer?.value { text += "; transfer: \(transfer.rawValue)" }
            return text + "."
        }
    }

    /// One sentence per store: id, engine, region, tables — never its URL.
    static func stores(_ d: SystemDescriptor) -> [String] {
        d.stores.map { store in
            var text = "Store \(code(store.id.value)) (\(store.engine.value.rawValue))"
            if let description = store.description?.value { text += ": \(description)" }
            if let region = store.region?.value { text += ", in \(region)" }
            if let processor = store.processor?.value { text += ", run by \(processor)" }
            if !store.tables.isEmpty { text += "; tables: " + list(store.tables.map { code($0.name.value) }) }
            return text + "."
        }
    }

    /// One sentence per AI component: kind, description, model, what it infers, how it decides.
    static func aiComponents(_ d: SystemDescriptor) -> [String] {
        d.ai.map { component in
            var text =
                "AI component \(code(component.id.value)) (\(component.kind.value.rawValue): \(component.kind.value.summary))"
            if let description = component.description?.value { text += ": \(description)" }
            var parts: [String] = []
            if let model = component.model {
                var name = model.name?.value ?? "a model"
                if let version = model.version?.value { name += " \(version)" }
                if let provider = model.provider?.value { name += " by \(provider)" }
                parts.append("model: \(name)")
            }
            if !component.infers.isEmpty { parts.append("infers " + list(component.infers.map(\.value.rawValue))) }
            if !component.about.isEmpty { parts.append("about " + list(component.about.map(\.value))) }
            if let decides = component.decides?.value { parts.append("decides: \(decides.summary)") }
            if let effect = component.effect?.value { parts.append("effect: \(effect.summary)") }
            if !component.annexIII.isEmpty {
                parts.append("declared under AI Act Annex III " + list(component.annexIII.map(\.value.rawValue)))
            }
            if !parts.isEmpty { text += " — " + parts.joined(separator: "; ") }
            return text + "."
        }
    }

    /// The human oversight a component declares, in words, or nil.
    static func oversight(_ component: AIComponent) -> String? {
        guard let oversight = component.humanOversight else { return nil }
        var parts: [String] = []
        if let reviewer = oversight.reviewer?.value { parts.append("reviewer: \(reviewer)") }
        if let escalation = oversight.escalation?.value {
            parts.append(escalation ? "escalation possible" : "no escalation")
        }
        if let trained = oversight.reviewersTrained?.value {
            parts.append(trained ? "reviewers trained" : "reviewers not trained")
        }
        if let override = oversight.canOverride?.value {
            parts.append(override ? "reviewers can override the output" : "reviewers cannot override the output")
        }
        guard !parts.isEmpty else { return nil }
        return "Human oversight of \(code(component.id.value)): " + parts.joined(separator: ", ") + "."
    }

    /// The logs a component keeps, in words, or nil.
    static func logs(_ component: AIComponent) -> String? {
        guard let logs = component.logs else { return nil }
        var text = "Logs of \(code(component.id.value))"
        if let retention = logs.retention?.value { text += " kept \(retention.description)" }
        if let store = logs.store?.value { text += " in store \(code(store))" }
        return text + "."
    }

    /// The notices the descriptor declares, as sentences.
    static func notices(_ d: SystemDescriptor) -> [String] {
        guard let notices = d.notices else { return [] }
        var lines: [String] = []
        if let url = notices.privacyNotice?.value { lines.append("Privacy notice: \(url).") }
        let flags: [(Located<Bool>?, String)] = [
            (notices.recordingAnnouncement, "callers are told the call may be recorded"),
            (notices.objectionOffered, "people are offered to object"),
            (notices.employeesInformed, "employees are informed"),
            (notices.workersRepresentativesConsulted, "workers' representatives were consulted"),
            (notices.decisionSubjectsInformed, "people subject to decisions are informed"),
            (notices.emotionRecognitionDisclosed, "emotion recognition is disclosed to the people exposed"),
        ]
        for (flag, sentence) in flags {
            guard let value = flag?.value else { continue }
            lines.append((value ? "Declared: " : "Declared not: ") + sentence + ".")
        }
        return lines
    }

    /// The training records the descriptor declares, as sentences.
    static func training(_ d: SystemDescriptor) -> [String] {
        guard let training = d.training else { return [] }
        return [("AI literacy", training.aiLiteracy), ("Data protection", training.dataProtection)].compactMap {
            name, record in
            guard let record else { return nil }
            var text = "\(name) training"
            if !record.audience.isEmpty { text += " of " + list(record.audience.map(\.value)) }
            if let last = record.last?.value { text += ", last on \(last)" }
            if let every = record.every?.value { text += ", every \(every.description)" }
            if let ref = record.ref?.value { text += " (\(ref))" }
            return text + "."
        }
    }

    /// The people the system concerns: data subjects, people AI components are about or talk to.
    static func people(_ d: SystemDescriptor) -> [String] {
        var seen: [String] = []
        for subject in d.data.flatMap(\.subjects) + d.ai.flatMap(\.about) + d.ai.flatMap(\.interactsWith)
        where !seen.contains(subject.value) {
            seen.append(subject.value)
        }
        return seen
    }

    /// An assessment on record (`assessments.dpia` or `.fria`), in words.
    static func assessment(_ assessment: Assessment?, name: String) -> String {
        guard let assessment else { return "The descriptor records no \(name) (`assessments`)." }
        var parts: [String] = []
        if let status = assessment.status?.value { parts.append("status \(status.rawValue)") }
        if let date = assessment.date?.value { parts.append("dated \(date)") }
        if let ref = assessment.ref?.value { parts.append("reference \(ref)") }
        if let review = assessment.nextReview?.value { parts.append("next review \(review)") }
        if let notified = assessment.notified?.value { parts.append(notified ? "notified" : "not notified") }
        var text = "The \(name) on record: " + (parts.isEmpty ? "no status" : parts.joined(separator: ", "))
        if let reason = assessment.reason?.value { text += " — \(reason)" }
        return text + "."
    }
}

extension String {
    /// The text with its first letter in capitals.
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
