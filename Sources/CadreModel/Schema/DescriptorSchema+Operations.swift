extension DescriptorSchema {
    static let store = ObjectShape(
        name: "store",
        summary: "A data store the system keeps data in; cadre reads it, never writes it.",
        fields: [
            .required("id", .string(.identifier), "Identifier, unique in the descriptor."),
            .required("engine", .choice(ChoiceSet(StoreEngine.self)), "The kind of store."),
            .optional(
                "url", .string(.environmentTemplate),
                "A path relative to the workspace, or a URL; write secrets as `${VAR}` environment references."),
            .optional("description", .string(.text), "What the store holds."),
            .optional("region", .string(.region), "Where it is hosted: `EU`, `EEA` or a country code."),
            .optional("processor", .string(.identifier), "Id of this descriptor's processor that hosts it."),
            .optional("tables", .list(.object(table)), "Tables (or files) that hold personal data."),
        ])

    static let table = ObjectShape(
        name: "table",
        summary: "A table of a store (a file, for CSV and JSONL stores).",
        fields: [
            .required("name", .string(.text), "Table or file name."),
            .optional("description", .string(.text), "What it holds."),
            .optional(
                "columns", .dictionary(keys: .text, values: .taxonomyKey(.dataCategory)),
                "Columns holding personal data, each mapped to its data category."),
            .optional(
                "free_text", .list(.string(.text)),
                "Columns of free text, which may hold anything a person typed or said."),
            .optional("subjects", .list(.taxonomyKey(.dataSubject)), "Whom the rows are about."),
            .optional("retention", .object(tableRetention), "How long rows are kept, and the column that dates them."),
        ])

    static let tableRetention = ObjectShape(
        name: "table retention",
        summary: "How long a table keeps rows.",
        fields: [
            .optional("period", .duration, "Longest age of a row (`P6M`)."),
            .optional("column", .string(.text), "The date or timestamp column a row's age is measured by."),
        ])

    static let processor = ObjectShape(
        name: "processor",
        summary:
            "A processor handling data for the organisation (GDPR Art. 28), and the transfer mechanism outside the EEA (Art. 44–49).",
        fields: [
            .optional("id", .string(.identifier), "Identifier stores refer to."),
            .required("name", .string(.text), "Legal name."),
            .optional("service", .string(.text), "What it does for the system (`telephony`)."),
            .optional("country", .string(.country), "Country where it processes the data, ISO 3166-1 alpha-2."),
            .optional(
                "contract", .choice(ChoiceSet(ContractStatus.self)), "The data processing agreement (Art. 28(3))."),
            .optional(
                "transfer", .choice(ChoiceSet(TransferMechanism.self)), "The transfer mechanism, outside the EEA."),
            .optional("receives", .list(.taxonomyKey(.dataCategory)), "Data categories it receives."),
            .optional(
                "transfer_impact_assessment", .string(.text),
                "Where the transfer impact assessment of a transfer on safeguards is documented (CJEU C-311/18; EDPB Recommendations 01/2020)."
            ),
            .optional(
                "dpf_certified", .boolean,
                "The recipient is certified under the EU-US Data Privacy Framework (Commission decision of 10 Jul 2023)."
            ),
        ])

    static let assessments = ObjectShape(
        name: "assessments",
        summary: "Impact assessments.",
        fields: [
            .optional("dpia", .object(assessment), "Data protection impact assessment (GDPR Art. 35)."),
            .optional("fria", .object(assessment), "Fundamental rights impact assessment (AI Act Art. 27)."),
        ])

    static let assessment = ObjectShape(
        name: "assessment",
        summary: "Where one impact assessment stands.",
        fields: [
            .optional("status", .choice(ChoiceSet(AssessmentStatus.self)), "Where it stands."),
            .optional("date", .date, "When it was completed or last updated."),
            .optional("ref", .string(.text), "Its reference."),
            .optional("next_review", .date, "When it is to be reviewed."),
            .optional("reason", .string(.text), "Why it is not required, when it is not."),
            .optional("notified", .boolean, "The authority was notified (AI Act Art. 27(3))."),
        ])

    static let notices = ObjectShape(
        name: "notices",
        summary: "What people are told (GDPR Art. 12–14, 21; AI Act Art. 26, 50).",
        fields: [
            .optional("privacy_notice", .string(.text), "Where the privacy notice is (URL or reference)."),
            .optional("recording_announcement", .boolean, "Callers hear that the call may be recorded, before it is."),
            .optional("objection_offered", .boolean, "People can object simply (to recording, to marketing)."),
            .optional("employees_informed", .boolean, "Employees concerned were informed beforehand."),
            .optional(
                "evaluation_methods_explained", .boolean,
                "Employees were told beforehand how they are evaluated: the methods and techniques (Code du travail L.1222-3)."
            ),
            .optional(
                "workers_representatives_consulted", .boolean,
                "Staff representatives were consulted (AI Act Art. 26(7))."),
            .optional(
                "decision_subjects_informed", .boolean,
                "People subject to an Annex III system's decisions are told (Art. 26(11))."),
            .optional(
                "emotion_recognition_disclosed", .boolean,
                "People exposed to emotion recognition are told (Art. 50(3))."),
            .optional(
                "automated_decision_logic", .boolean,
                "The notice gives meaningful information about the logic of automated decisions, their significance and consequences (GDPR Art. 13(2)(f), 14(2)(g))."
            ),
            .optional(
                "logic_on_access", .boolean,
                "Answers to access requests explain the logic of automated decisions as applied to the person (GDPR Art. 15(1)(h))."
            ),
            .optional(
                "indirect_notice", .choice(ChoiceSet(IndirectNoticeTiming.self)),
                "When people whose data comes from elsewhere are informed (GDPR Art. 14(3))."),
            .optional(
                "source_named", .boolean,
                "People whose data comes from elsewhere are told which source it comes from (GDPR Art. 14(2)(f))."),
            .optional(
                "further_processing_informed", .boolean,
                "People are informed before their data is used for a new purpose (GDPR Art. 13(3), 14(4))."),
            .optional(
                "personalised_price_disclosed", .boolean,
                "Consumers are told when a price was personalised by automated decision-making (Directive 2011/83 Art. 6(1)(ea))."
            ),
            .optional(
                "deep_fake_disclosed", .boolean,
                "People are told that generated content resembling a real person is artificial (AI Act Art. 50(4))."),
        ])

    static let recording = ObjectShape(
        name: "recording",
        summary: "How calls are recorded (CNIL guidance on call centres).",
        fields: [
            .optional("mode", .choice(ChoiceSet(RecordingMode.self)), "Which calls are recorded."),
            .optional("screen_capture", .boolean, "Agents' screens are captured along with the call."),
            .optional("private_line", .boolean, "Agents have a line for private calls that is never recorded."),
            .optional("payment_pause", .boolean, "Recording pauses while bank details are given."),
        ])

    static let prospecting = ObjectShape(
        name: "prospecting",
        summary: "Commercial prospecting (CPCE L.34-5, Code de la consommation L.223-1).",
        fields: [
            .optional("channels", .list(.choice(ChoiceSet(ProspectingChannel.self))), "Channels used."),
            .optional("audience", .list(.choice(ChoiceSet(ProspectAudience.self))), "Who is prospected."),
            .optional("consent", .choice(ChoiceSet(ProspectingConsent.self)), "How prospects agreed to be contacted."),
            .optional("bloctel_screening", .boolean, "Numbers are screened against the Bloctel opposition list."),
            .optional("opt_out_offered", .boolean, "Every message offers a simple way to object."),
            .optional(
                "partner_consent_names_recipients", .boolean,
                "Consent collected by a partner names the organisations that will prospect (CPCE L.34-5; CNIL)."),
            .optional(
                "call_introduction", .boolean,
                "Each call starts by saying who calls, for whom, and that the call is commercial (Code de la consommation L.221-16)."
            ),
            .optional(
                "bloctel_reminder", .boolean,
                "Each call tells the consumer they can register free of charge on the Bloctel opposition list (Code de la consommation L.221-16)."
            ),
            .optional(
                "call_days", .list(.choice(ChoiceSet(CallDay.self))),
                "Days prospecting calls are made on (Code de la consommation D. 223-9 ff.)."),
            .optional(
                "call_hours", .list(.string(.text)),
                "Time ranges calls are made in, `HH:MM-HH:MM` (`10:00-13:00`)."),
            .optional(
                "max_calls_per_30_days", .integer(minimum: 0),
                "Most calls made to one person in 30 days, call attempts included."),
        ])

    static let training = ObjectShape(
        name: "training",
        summary: "Training of the people who run or use the system (AI Act Art. 4).",
        fields: [
            .optional("ai_literacy", .object(trainingRecord), "AI literacy."),
            .optional("data_protection", .object(trainingRecord), "Data protection."),
        ])

    static let trainingRecord = ObjectShape(
        name: "training programme",
        summary: "One training programme.",
        fields: [
            .optional("last", .date, "Last session."),
            .optional("audience", .list(.string(.text)), "Who attends (`agents`, `supervisors`)."),
            .optional("every", .duration, "How often it is repeated (`P1Y`)."),
            .optional("ref", .string(.text), "Reference of the programme."),
        ])

    static let waiver = ObjectShape(
        name: "waiver",
        summary: "An accepted exception to one rule for this system, until it expires.",
        fields: [
            .required("rule", .string(.identifier), "The rule id (`cnil.recording.retention`)."),
            .required("reason", .string(.text), "Why the exception is accepted."),
            .required("approved_by", .string(.text), "Who approved it."),
            .required("expires", .date, "The last day it applies."),
            .optional("granted", .date, "When it was granted."),
        ])
}
