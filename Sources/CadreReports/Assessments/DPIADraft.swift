import CadreModel

/// A draft data protection impact assessment (GDPR Art. 35) in the structure of the CNIL's PIA
/// method and tool: the context (`111`…`123`), the fundamental principles (`211`…`227`), the
/// measures (`3.1`) and the risks (`3`), each pre-filled from the descriptor and the findings of
/// the rules that concern it, with what the descriptor cannot tell left as questions.
public enum DPIADraft {
    /// The rules that say when a DPIA is required: Art. 35(3), the EDPB's criteria, the CNIL's list.
    public static let caseRules: Set<String> = [
        "gdpr.dpia.article-35-3", "gdpr.dpia.edpb-criteria", "gdpr.dpia.cnil-list",
    ]

    /// The section ids of the PIA tool's questions, with their titles, in the tool's order.
    static let questions: [(id: String, title: String)] = [
        ("111", "What is the processing under consideration?"),
        ("112", "What are the responsibilities linked to the processing?"),
        ("113", "Are there standards applicable to the processing?"),
        ("121", "What are the data processed?"),
        ("122", "How does the life cycle of data and processes work?"),
        ("123", "What are the data supporting assets?"),
        ("211", "Are the processing purposes specified, explicit and legitimate?"),
        ("212", "What are the legal basis making the processing lawful?"),
        ("213", "Are the data collected adequate, relevant and limited to what is necessary?"),
        ("214", "Are the data accurate and kept up to date?"),
        ("215", "What are the storage duration of the data?"),
        ("221", "How are the data subjects informed on the processing?"),
        ("222", "If applicable, how is the consent of data subjects obtained?"),
        ("223", "How can data subjects exercise their rights of access and to data portability?"),
        ("224", "How can data subjects exercise their rights to rectification and erasure?"),
        ("225", "How can data subjects exercise their rights to restriction and to object?"),
        ("226", "Are the obligations of the processors clearly identified and governed by a contract?"),
        ("227", "In the case of data transfer outside the European Union, are the data adequately protected?"),
    ]

    /// The PIA question a rule's findings concern, by what the rule checks; the rules of no
    /// question of the principles (the AI Act's, the CNIL's frameworks) go to the applicable
    /// standards (`113`).
    static func question(for rule: String) -> String {
        let routes: [(matches: (String) -> Bool, question: String)] = [
            ({ $0.hasPrefix("gdpr.dpia.") }, "required"),
            ({ $0.hasPrefix("gdpr.record.") }, "112"),
            ({ $0.contains("retention") || $0.contains("archive") }, "215"),
            ({ $0.contains("consent") }, "222"),
            ({ $0.hasPrefix("gdpr.purposes.declared") || $0.hasPrefix("gdpr.further-processing.") }, "211"),
            (
                {
                    $0.hasPrefix("gdpr.purposes.") || $0.hasPrefix("gdpr.legitimate-interests.")
                        || $0.hasPrefix("gdpr.special-categories.") || $0 == "gdpr.automated-decisions.basis"
                        || $0 == "cnil.ai-development.legitimate-interest"
                }, "212"
            ),
            ({ $0.hasPrefix("gdpr.minimisation.") }, "213"),
            (
                {
                    $0.hasPrefix("gdpr.notices.") || $0.contains("informed") || $0.hasPrefix("ai-act.transparency.")
                        || $0 == "ai-act.deployer.decision-subjects" || $0 == "gdpr.automated-decisions.logic-notice"
                }, "221"
            ),
            ({ $0 == "gdpr.automated-decisions.logic-access" || $0 == "ai-act.deployer.explanation" }, "223"),
            (
                {
                    $0.contains("objection") || $0.contains("opt-out") || $0.hasPrefix("gdpr.automated-decisions.")
                }, "225"
            ),
            ({ $0.hasPrefix("gdpr.processors.") || $0.hasPrefix("gdpr.recipients.") }, "226"),
            ({ $0.hasPrefix("gdpr.transfers.") }, "227"),
        ]
        return routes.first { $0.matches(rule) }?.question ?? "113"
    }

    /// The draft of `source`'s system.
    public static func draft(_ source: AssessmentSource) -> AssessmentDraft {
        let d = source.descriptor
        var sections: [String: [AssessmentDraft.Entry]] = [:]
        for result in source.findings() {
            sections[question(for: result.rule), default: []] += source.entries(for: result)
        }
        func section(_ id: String, _ facts: [String], questions: [String] = []) -> AssessmentDraft.Section {
            let title = Self.questions.first { $0.id == id }?.title ?? id
            return AssessmentDraft.Section(
                id: id, title: title,
                entries: facts.map { .fact($0) } + (sections[id] ?? []) + questions.map { .question($0) })
        }
        let people = DescriptorFacts.people(d)
        var all: [AssessmentDraft.Section] = [required(source, findings: sections["required"] ?? [])]
        all.append(section("111", DescriptorFacts.overview(d) + DescriptorFacts.aiComponents(d)))
        all.append(
            section(
                "112", DescriptorFacts.responsibilities(d),
                questions: (d.organisation == nil ? ["Who is the controller, and who represents it?"] : [])
                    + [
                        "Is the processing carried out with a joint controller? Who, and how are responsibilities shared?",
                        "Who carries out, evaluates and validates this DPIA? The DPO's advice (Art. 35(2)) and, where appropriate, the views of the people concerned (Art. 35(9)) are to be sought.",
                    ]))
        all.append(
            section(
                "113",
                [
                    "cadre evaluated the system against the packs \(DescriptorFacts.list(source.packs)) under the law in force on \(source.asOf)."
                ],
                questions: [
                    "Which approved codes of conduct, certifications or sector standards does the processing follow?"
                ]))
        all.append(
            section(
                "121",
                DescriptorFacts.data(d) + (people.isEmpty ? [] : ["People concerned: \(DescriptorFacts.list(people))."])
                    + DescriptorFacts.processors(d).map { "Recipient (processor): \($0)" },
                questions: [
                    "Which other recipients (departments of the organisation, partners, authorities) receive the data?"
                ]))
        all.append(
            section(
                "122", d.ai.compactMap(DescriptorFacts.logs) + recording(d),
                questions: [
                    "Describe the life cycle of the data step by step: collection, uses, storage, transmission, deletion."
                ]))
        all.append(
            section(
                "123", DescriptorFacts.stores(d),
                questions: [
                    "Which other supporting assets (software, hardware, networks, people, paper) does the processing rely on?"
                ]))
        all.append(section("211", DescriptorFacts.purposes(d)))
        all.append(section("212", DescriptorFacts.legalBases(d)))
        all.append(
            section(
                "213", [],
                questions: [
                    "Why is each category of data necessary for the purposes it serves? Could less be collected?"
                ]))
        all.append(
            section("214", [], questions: ["How are the data kept accurate and up to date, and inferred data checked?"])
        )
        all.append(section("215", DescriptorFacts.retentions(d)))
        all.append(
            section(
                "221", DescriptorFacts.notices(d),
                questions: d.notices == nil ? ["How and when are the people concerned informed?"] : []))
        let consent = d.purposes.filter { $0.legalBasis?.value == .consent }
        all.append(
            section(
                "222",
                consent.isEmpty
                    ? ["No purpose declares consent as its legal basis."]
                    : consent.map { "Purpose `\($0.id.value)` relies on consent." },
                questions: consent.isEmpty ? [] : ["How is consent collected, recorded and withdrawn?"]))
        all.append(
            section("223", [], questions: ["How can people exercise their rights of access and to data portability?"]))
        all.append(
            section("224", [], questions: ["How can people exercise their rights to rectification and erasure?"]))
        all.append(
            section("225", [], questions: ["How can people exercise their rights to restriction and to object?"]))
        all.append(
            section(
                "226",
                d.processors.isEmpty ? ["The descriptor declares no processor."] : DescriptorFacts.processors(d)))
        all.append(section("227", transfers(d)))
        all.append(AssessmentDraft.Section(id: "3.1", title: "Planned or existing measures", entries: measures(d)))
        all.append(
            AssessmentDraft.Section(
                id: "3", title: "Risks",
                entries: [
                    .fact(
                        "\(Plural.count(source.findings { question(for: $0) != "required" }.count, "result")) of the rules point at risks: they are listed with the questions they concern."
                    ),
                    .question(
                        "Illegitimate access to data: what impacts on the people, threats, risk sources and controls; how severe and how likely?"
                    ),
                    .question(
                        "Unwanted modification of data: what impacts on the people, threats, risk sources and controls; how severe and how likely?"
                    ),
                    .question(
                        "Data disappearance: what impacts on the people, threats, risk sources and controls; how severe and how likely?"
                    ),
                ]))
        return AssessmentDraft(
            assessment: "dpia", system: d.id.value, name: d.name.value, file: source.file, asOf: source.asOf,
            packs: source.packs, sections: all)
    }

    /// Why a DPIA is required: the DPIA on record, then what the rules that say when one is
    /// required find with it set aside (they name the cases), then their findings as described.
    static func required(_ source: AssessmentSource, findings: [AssessmentDraft.Entry]) -> AssessmentDraft.Section {
        let d = source.descriptor
        var entries: [AssessmentDraft.Entry] = [.fact(DescriptorFacts.assessment(d.assessments?.dpia, name: "DPIA"))]
        let loaded = caseRules.filter { source.rule($0) != nil }.sorted()
        if loaded.isEmpty {
            entries.append(
                .question(
                    "The gdpr pack is not loaded, so no rule says whether a DPIA is required: which criteria of Art. 35(3), of the EDPB (WP248 rev.01) or of the CNIL's list does the processing meet?"
                ))
        } else {
            // A case the rules already report (no DPIA done) is among the findings below.
            let reported = Set(source.findings { caseRules.contains($0) }.map(\.rule))
            let cases = source.withoutRecordedDPIA.filter {
                caseRules.contains($0.rule) && [.fail, .warn].contains($0.status) && !reported.contains($0.rule)
            }
            .sorted { $0.rule < $1.rule }
            for result in cases {
                for finding in result.findings {
                    entries.append(
                        AssessmentDraft.Entry(
                            kind: .fact, title: source.rule(result.rule)?.title,
                            text: caseText(finding.message).capitalisedFirst,
                            rule: result.rule, location: finding.location.description,
                            references: source.rule(result.rule)?.references.map(\.citation)))
                }
            }
            if cases.isEmpty && reported.isEmpty {
                entries.append(
                    .fact(
                        "The rules \(DescriptorFacts.list(loaded.map(DescriptorFacts.code))) find in the descriptor no case of Art. 35(3), fewer than two of the EDPB's criteria and no entry of the CNIL's list."
                    ))
                entries.append(
                    .question(
                        "Why is a DPIA carried out: a criterion the descriptor does not show, or the controller's choice?"
                    ))
            }
        }
        return AssessmentDraft.Section(
            id: "required", title: "Why a DPIA is required", entries: entries + findings)
    }

    /// A case rule's message without what it says of the DPIA on record (set aside to ask it).
    static func caseText(_ message: String) -> String {
        for ending in [", but there is none"] where message.hasSuffix(ending) {
            return String(message.dropLast(ending.count))
        }
        return message
    }

    /// What the descriptor says of recording, as sentences.
    static func recording(_ d: SystemDescriptor) -> [String] {
        guard let recording = d.recording else { return [] }
        var parts: [String] = []
        if let mode = recording.mode?.value { parts.append("recording: \(mode.rawValue)") }
        if let capture = recording.screenCapture?.value {
            parts.append(capture ? "screens captured" : "no screen capture")
        }
        if let line = recording.privateLine?.value { parts.append(line ? "a private line" : "no private line") }
        if let pause = recording.paymentPause?.value {
            parts.append(pause ? "recording paused for payments" : "no pause for payments")
        }
        return parts.isEmpty ? [] : ["Calls: " + parts.joined(separator: ", ") + "."]
    }

    /// Where the data goes and is kept, with the transfer mechanisms the descriptor declares.
    static func transfers(_ d: SystemDescriptor) -> [String] {
        var lines = d.processors.compactMap { processor -> String? in
            guard let country = processor.country?.value else { return nil }
            var text = "\(processor.name.value): \(country)"
            if let transfer = processor.transfer?.value { text += ", transfer mechanism \(transfer.rawValue)" }
            return text + "."
        }
        lines += d.stores.compactMap { store in
            store.region.map { "Store `\(store.id.value)`: \($0.value)." }
        }
        return lines.isEmpty ? ["The descriptor names no country for its processors and stores."] : lines
    }

    /// The measures the descriptor declares (oversight, logs, contracts, notices, training,
    /// retention), then the security measures it cannot know, as a question.
    static func measures(_ d: SystemDescriptor) -> [AssessmentDraft.Entry] {
        var entries: [AssessmentDraft.Entry] = []
        for component in d.ai {
            if let text = DescriptorFacts.oversight(component) { entries.append(.fact(text, title: "Human oversight")) }
            if let text = DescriptorFacts.logs(component) { entries.append(.fact(text, title: "Traceability")) }
        }
        let retained = d.data.filter { $0.retention != nil }.count
        if retained > 0 {
            entries.append(
                .fact(
                    "\(retained) of \(Plural.count(d.data.count, "data category", plural: "data categories")) have a declared retention (see 2.1.5).",
                    title: "Retention periods"))
        }
        for processor in d.processors {
            if let contract = processor.contract?.value {
                entries.append(
                    .fact(
                        "\(processor.name.value): contract \(contract.rawValue).", title: "Relations with third parties"
                    ))
            }
        }
        let notices = DescriptorFacts.notices(d)
        if !notices.isEmpty {
            entries.append(.fact(notices.joined(separator: " "), title: "Information of the people"))
        }
        for line in DescriptorFacts.training(d) { entries.append(.fact(line, title: "Organisation")) }
        entries.append(
            .question(
                "Which security measures protect the data: encryption, access control, logging, backups, partitioning, physical security? The descriptor does not describe them.",
                title: "Security measures"))
        return entries
    }
}
