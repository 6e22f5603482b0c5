extension DescriptorSchema {
    static let aiComponent = ObjectShape(
        name: "AI component",
        summary: "One AI part of the system: what it does, to whom, what it infers and decides, how it is overseen.",
        fields: [
            .required("id", .string(.identifier), "Identifier, unique in the descriptor."),
            .required("kind", .choice(ChoiceSet(AIKind.self)), "What it does."),
            .optional("description", .string(.text), "What it does, in a sentence."),
            .optional("purposes", .list(.string(.identifier)), "Ids of this descriptor's purposes it serves."),
            .optional("model", .object(aiModel), "The model behind it."),
            .optional("inputs", .list(.choice(ChoiceSet(InputMedium.self))), "What it takes as input."),
            .optional(
                "interacts_with", .list(.taxonomyKey(.dataSubject)), "Data subjects who interact with it directly."),
            .optional(
                "discloses_ai", .choice(ChoiceSet(Disclosure.self)),
                "When people are told they deal with an AI system (AI Act Art. 50(1))."),
            .optional("infers", .list(.choice(ChoiceSet(Inference.self))), "What it infers about people."),
            .optional("about", .list(.taxonomyKey(.dataSubject)), "Whose traits, emotions or scores it infers."),
            .optional(
                "decides", .choice(ChoiceSet(DecisionMode.self)), "How far it decides about people (GDPR Art. 22)."),
            .optional("effect", .choice(ChoiceSet(DecisionEffect.self)), "The effect of those decisions on people."),
            .optional(
                "automated_decision_basis", .choice(ChoiceSet(AutomatedDecisionBasis.self)),
                "The GDPR Art. 22(2) exception for solely automated decisions with effects."),
            .optional(
                "human_oversight", .object(humanOversight), "Human oversight (AI Act Art. 14, 26(2); GDPR Art. 22(3))."),
            .optional("logs", .object(logs), "Its automatic logs (AI Act Art. 26(6))."),
            .optional(
                "generates", .list(.choice(ChoiceSet(OutputMedium.self))), "What it generates (AI Act Art. 50(2))."),
            .optional("marks_output", .boolean, "Generated content is marked as such, machine-readably."),
            .optional(
                "annex_iii", .list(.choice(ChoiceSet(AnnexIIIPoint.self))),
                "AI Act Annex III points it falls under (`5b`)."),
            .optional("in_service_since", .date, "When it went into service (AI Act Art. 111 transitional periods)."),
            .optional(
                "monitoring", .object(deployerMonitoring),
                "How the deployer watches a high-risk component in use (AI Act Art. 26(4), 26(5))."),
            .optional(
                "explains_decisions", .boolean,
                "People affected by its decisions can obtain a clear and meaningful explanation of them (AI Act Art. 86; GDPR Art. 22(3))."
            ),
            .optional(
                "branded", .boolean,
                "The organisation puts it on the market or into service under its own name or trademark (AI Act Art. 25(1)(a))."
            ),
            .optional(
                "substantially_modified", .boolean,
                "The organisation made a substantial modification to a high-risk system it received (AI Act Art. 25(1)(b))."
            ),
            .optional(
                "scores_shared", .boolean,
                "Its scores are passed to other organisations, which use them to decide about people (CJEU C-634/21)."),
            .optional(
                "affects", .list(.choice(ChoiceSet(DecisionConsequence.self))),
                "What its output decides or changes for the people it is about."),
            .optional(
                "personalises_prices", .boolean,
                "It sets or proposes prices personalised by automated decision-making (Directive 2011/83 Art. 6(1)(ea))."
            ),
            .optional(
                "imitates_real_person", .boolean,
                "What it generates resembles an existing person (a cloned voice, a face): a deep fake (AI Act Art. 3(60), 50(4))."
            ),
        ])

    static let deployerMonitoring = ObjectShape(
        name: "deployer monitoring",
        summary: "How the deployer watches a high-risk AI component in use (AI Act Art. 26(4), 26(5)).",
        fields: [
            .optional(
                "input_data_checked", .boolean,
                "The input data the deployer controls is checked to be relevant and representative (Art. 26(4))."),
            .optional(
                "monitored", .boolean,
                "Its operation is monitored on the basis of the instructions for use (Art. 26(5))."),
            .optional(
                "incident_procedure", .boolean,
                "A procedure reports serious incidents to the provider and the authority without delay (Art. 26(5))."),
            .optional(
                "suspension_procedure", .boolean,
                "A procedure suspends its use when it presents a risk, and informs the provider and the authority (Art. 26(5))."
            ),
        ])

    static let aiModel = ObjectShape(
        name: "model",
        summary: "The model behind an AI component.",
        fields: [
            .optional("name", .string(.text), "Model name."),
            .optional("provider", .string(.text), "Who provides it."),
            .optional("version", .string(.text), "Version (quote numbers: `\"2.1\"`)."),
            .optional("general_purpose", .boolean, "A general-purpose AI model (AI Act Art. 3(63))."),
            .optional("hosted_in", .string(.region), "Where it runs: `EU`, `EEA` or a country code."),
        ])

    static let humanOversight = ObjectShape(
        name: "human oversight",
        summary: "How people oversee an AI component.",
        fields: [
            .optional("escalation", .boolean, "People can reach a human, and the component hands over."),
            .optional(
                "reviewers_trained", .boolean, "The people who oversee it are trained for it (AI Act Art. 26(2))."),
            .optional("can_override", .boolean, "Those people can override or stop it."),
            .optional("reviewer", .string(.text), "Who oversees it (a team or a role)."),
        ])

    static let logs = ObjectShape(
        name: "logs",
        summary: "An AI component's automatic logs.",
        fields: [
            .optional(
                "retention", .duration, "How long they are kept (deployers: six months at least, AI Act Art. 26(6))."),
            .optional("store", .string(.identifier), "Id of this descriptor's store that holds them."),
        ])
}
