/// The `cadre: system/v1` descriptor format, declared once: validation, the JSON Schema of
/// `cadre schema` and docs/descriptors.md all follow it.
public enum DescriptorSchema {
    /// The value of the `cadre:` header.
    public static let format = SystemDescriptor.format

    /// The root of a descriptor.
    public static let system = ObjectShape(
        name: "system",
        summary:
            "A customer-service system: what it does, with which data, on which legal basis, with which AI parts, stored where, for how long.",
        fields: [
            .required("cadre", .constant(format), "The format of the file: `system/v1`."),
            .required(
                "id", .string(.identifier), "Identifier of the system, unique in the workspace (`voicebot-support`)."),
            .required("name", .string(.text), "Human name of the system."),
            .optional("description", .string(.text), "What the system does, in a few sentences."),
            .required(
                "owner", .string(.text), "Who is accountable for the system and this file (a team address, usually)."),
            .optional("status", .choice(ChoiceSet(SystemStatus.self)), "Where the system is in its life."),
            .optional("in_service_since", .date, "When the system went into service."),
            .optional("channels", .list(.choice(ChoiceSet(Channel.self))), "How customers reach it."),
            .optional("organisation", .object(organisation), "The organisation responsible for the system."),
            .optional("role", .choice(ChoiceSet(AIRole.self)), "The organisation's AI Act role for this system."),
            .optional(
                "gdpr_role", .choice(ChoiceSet(GDPRRole.self)), "The organisation's GDPR role for this processing."),
            .optional("scale", .object(scale), "How many people and contacts the system concerns."),
            .optional(
                "purposes", .list(.object(purpose)), "Why personal data is processed, each with its legal basis."),
            .optional(
                "data", .list(.object(dataItem)),
                "The personal data processed: category, subjects, purposes, retention."),
            .optional("ai", .list(.object(aiComponent)), "The AI components of the system."),
            .optional(
                "stores", .list(.object(store)), "The data stores the system keeps data in, which cadre can read."),
            .optional(
                "processors", .list(.object(processor)),
                "Processors that handle the data, and transfers outside the EEA."),
            .optional("assessments", .object(assessments), "Impact assessments: DPIA and FRIA."),
            .optional("notices", .object(notices), "What people are told."),
            .optional("recording", .object(recording), "How calls are recorded, for systems that record them."),
            .optional("prospecting", .object(prospecting), "Commercial prospecting, for systems that prospect."),
            .optional("training", .object(training), "Training of the people who run or use the system."),
            .optional("waivers", .list(.object(waiver)), "Accepted exceptions to rules, each until it expires."),
        ])

    static let organisation = ObjectShape(
        name: "organisation",
        summary: "The organisation responsible for the system.",
        fields: [
            .required("name", .string(.text), "Legal name."),
            .optional("country", .string(.country), "Country of establishment, ISO 3166-1 alpha-2 (`FR`)."),
            .optional(
                "employees", .integer(minimum: 0), "Head count (GDPR Art. 30(5) exempts some organisations under 250)."),
            .optional("dpo", .string(.text), "Contact of the data protection officer."),
            .optional(
                "sector", .choice(ChoiceSet(Sector.self)),
                "Sector, which some obligations and CNIL frameworks depend on."),
            .optional(
                "public_service", .boolean,
                "A public body or a private body providing public services (AI Act Art. 27)."),
        ])

    static let scale = ObjectShape(
        name: "scale",
        summary: "How many people and contacts the system concerns (a DPIA criterion).",
        fields: [
            .optional(
                "subjects", .integer(minimum: 0), "Approximate number of people whose data the system processes."),
            .optional(
                "interactions_per_month", .integer(minimum: 0),
                "Approximate number of calls, chats or emails per month."),
        ])

    static let purpose = ObjectShape(
        name: "purpose",
        summary: "Why the system processes personal data, with its lawful basis (GDPR Art. 5(1)(b), 6).",
        fields: [
            .required("id", .string(.identifier), "Identifier data items and AI components refer to."),
            .optional("description", .string(.text), "What the purpose is, in a sentence."),
            .optional("legal_basis", .choice(ChoiceSet(LegalBasis.self)), "The GDPR Art. 6(1) basis."),
            .optional(
                "uses", .list(.taxonomyKey(.dataUse)), "fideslang data uses (`essential.service.operations.support`)."),
            .optional(
                "legitimate_interest_assessment", .string(.text),
                "Where the legitimate-interest balancing test is documented."),
            .optional(
                "special_category_condition", .choice(ChoiceSet(SpecialCategoryCondition.self)),
                "The GDPR Art. 9(2) condition, when the purpose processes special categories."),
            .optional(
                "further_processing", .boolean,
                "The purpose reuses data collected for another purpose (GDPR Art. 5(1)(b), 6(4), 13(3))."),
            .optional(
                "compatibility_assessment", .string(.text),
                "Where the compatibility of this purpose with the purposes the data was collected for is assessed (GDPR Art. 6(4))."
            ),
        ])

    static let dataItem = ObjectShape(
        name: "data item",
        summary: "One category of personal data: about whom, for which purposes, for how long.",
        fields: [
            .required("category", .taxonomyKey(.dataCategory), "Data category (`user.contact.phone_number`)."),
            .optional("description", .string(.text), "What exactly is held."),
            .optional(
                "subjects", .list(.taxonomyKey(.dataSubject)), "Whom the data is about (`customer`, `employee`)."),
            .optional("purposes", .list(.string(.identifier)), "Ids of this descriptor's purposes the data serves."),
            .optional("retention", .object(retention), "How long the data is kept, and from when."),
            .optional("source", .choice(ChoiceSet(DataSource.self)), "Where the data comes from."),
            .optional("stores", .list(.string(.identifier)), "Ids of this descriptor's stores that hold the data."),
        ])

    static let retention = ObjectShape(
        name: "retention",
        summary: "How long data is kept, and from when (GDPR Art. 5(1)(e), 13(2)(a)).",
        fields: [
            .optional("period", .duration, "Active retention, an ISO 8601 duration (`P3Y`)."),
            .optional("from", .choice(ChoiceSet(RetentionStart.self)), "The event the period runs from."),
            .optional("criteria", .string(.text), "The criteria used when no fixed period applies."),
            .optional("archive", .object(archive), "Intermediate archiving after the active period."),
        ])

    static let archive = ObjectShape(
        name: "archive",
        summary: "Intermediate archiving: restricted access, kept for a legal reason.",
        fields: [
            .optional("period", .duration, "How long after the active period."),
            .optional("reason", .string(.text), "Why it is kept (`Code de commerce L.110-4`)."),
        ])
}
