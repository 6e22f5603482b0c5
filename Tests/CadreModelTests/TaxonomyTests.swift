import CadreModel
import Foundation
import Testing

@Suite struct TaxonomyTests {
    @Test func bundledTaxonomyHoldsFideslangAndCadreTerms() throws {
        let taxonomy = try Fixtures.taxonomy()
        for key in [
            "user.contact.email", "user.contact.phone_number", "user.financial.bank_account", "user.biometric",
            "user.health_and_medical", "user.demographic.political_opinion", "user.device.ip_address",
            "user.content.call_recording", "user.content.chat_transcript", "user.inference.emotion",
            "user.workplace.performance", "user.biometric.voiceprint",
        ] {
            #expect(taxonomy.contains(key, in: .dataCategory), "\(key)")
        }
        for key in [
            "essential.service.operations.support", "essential.fraud_detection", "essential.legal_obligation",
            "marketing.communications.email", "marketing.advertising.profiling", "personalize.profiling", "employment",
            "train_ai_system", "third_party_sharing", "employment.evaluation", "finance.credit_assessment",
        ] {
            #expect(taxonomy.contains(key, in: .dataUse), "\(key)")
        }
        for key in ["customer", "prospect", "employee", "anonymous_user", "patient", "employee.agent", "caller"] {
            #expect(taxonomy.contains(key, in: .dataSubject), "\(key)")
        }
        #expect(taxonomy.term("user.contact.email", in: .dataCategory)?.origin == "fideslang")
        #expect(taxonomy.term("user.content.call_recording", in: .dataCategory)?.origin == "cadre")
        #expect(taxonomy.count(in: .dataCategory) > 100)
        #expect(!taxonomy.contains("user.contact.email", in: .dataUse))
    }

    @Test func everyBundledKeyHasItsParent() throws {
        let taxonomy = try Fixtures.taxonomy()
        for kind in TaxonomyKind.allCases {
            for term in taxonomy.terms(in: kind) {
                if let parent = term.parentKey { #expect(taxonomy.contains(parent, in: kind), "\(term.key)") }
                #expect(!term.name.isEmpty)
                #expect(term.location?.file == "taxonomy.yaml")
            }
        }
    }

    @Test func keysMatchTheirAncestors() {
        #expect(Taxonomy.matches("user.contact.email", "user.contact"))
        #expect(Taxonomy.matches("user.contact.email", "user"))
        #expect(Taxonomy.matches("user.contact.email", "user.contact.email"))
        #expect(!Taxonomy.matches("user.contact", "user.contact.email"))
        #expect(!Taxonomy.matches("user.contactless", "user.contact"))
        #expect(!Taxonomy.matches("employee", "employee.agent"))
        #expect(Taxonomy.matches("employee.agent", "employee"))
        #expect(
            Taxonomy.ancestors(of: "user.contact.address.city") == ["user.contact.address", "user.contact", "user"])
        #expect(Taxonomy.parent(of: "user") == nil)
    }

    @Test func specialCategoriesAreInherited() throws {
        let taxonomy = try Fixtures.taxonomy()
        #expect(taxonomy.specialCategory(of: "user.health_and_medical.genetic") == .article9)
        #expect(taxonomy.specialCategory(of: "user.biometric.voiceprint") == .article9)
        #expect(taxonomy.specialCategory(of: "user.health_and_medical.disability") == .article9)
        #expect(taxonomy.specialCategory(of: "user.criminal_history") == .article10)
        #expect(taxonomy.specialCategory(of: "user.contact.email") == nil)
        #expect(taxonomy.specialCategory(of: "user.content.call_recording") == nil)
    }

    @Test func olderFideslangKeysPointToTheirReplacement() throws {
        let taxonomy = try Fixtures.taxonomy()
        #expect(
            taxonomy.term("user.political_opinion", in: .dataCategory)?.replacedBy
                == "user.demographic.political_opinion")
        #expect(
            taxonomy.term("user.financial.account_number", in: .dataCategory)?.replacedBy
                == "user.financial.bank_account")
        let load = try Fixtures.load(Fixtures.header + "data:\n  - category: user.political_opinion\n")
        #expect(load.isValid)
        #expect(load.warnings.map(\.code) == [.deprecatedTaxonomyKey])
        #expect(load.warnings.first?.hint == "write `user.demographic.political_opinion`")
    }

    @Test(arguments: [
        ("user.contact.phone", TaxonomyKind.dataCategory, "user.contact.phone_number"),
        ("user.phone_number", .dataCategory, "user.contact.phone_number"),
        ("user.contact.emial", .dataCategory, "user.contact.email"),
        ("user.content.call_recordings", .dataCategory, "user.content.call_recording"),
        ("custmer", .dataSubject, "customer"),
        ("employe", .dataSubject, "employee"),
        ("essential.service.operations.suport", .dataUse, "essential.service.operations.support"),
    ])
    func suggestsTheIntendedKey(unknown: String, kind: TaxonomyKind, intended: String) throws {
        #expect(try Fixtures.taxonomy().suggestions(for: unknown, in: kind).first == intended)
    }

    @Test func suggestsNothingForUnrelatedWords() throws {
        #expect(try Fixtures.taxonomy().suggestions(for: "banana", in: .dataSubject).isEmpty)
    }

    // A workspace's own terms.

    func withFile(_ text: String, _ body: (String) throws -> Void) throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("terms.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        try body(file.path)
    }

    @Test func workspaceTermsAreAddedAndMatchHierarchically() throws {
        try withFile(
            """
            cadre: taxonomy/v1
            data_categories:
              user.account.meter_point: {name: Meter point, description: The delivery point number (PDL).}
              user.account.meter_point.linky: {name: Smart meter id}
            data_subjects:
              customer.professional: {name: Professional customer}
            """
        ) { path in
            let base = try Fixtures.taxonomy()
            let (taxonomy, diagnostics) = base.adding(termsFromFileAt: path, as: "terms.yaml")
            #expect(diagnostics.isEmpty)
            let term = try #require(taxonomy.term("user.account.meter_point", in: .dataCategory))
            #expect(term.origin == "workspace")
            #expect(term.location == SourceLocation(file: "terms.yaml", line: 3, column: 3))
            #expect(taxonomy.contains("customer.professional", in: .dataSubject))
            #expect(
                taxonomy.descendants(of: "user.account", in: .dataCategory).map(\.key).contains(
                    "user.account.meter_point.linky"))
            #expect(!base.contains("user.account.meter_point", in: .dataCategory))

            let load = DescriptorLoader(taxonomy: taxonomy).load(
                text: Fixtures.header
                    + "data:\n  - category: user.account.meter_point.linky\n    subjects: [customer.professional]\n",
                file: "x.yaml")
            #expect(load.isValid, "\(load.diagnostics)")
        }
    }

    @Test func workspaceTermsAreChecked() throws {
        try withFile(
            """
            cadre: taxonomy/v1
            data_categories:
              user.contact.email: {name: Email again}
              user.nowhere.thing: {name: Orphan}
              user.account.Bad_Key: {name: Capitals}
              user.account.no_name: {description: Missing its name}
              user.account.typo: {name: Typo, descripton: misspelt}
            data_usage:
              x: {name: Wrong section}
            """
        ) { path in
            let (taxonomy, diagnostics) = try Fixtures.taxonomy().adding(termsFromFileAt: path, as: "terms.yaml")
            let summary = diagnostics.map { "\($0.code)@\($0.location.line)" }
            #expect(
                summary == [
                    "duplicate-id@3", "unknown-reference@4", "invalid-value@5", "missing-field@6", "unknown-key@7",
                    "unknown-key@8",
                ])
            #expect(diagnostics[0].message == "`user.contact.email` is already a data category (from fideslang)")
            #expect(
                diagnostics[1].message.contains(
                    "the parent of `user.nowhere.thing`, `user.nowhere`, is not a data category"))
            #expect(diagnostics[4].hint == "did you mean `description`?")
            #expect(diagnostics[5].hint == "did you mean `data_uses`?")
            #expect(taxonomy.contains("user.account.typo", in: .dataCategory))
            #expect(!taxonomy.contains("user.nowhere.thing", in: .dataCategory))
        }
    }

    @Test func aTaxonomyFileNeedsItsHeader() throws {
        try withFile("data_categories: {}\n") { path in
            let (_, diagnostics) = try Fixtures.taxonomy().adding(termsFromFileAt: path)
            #expect(diagnostics.map(\.code) == [.unknownFormat])
        }
    }
}
