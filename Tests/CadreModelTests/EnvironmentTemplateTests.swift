import CadreModel
import Testing

@Suite struct EnvironmentTemplateTests {
    @Test func splitsLiteralsAndReferences() throws {
        let template = try EnvironmentTemplate(parsing: "postgres://app:${PG_PASSWORD}@${PG_HOST}:5432/crm")
        #expect(template.references == ["PG_PASSWORD", "PG_HOST"])
        #expect(template.parts == [
            .literal("postgres://app:"), .reference("PG_PASSWORD"), .literal("@"), .reference("PG_HOST"), .literal(":5432/crm"),
        ])
        #expect(try EnvironmentTemplate(parsing: "price in $ and ${X}").parts == [.literal("price in $ and "), .reference("X")])
        #expect(try EnvironmentTemplate(parsing: "stores/crm.sqlite").references.isEmpty)
    }

    @Test func resolvesOnlyWhenAskedAndNeverPrintsTheValue() throws {
        let template = try EnvironmentTemplate(parsing: "postgres://app:${PG_PASSWORD}@db/crm")
        let secret = try template.resolve(environment: ["PG_PASSWORD": "hunter2", "OTHER": "x"])
        #expect(secret.revealed == "postgres://app:hunter2@db/crm")
        #expect(secret.description == "<redacted>")
        #expect("\(secret)" == "<redacted>")
        #expect(String(reflecting: secret) == "<redacted>")
        #expect(template.description == "postgres://app:${PG_PASSWORD}@db/crm")
    }

    @Test func aMissingVariableIsNamedNotValued() throws {
        let template = try EnvironmentTemplate(parsing: "${HOST}/${DB}")
        #expect {
            try template.resolve(environment: ["HOST": "secret-host"])
        } throws: { error in
            guard let error = error as? EnvironmentError else { return false }
            return error.code == .undefinedVariable && error.name == "DB" && !error.description.contains("secret-host")
        }
    }

    @Test(arguments: ["${UNCLOSED", "${}", "${1ABC}", "${A-B}"])
    func rejectsMalformedReferences(_ text: String) {
        #expect(throws: EnvironmentError.self) { try EnvironmentTemplate(parsing: text) }
    }

    @Test func masksPasswordsWrittenInURLs() throws {
        #expect(try EnvironmentTemplate(parsing: "postgres://app:pw@db/crm").description == "postgres://app:•••@db/crm")
        #expect(try EnvironmentTemplate(parsing: "postgres://app:pw@db/crm").holdsLiteralPassword)
        #expect(try !EnvironmentTemplate(parsing: "postgres://app@db/crm").holdsLiteralPassword)
        #expect(try !EnvironmentTemplate(parsing: "postgres://app:${PW}@db/crm").holdsLiteralPassword)
        #expect(try !EnvironmentTemplate(parsing: "https://example.com/a:b@c").holdsLiteralPassword)
    }
}
