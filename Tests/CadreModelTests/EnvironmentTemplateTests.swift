import CadreModel
import Testing

@Suite struct EnvironmentTemplateTests {
    @Test func splitsLiteralsAndReferences() throws {
        let template = try EnvironmentTemplate(parsing: "postgres://app:${PG_PASSWORD}@${PG_HOST}:5432/crm")
        #expect(template.references == ["PG_PASSWORD", "PG_HOST"])
        #expect(
            template.parts == [
                .literal("postgres://app:"), .reference("PG_PASSWORD"), .literal("@"), .reference("PG_HOST"),
                .literal(":5432/crm"),
            ])
        #expect(
            try EnvironmentTemplate(parsing: "price in $ and ${X}").parts == [
                .literal("price in $ and "), .reference("X"),
            ])
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

    @Test func aDoubledDollarIsALiteralBrace() throws {
        #expect(try EnvironmentTemplate(parsing: "a$${B}c").parts == [.literal("a${B}c")])
        #expect(try EnvironmentTemplate(parsing: "$${not a name").references.isEmpty)
        #expect(try EnvironmentTemplate(parsing: "$$${X}").parts == [.literal("$${X}")])
        #expect(try EnvironmentTemplate(parsing: "$$${X}").resolve(environment: [:]).revealed == "$${X}")
        let template = try EnvironmentTemplate(parsing: "$${HOME}/${DB}")
        #expect(template.references == ["DB"])
        #expect(try template.resolve(environment: ["DB": "crm", "HOME": "/root"]).revealed == "${HOME}/crm")
        #expect(template.description == "$${HOME}/${DB}")
    }

    @Test(arguments: ["${UNCLOSED", "${}", "${1ABC}", "${A-B}"])
    func rejectsMalformedReferences(_ text: String) {
        #expect(throws: EnvironmentError.self) { try EnvironmentTemplate(parsing: text) }
    }

    @Test func masksPasswordsWrittenInURLs() throws {
        #expect(try EnvironmentTemplate(parsing: "postgres://app:pw@db/crm").description == "postgres://app:•••@db/crm")
        #expect(try EnvironmentTemplate(parsing: "postgres://app:pw@db/crm").holdsLiteralSecret)
        #expect(try !EnvironmentTemplate(parsing: "postgres://app@db/crm").holdsLiteralSecret)
        #expect(try !EnvironmentTemplate(parsing: "postgres://app:${PW}@db/crm").holdsLiteralSecret)
        #expect(try !EnvironmentTemplate(parsing: "https://example.com/a:b@c").holdsLiteralSecret)
    }

    @Test(arguments: [
        (
            "postgres://app@db/crm?sslmode=require&password=hunter2",
            "postgres://app@db/crm?sslmode=require&password=•••"
        ),
        ("postgres://app@db/crm?PassWord=hunter2#frag", "postgres://app@db/crm?PassWord=•••#frag"),
        ("postgres://app:pw@db/crm?api_key=k1&user_token=t2", "postgres://app:•••@db/crm?api_key=•••&user_token=•••"),
        ("host=db user=app password=hunter2 dbname=crm", "host=db user=app password=••• dbname=crm"),
        (
            "https://api.example/v1?client-secret=s3&pwd=x;sig=abc",
            "https://api.example/v1?client-secret=•••&pwd=•••;sig=•••"
        ),
    ])
    func masksSecretParameters(text: String, masked: String) throws {
        let template = try EnvironmentTemplate(parsing: text)
        #expect(template.description == masked)
        #expect(template.holdsLiteralSecret)
    }

    @Test(arguments: [
        "postgres://app@db/crm?sslmode=require&password=${CRM_PASSWORD}",
        "postgres://app@db/crm?password=",
        "stores/crm.sqlite",
        "stores/a=b/crm.sqlite",
        "postgres://app@db/crm?sslmode=verify-full&application_name=cadre",
    ])
    func leavesReferencesAndOrdinaryParametersAlone(text: String) throws {
        let template = try EnvironmentTemplate(parsing: text)
        #expect(template.description == text)
        #expect(!template.holdsLiteralSecret)
    }
}
