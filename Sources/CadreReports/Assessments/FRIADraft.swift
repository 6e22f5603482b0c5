import CadreEngine
import CadreModel

/// A draft fundamental rights impact assessment (AI Act Art. 27(1)(a)–(f)) for a deployer of a
/// high-risk system of Annex III: why Art. 27 applies (`scope`), then (a) the deployer's
/// processes, (b) the period and frequency of use, (c) the people affected, (d) the risks of
/// harm, (e) human oversight, (f) the measures if the risks materialise — pre-filled from the
/// descriptor and the findings, the rest left as questions.
///
/// Whether Art. 27 applies is the AI Act pack's answer (`ai-act.fria.required`'s `applies`,
/// whatever the date), not worked out again here.
public enum FRIADraft {
    /// The rule that says whether Art. 27(1) concerns a system.
    public static let rule = "ai-act.fria.required"

    /// Whether a FRIA can be drafted for a system.
    public enum Scope: Sendable, Hashable {
        /// Art. 27 applies: a draft follows.
        case applies
        /// Art. 27 does not require a FRIA of this system, and why.
        case doesNotApply(String)
        /// No rule can tell (the AI Act pack is not loaded, or its rule failed), and why.
        case unknown(String)
    }

    /// Whether Art. 27 concerns `source`'s system, by the AI Act pack's rule and the role the
    /// descriptor declares (Art. 27 binds deployers).
    public static func scope(_ source: AssessmentSource) -> Scope {
        let id = source.descriptor.id.value
        guard source.rule(rule) != nil else {
            return .unknown(
                "no pack of the workspace loads the rule `\(rule)`, which says whether Art. 27 applies (the bundled ai-act pack has it)"
            )
        }
        switch source.applies[rule] {
        case .applies?:
            if source.descriptor.role?.value == .provider {
                return .doesNotApply(
                    "`\(id)` declares the AI Act role `provider`: Art. 27(1) binds deployers (Art. 3(4)), and a provider has its own duties"
                )
            }
            return .applies
        case .doesNotApply?:
            return .doesNotApply(
                "`\(rule)` does not apply to `\(id)`: Art. 27(1) concerns deployers of high-risk systems of Annex III 5(b) (creditworthiness) and 5(c) (life and health insurance), and bodies governed by public law or private providers of public services deploying a high-risk system of Annex III (except point 2); the descriptor declares none of these"
            )
        case .failed(let message)?:
            return .unknown("`\(rule)` could not say whether Art. 27 applies to `\(id)`: \(message)")
        case nil:
            return .unknown("`\(rule)` was not asked about `\(id)`")
        }
    }

    /// Where each finding goes: why Art. 27 applies, (e) oversight, (f) measures, else (d) risks.
    static func point(for rule: String) -> String {
        if rule.hasPrefix("ai-act.fria.") || rule.hasPrefix("ai-act.high-risk.") { return "scope" }
        let oversight: Set<String> = [
            "ai-act.deployer.human-oversight", "ai-act.deployer.instructions", "ai-act.deployer.input-data",
            "ai-act.literacy.training", "gdpr.automated-decisions.safeguards",
        ]
        if oversight.contains(rule) { return "e" }
        let measures: Set<String> = [
            "ai-act.deployer.suspension", "ai-act.deployer.serious-incidents", "ai-act.deployer.monitoring",
            "ai-act.deployer.explanation", "ai-act.deployer.decision-subjects", "ai-act.deployer.logs",
            "ai-act.deployer.workers-informed", "gdpr.automated-decisions.logic-access",
            "gdpr.automated-decisions.logic-notice",
        ]
        if measures.contains(rule) { return "f" }
        return "d"
    }

    /// The draft of `source`'s system (call when ``scope(_:)`` is ``Scope/applies``).
    public static func draft(_ source: AssessmentSource) -> AssessmentDraft {
        let d = source.descriptor
        var findings: [String: [AssessmentDraft.Entry]] = [:]
        for result in source.findings() {
            findings[point(for: result.rule), default: []] += source.entries(for: result)
        }
        func section(_ id: String, _ title: String, _ facts: [String], questions: [String]) -> AssessmentDraft.Section {
            AssessmentDraft.Section(
                id: id, title: title,
                entries: facts.map { .fact($0) } + (findings[id] ?? []) + questions.map { .question($0) })
        }
        var sections = [scopeSection(source, findings: findings["scope"] ?? [])]
        sections.append(
            section(
                "a", "The deployer's processes in which the system is used (Art. 27(1)(a))",
                DescriptorFacts.overview(d) + DescriptorFacts.purposes(d) + DescriptorFacts.aiComponents(d),
                questions: [
                    "Describe the deployer's process step by step: who uses the system's output, at which point, what decision follows, and what happens without the system."
                ]))
        var period: [String] = []
        if let status = d.status?.value { period.append("Status: \(status.rawValue).") }
        if let since = d.inServiceSince?.value { period.append("In service since \(since).") }
        for component in d.ai {
            if let since = component.inServiceSince?.value {
                period.append("AI component `\(component.id.value)` in service since \(since).")
            }
        }
        if let interactions = d.scale?.interactionsPerMonth?.value {
            period.append("\(interactions) interactions a month.")
        }
        sections.append(
            section(
                "b", "The period of time and frequency of use (Art. 27(1)(b))", period,
                questions: [
                    "For how long is the system intended to be used, and how often is it used on one person (once per request, repeatedly, continuously)?"
                ]))
        let people = DescriptorFacts.people(d)
        var affected = people.isEmpty ? [] : ["People the descriptor names: \(DescriptorFacts.list(people))."]
        if let subjects = d.scale?.subjects?.value { affected.append("\(subjects) people concerned.") }
        sections.append(
            section(
                "c", "The categories of natural persons and groups likely to be affected (Art. 27(1)(c))", affected,
                questions: [
                    "Which groups among them are likely to be affected in particular: by age, disability, economic or social situation, or other vulnerability?"
                ]))
        sections.append(
            section(
                "d", "The specific risks of harm to those persons or groups (Art. 27(1)(d))",
                d.ai.filter { !$0.annexIII.isEmpty }.map {
                    "`\($0.id.value)` is declared under Annex III "
                        + DescriptorFacts.list($0.annexIII.map(\.value.rawValue))
                        + ($0.effect.map { ", with \($0.value.summary)" } ?? "") + "."
                },
                questions: [
                    "Which risks of harm does the provider's information (Art. 13, instructions for use) identify?",
                    "Which fundamental rights of each group could be harmed (non-discrimination, private life and data protection, consumer protection, access to services), how severely and how likely?",
                ]))
        let oversight = d.ai.compactMap(DescriptorFacts.oversight)
        let unsupervised = d.ai.filter { $0.humanOversight == nil }.map { "`\($0.id.value)`" }
        sections.append(
            section(
                "e", "The human oversight measures, according to the instructions for use (Art. 27(1)(e))",
                oversight
                    + d.ai.compactMap { component in
                        component.decides.map { "`\(component.id.value)` \($0.value.summary)." }
                    } + DescriptorFacts.training(d),
                questions: (unsupervised.isEmpty
                    ? []
                    : [
                        "How are \(DescriptorFacts.list(unsupervised)) overseen? The descriptor declares no human oversight."
                    ])
                    + [
                        "Which oversight measures of the provider's instructions for use are in place, and do the overseers have the competence, training and authority to intervene (Art. 26(2))?"
                    ]))
        var governance = ["The descriptor is kept by \(d.owner.value)."]
        if let dpo = d.organisation?.dpo?.value { governance.append("Data protection officer: \(dpo).") }
        governance += DescriptorFacts.notices(d)
        governance += d.ai.compactMap(DescriptorFacts.logs)
        sections.append(
            section(
                "f",
                "The measures to be taken if the risks materialise, including internal governance and complaint mechanisms (Art. 27(1)(f))",
                governance,
                questions: [
                    "Who decides to suspend the system or correct a decision when a risk materialises, and how fast?",
                    "How can affected people complain and obtain redress, and how are complaints followed up?",
                ]))
        return AssessmentDraft(
            assessment: "fria", system: d.id.value, name: d.name.value, file: source.file, asOf: source.asOf,
            packs: source.packs, sections: sections)
    }

    /// Why Art. 27 applies: the rule's answer and window, the FRIA on record, its findings.
    static func scopeSection(_ source: AssessmentSource, findings: [AssessmentDraft.Entry]) -> AssessmentDraft.Section {
        let d = source.descriptor
        var entries: [AssessmentDraft.Entry] = [
            AssessmentDraft.Entry(
                kind: .fact, title: source.rule(rule)?.title,
                text: "The AI Act pack's rule finds that Art. 27(1) concerns `\(d.id.value)`.", rule: rule,
                references: source.rule(rule)?.references.map(\.citation))
        ]
        if let from = source.rule(rule)?.effectiveFrom {
            entries.append(
                .fact(
                    from > source.asOf
                        ? "Art. 27 applies to it from \(from) (the pack's calendar); on \(source.asOf) it is not yet in force, so the rules report no finding on it yet."
                        : "Art. 27 applies to it since \(from) (the pack's calendar)."))
        }
        if d.role == nil {
            entries.append(
                .question("The descriptor declares no AI Act role: is the organisation the system's deployer?"))
        }
        entries.append(.fact(DescriptorFacts.assessment(d.assessments?.fria, name: "FRIA")))
        return AssessmentDraft.Section(id: "scope", title: "Why Art. 27 applies", entries: entries + findings)
    }
}
