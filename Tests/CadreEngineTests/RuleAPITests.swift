import Testing

/// The rule API is made in two places (Resources/prelude.lua and its host functions) and described
/// in two (types/cadre.lua for editors, docs/rules.md for people): what a live worker state offers
/// a rule and a pack's tests is what both descriptions name, no more and no less.
@Suite struct RuleAPITests {
    let live: LiveRuleAPI

    init() throws {
        live = try LiveRuleAPI.read()
    }

    @Test func theLiveAPIIsReadWhole() {
        // The walk itself: a sample of every kind of name it reads.
        for name in [
            "cadre.duration", "cadre.taxonomy.matches", "duration.compare", "duration.text", "date.add", "system.holds",
            "ctx.fail", "ctx.as_of", "store.count", "pack.settings", "require", "describe", "expectation.to_pass",
        ] {
            #expect(live.names[name] != nil, "the live API has no \(name)")
        }
        #expect(live.systemCollections.isSuperset(of: ["data", "purposes", "ai", "stores", "processors"]))
    }

    @Test func typesDescribeTheLiveAPI() throws {
        expect(try RuleAPIDescription.types(), in: "types/cadre.lua")
    }

    @Test func typesSayTheSystemsCollectionsAreNeverNil() throws {
        let fields = try RuleAPIDescription.types().systemFields
        for collection in live.systemCollections.sorted() {
            let field = fields[collection]
            #expect(
                field != nil && field?.optional == false && field?.type.hasSuffix("[]") == true,
                "types/cadre.lua: cadre.System's `\(collection)` is a list that is never nil, not \(field.map { "\($0.type)\($0.optional ? " (optional)" : "")" } ?? "missing")"
            )
        }
        let lists = fields.filter { $0.value.type.hasSuffix("[]") }.map(\.key)
        #expect(Set(lists) == live.systemCollections, "cadre.System's lists are the system's collections")
    }

    @Test func docsDescribeTheLiveAPI() throws {
        expect(try RuleAPIDescription.docs(), in: "docs/rules.md")
    }

    /// `description` names every function and field of the live API, and nothing else.
    private func expect(_ description: RuleAPIDescription, in file: String) {
        let missing = description.missing(from: live)
        let unknown = description.unknown(to: live)
        #expect(missing.isEmpty, "\(file) does not describe \(missing.joined(separator: ", "))")
        #expect(unknown.isEmpty, "\(file) describes what rules do not have: \(unknown.joined(separator: ", "))")
    }
}
