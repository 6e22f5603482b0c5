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
                "workers_representatives_consulted", .boolean,
                "Staff representatives were consulted (AI Act Art. 26(7))."),
            .optional(
                "decision_subjects_informed", .boolean,
                "People subject to an Annex III system's decisions are told (Art. 26(11))."),
            .optional(
                "emotion_recognition_disclosed", .boolean,
                "People exposed to emotion recognition are told (Art. 50(3))."),
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
