/// Checks what ties the parts of a descriptor together: ids are unique, references to purposes,
/// stores and processors name parts the descriptor declares, and fields do not contradict each
/// other.
struct ReferenceValidator {
    let descriptor: SystemDescriptor
    /// The document's root, for what the typed descriptor does not keep (the dates and places
    /// of a waiver's fields).
    let root: LocatedNode
    private(set) var diagnostics: [Diagnostic] = []

    init(descriptor: SystemDescriptor, root: LocatedNode) {
        self.descriptor = descriptor
        self.root = root
    }

    mutating func run() {
        let purposeIDs = unique(descriptor.purposes.map(\.id), kind: "purpose")
        unique(descriptor.ai.map(\.id), kind: "AI component")
        let storeIDs = unique(descriptor.stores.map(\.id), kind: "store")
        let processorIDs = unique(descriptor.processors.compactMap(\.id), kind: "processor")
        for store in descriptor.stores {
            unique(store.tables.map(\.name), kind: "table of store `\(store.id.value)`")
            if let processor = store.processor {
                resolve(processor, in: processorIDs, kind: "processor", from: "store `\(store.id.value)`")
            }
        }
        for item in descriptor.data {
            for purpose in item.purposes {
                resolve(purpose, in: purposeIDs, kind: "purpose", from: "data item `\(item.category.value)`")
            }
            for store in item.stores {
                resolve(store, in: storeIDs, kind: "store", from: "data item `\(item.category.value)`")
            }
        }
        for component in descriptor.ai {
            for purpose in component.purposes {
                resolve(purpose, in: purposeIDs, kind: "purpose", from: "AI component `\(component.id.value)`")
            }
            if let store = component.logs?.store {
                resolve(store, in: storeIDs, kind: "store", from: "AI component `\(component.id.value)` (its logs)")
            }
            checkConsistency(of: component)
        }
        for purpose in descriptor.purposes {
            if let assessment = purpose.legitimateInterestAssessment, let basis = purpose.legalBasis,
                basis.value != .legitimateInterests
            {
                diagnostics.append(
                    .warning(
                        .inconsistentField, at: assessment.location,
                        "purpose `\(purpose.id.value)` has a legitimate-interest assessment but its legal basis is `\(basis.value.rawValue)`",
                        hint: "set `legal_basis: legitimate_interests`, or remove the assessment"))
            }
        }
        checkWaivers()
    }

    /// A waiver expires after it is granted, and waives a rule once. Entries that are not
    /// waivers (a required field missing) are left to the shape's diagnostics.
    private mutating func checkWaivers() {
        var waivedRules: [String: SourceLocation] = [:]
        for entry in root["waivers"]?.sequence ?? [] {
            guard Waiver(node: entry, system: descriptor.id.value) != nil,
                let rule = entry.value("rule", as: String.self),
                let expires = entry.value("expires", as: ISODate.self)
            else { continue }
            if let granted = entry.value("granted", as: ISODate.self), granted.value > expires.value {
                diagnostics.append(
                    .error(
                        .inconsistentField, at: expires.location,
                        "waiver of `\(rule.value)` expires (\(expires.value)) before it is granted (\(granted.value))"))
            }
            if let first = waivedRules[rule.value] {
                diagnostics.append(
                    .warning(
                        .duplicateID, at: rule.location,
                        "rule `\(rule.value)` is waived twice (first at line \(first.line))",
                        hint: "keep one waiver per rule"))
            } else {
                waivedRules[rule.value] = rule.location
            }
        }
    }

    private mutating func checkConsistency(of component: AIComponent) {
        if let basis = component.automatedDecisionBasis, component.decides?.value != .solelyAutomated {
            diagnostics.append(
                .warning(
                    .inconsistentField, at: basis.location,
                    "`automated_decision_basis` applies to solely automated decisions, but `\(component.id.value)` does not decide alone",
                    hint: "set `decides: solely_automated`, or remove `automated_decision_basis`"))
        }
        if let effect = component.effect, effect.value != .noEffect, component.decides?.value == .noDecision {
            diagnostics.append(
                .warning(
                    .inconsistentField, at: effect.location,
                    "`\(component.id.value)` has effect `\(effect.value.rawValue)` but takes no decision (`decides: none`)",
                    hint: "set `decides: assists` or `solely_automated`, or `effect: none`"))
        }
        if component.marksOutput != nil, component.generates.isEmpty {
            diagnostics.append(
                .warning(
                    .inconsistentField, at: component.marksOutput?.location ?? component.location,
                    "`marks_output` is set but `\(component.id.value)` generates nothing (`generates` is empty)",
                    hint: "list what it generates: `generates: [text]`"))
        }
    }

    /// Reports duplicates among `ids` and returns the set of ids.
    @discardableResult
    private mutating func unique(_ ids: [Located<String>], kind: String) -> Set<String> {
        var first: [String: SourceLocation] = [:]
        for id in ids where !id.value.isEmpty {
            if let earlier = first[id.value] {
                diagnostics.append(
                    .error(
                        .duplicateID, at: id.location,
                        "two of this descriptor's \(kind)s are called `\(id.value)` (first at line \(earlier.line))",
                        hint: "give each \(kind) its own id"))
            } else {
                first[id.value] = id.location
            }
        }
        return Set(first.keys)
    }

    private mutating func resolve(_ reference: Located<String>, in ids: Set<String>, kind: String, from owner: String) {
        guard !ids.contains(reference.value) else { return }
        let declared = ids.sorted()
        var hint = Suggestion.hint(for: reference.value, among: declared) ?? ""
        if declared.isEmpty {
            hint =
                "declare it under `\(kind == "store" ? "stores" : kind == "purpose" ? "purposes" : "processors"):` with `id: \(reference.value)`"
        } else {
            hint += (hint.isEmpty ? "" : " ") + "declared \(kind)s: " + declared.joined(separator: ", ")
        }
        diagnostics.append(
            .error(
                .unknownReference, at: reference.location,
                "\(owner) refers to \(kind) `\(reference.value)`, which this descriptor does not declare", hint: hint))
    }
}
