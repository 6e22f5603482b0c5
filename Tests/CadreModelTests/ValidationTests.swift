import CadreModel
import Testing

@Suite struct ValidationTests {
    static func load(_ body: String) throws -> DescriptorLoad { try Fixtures.load(Fixtures.header + body) }

    @Test func everyProblemOfAFileIsReportedAtOnce() throws {
        let load = try Self.load(
            """
            purposes:
              - id: support
                legal_bases: contract
              - id: support
                legal_basis: maybe
            data:
              - category: user.contact.phone
                subjects: [custmer]
                purposes: [suport]
                retention: {period: 6 months}
            ai:
              - id: bot
                kind: chatbot
                discloses_ai: no
            """)
        #expect(
            load.errorSummary == [
                "unknown-key@7:5", "duplicate-id@8:9", "invalid-value@9:18", "unknown-taxonomy-key@11:15",
                "unknown-taxonomy-key@12:16", "unknown-reference@13:16", "invalid-duration@14:25",
                "invalid-value@18:19",
            ])
        #expect(load.document == nil)
    }

    @Test func diagnosticsPrintLikeACompiler() throws {
        let load = try Self.load("purposes:\n  - id: support\n    legal_bases: contract\n")
        #expect(
            load.diagnostics.map(\.description) == [
                """
                test.yaml:7:5: error: unknown key `legal_bases` in purpose [unknown-key]
                    hint: did you mean `legal_basis`?
                """
            ])
        #expect(load.diagnostics.first?.path?.description == "purposes[0].legal_bases")
    }

    @Test func extensionKeysAreFreeEverywhere() throws {
        let load = try Self.load(
            """
            x-team: relation client
            purposes:
              - id: support
                x-jira: CS-12
            stores:
              - id: crm
                engine: sqlite
                tables:
                  - name: contacts
                    x-partitioned: true
                    columns: {x-email: user.contact.email}
            """)
        #expect(load.diagnostics.isEmpty, "\(load.diagnostics)")
    }

    @Test func unknownKeysSuggestWhereTheyBelong() throws {
        let load = try Self.load(
            "data:\n  - category: user.contact.email\n    legal_basis: contract\n    retention: {period: P1Y, column: sent_at}\n"
        )
        #expect(
            load.errors.map(\.hint) == [
                "`legal_basis` belongs in a purpose, not in a data item",
                "`column` belongs in a table retention, not in a retention",
            ])
    }

    @Test func unknownKeysWithNoCloseMatchListTheAllowedOnes() throws {
        let load = try Self.load("training:\n  workshops: {last: 2025-01-01}\n")
        #expect(
            load.errors.first?.hint == "training has: ai_literacy, data_protection; keys starting with `x-` are free")
    }

    @Test func missingRequiredFieldsPointAtTheirMapping() throws {
        let load = try Fixtures.load("cadre: system/v1\nname: Fixture\nai:\n  - kind: chatbot\n")
        #expect(load.errorSummary == ["missing-field@1:1", "missing-field@1:1", "missing-field@4:5"])
        #expect(
            load.errors.map(\.message) == [
                "system is missing `id`", "system is missing `owner`", "AI component is missing `id`",
            ])
    }

    @Test func norwayProblemIsExplained() throws {
        let load = try Self.load("ai:\n  - id: bot\n    kind: chatbot\n    discloses_ai: no\n    decides: off\n")
        #expect(
            load.errors.map(\.message) == [
                "`no` is not a valid AI disclosure: YAML 1.1 tools read `no` as the boolean false",
                "`off` is not a valid decision mode: YAML 1.1 tools read `off` as the boolean false",
            ])
        #expect(load.errors.first?.hint == "write one of: at_start, on_request, never")
        let quoted = try Self.load("ai:\n  - id: bot\n    kind: chatbot\n    discloses_ai: \"no\"\n")
        #expect(quoted.errors.map(\.message) == ["`no` is not a valid AI disclosure"])
    }

    @Test func booleansAreTrueOrFalseOnly() throws {
        let load = try Self.load(
            "notices:\n  recording_announcement: on\n  employees_informed: \"true\"\n  objection_offered: 1\n")
        #expect(
            load.errors.map(\.message) == [
                "`on` is not true or false here: cadre reads YAML 1.2, where `on` is a string",
                "`employees_informed` must be true or false, not the string \"true\"",
                "`objection_offered` must be true or false, not an integer",
            ])
        #expect(load.errors.map(\.hint) == ["write `true`", "remove the quotes", nil])
    }

    @Test func numbersWhereStringsAreExpectedMustBeQuoted() throws {
        let load = try Self.load("ai:\n  - id: bot\n    kind: chatbot\n    model: {version: 2.1}\n")
        #expect(load.errors.first?.message == "`version` must be a string, not a number")
        #expect(load.errors.first?.hint == "quote it: `\"2.1\"`")
    }

    @Test func emptyOptionalValuesAreWarnings() throws {
        let load = try Self.load("purposes:\n  - id: support\n    legal_basis:\n")
        #expect(load.isValid)
        #expect(load.warnings.map(\.code) == [.emptyValue])
        #expect(load.warnings.first?.message == "`legal_basis` has no value")
        let element = try Self.load("channels: [phone, ~]\n")
        #expect(element.errors.map(\.message) == ["`channels[1]` is empty"])
    }

    @Test func duplicatesInAListAreWarnings() throws {
        let load = try Self.load("data:\n  - category: user.contact.email\n    subjects: [customer, customer]\n")
        #expect(load.isValid)
        #expect(load.warnings.map(\.message) == ["`customer` is listed twice in `subjects` (first at line 7)"])
    }

    @Test func referencesMustNameDeclaredParts() throws {
        let load = try Self.load(
            """
            purposes:
              - id: support
            data:
              - category: user.contact.email
                purposes: [support, quality]
                stores: [crm]
            stores:
              - id: calls
                engine: sqlite
                processor: cloudtel
            ai:
              - id: bot
                kind: chatbot
                purposes: [suport]
            """)
        #expect(
            load.errors.map(\.message) == [
                "data item `user.contact.email` refers to purpose `quality`, which this descriptor does not declare",
                "data item `user.contact.email` refers to store `crm`, which this descriptor does not declare",
                "store `calls` refers to processor `cloudtel`, which this descriptor does not declare",
                "AI component `bot` refers to purpose `suport`, which this descriptor does not declare",
            ])
        #expect(
            load.errors.map(\.hint) == [
                "declared purposes: support",
                "declared stores: calls",
                "declare it under `processors:` with `id: cloudtel`",
                "did you mean `support`? declared purposes: support",
            ])
    }

    @Test func idsAreUniqueWithinEachKindOfPart() throws {
        let load = try Self.load(
            """
            ai:
              - {id: bot, kind: chatbot}
              - {id: bot, kind: voicebot}
            stores:
              - id: crm
                engine: sqlite
                tables: [{name: contacts}, {name: contacts}]
              - {id: crm, engine: csv}
            """)
        #expect(load.errorSummary == ["duplicate-id@7:10", "duplicate-id@11:39", "duplicate-id@12:10"])
    }

    @Test func contradictionsAreWarnings() throws {
        let load = try Self.load(
            """
            purposes:
              - id: support
                legal_basis: contract
                legitimate_interest_assessment: docs/lia.pdf
            ai:
              - id: bot
                kind: scoring
                decides: none
                effect: significant
                automated_decision_basis: contract
                marks_output: true
            waivers:
              - {rule: a.b, reason: r, approved_by: dpo, expires: 2025-01-01, granted: 2025-06-01}
            """)
        #expect(load.warnings.map(\.code) == Array(repeating: .inconsistentField, count: 4))
        #expect(
            load.errors.map(\.message) == ["waiver of `a.b` expires (2025-01-01) before it is granted (2025-06-01)"])
    }

    @Test func storeURLsKeepEnvironmentReferencesAndNeverShowPasswords() throws {
        let load = try Self.load(
            """
            stores:
              - {id: a, engine: postgres, url: "postgres://cadre:S3cret-pw@db.internal/crm"}
              - {id: b, engine: postgres, url: "postgres://cadre:${CRM_PASSWORD}@db.internal/crm"}
              - {id: c, engine: sqlite, url: stores/crm.sqlite}
              - {id: d, engine: sqlite, url: "${CRM_DB"}
              - {id: e, engine: sqlite, url: "${1ST}"}
            """)
        #expect(load.warnings.map(\.code) == [.secretInDescriptor])
        #expect(load.errors.map(\.code) == [.invalidEnvironmentReference, .invalidEnvironmentReference])
        for diagnostic in load.diagnostics {
            #expect(!diagnostic.description.contains("S3cret-pw"))
        }
        #expect(load.warnings.first?.message.contains("postgres://cadre:•••@db.internal/crm") == true)
    }

    @Test func aSecretParameterInAStoreURLIsAWarningAtTheURLAndRulesSeeItMasked() throws {
        let load = try Self.load(
            """
            stores:
              - id: a
                engine: postgres
                url: postgres://cadre@db.internal/crm?sslmode=require&password=S3cret-pw
            """)
        let warning = try #require(load.warnings.first)
        #expect(load.warnings.count == 1)
        #expect(warning.code == .secretInDescriptor)
        #expect("\(warning.location.line):\(warning.location.column)" == "8:10")
        #expect(
            warning.message
                == "`url` holds a password or another secret written in clear (shown masked: `postgres://cadre@db.internal/crm?sslmode=require&password=•••`)"
        )
        #expect(
            warning.hint
                == "a password belongs in an environment variable: write `${STORE_PASSWORD}` in its place, resolved only when cadre connects"
        )
        #expect(!warning.description.contains("S3cret-pw"))
        // The connector reads the URL as written; the tree rules read holds it masked.
        let document = try #require(load.document)
        #expect(
            document.descriptor.stores.first?.url?.value.text
                == "postgres://cadre@db.internal/crm?sslmode=require&password=S3cret-pw")
        #expect(
            document.root["stores"]?[0]?["url"]?.scalar?.text
                == "postgres://cadre@db.internal/crm?sslmode=require&password=•••")
        #expect(document.root["stores"]?[0]?["url"]?.location == document.descriptor.stores.first?.url?.location)
    }

    @Test func formatsOfCountriesRegionsAndIdentifiers() throws {
        let load = try Self.load(
            """
            organisation: {name: X, country: UK}
            processors:
              - {name: Y, country: us}
            stores:
              - {id: crm, engine: sqlite, region: Europe}
            """)
        #expect(
            load.errors.map(\.hint) == [
                "write `GB`", "write `US`", "two capital letters, for example `FR`, `DE`, `US`",
            ])
    }

    @Test func integersHaveMinimums() throws {
        let load = try Self.load("organisation: {name: X, employees: -3}\n")
        #expect(load.errors.map(\.message) == ["`employees` must be at least 0, not -3"])
    }

    @Test func durationsGivenAsNumbersGetAnExample() throws {
        let load = try Self.load("ai:\n  - id: bot\n    kind: chatbot\n    logs: {retention: 6}\n")
        #expect(load.errors.first?.hint == "write `P6M` for 6 months, `P6Y` for 6 years, `P6D` for 6 days")
    }
}
