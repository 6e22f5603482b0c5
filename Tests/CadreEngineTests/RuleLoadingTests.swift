import CadreEngine
import CadreModel
import Testing

/// Rule files are checked like Nmap checks NSE scripts: every problem names the file and the field.
@Suite struct RuleLoadingTests {
    func problems(_ source: String, file: String = "bad.lua") throws -> [Diagnostic] {
        let workspace = try TemporaryWorkspace.with(rules: [file: source])
        return try workspace.evaluate().diagnostics.filter(\.isError)
    }

    @Test func missingFieldsAreNamed() throws {
        let found = try problems("return { id = 'test.x', title = 'X', references = {'A'} }")
        let messages = found.map(\.message)
        #expect(
            messages.contains(
                "rule `test.x` is missing required field `severity` (one of critical, high, medium, low, info)"))
        #expect(messages.contains("rule `test.x` is missing required field `check` (a function `check(system, ctx)`)"))
        #expect(found.allSatisfy { $0.location.file.hasSuffix("pack/bad.lua") })
    }

    @Test func mistypedFieldsPointAtTheirLine() throws {
        let source = """
            return {
              id = "test.x",
              title = "X",
              severity = "hihg",
              references = "GDPR",
              sevrity = "low",
              check = function() end,
            }
            """
        let found = try problems(source)
        let severity = try #require(found.first { $0.message.contains("severity `hihg`") })
        #expect(severity.location.line == 4)
        #expect(severity.hint == "did you mean `high`?")
        let references = try #require(found.first { $0.message.contains("`references`") })
        #expect(references.message == "rule `test.x`: field `references` must be a list of citations, not a string")
        #expect(references.location.line == 5)
        let unknown = try #require(found.first { $0.code == .unknownKey })
        #expect(unknown.message == "rule `test.x` has an unknown field `sevrity`")
        #expect(unknown.hint == "did you mean `severity`?")
        #expect(unknown.location.line == 6)
    }

    @Test func idsBelongToTheirPack() throws {
        let found = try problems(
            TemporaryWorkspace.rule("x", check: "").replacingOccurrences(of: "test.x", with: "other.x"))
        #expect(found.map(\.message) == ["rule `other.x`: ids of pack `test` start with `test.`"])
    }

    @Test func syntaxErrorsNameTheFileAndLine() throws {
        let found = try problems("return {\n  id = 'test.x'\n  title = 'X',\n}")
        #expect(found.count == 1)
        #expect(found[0].code.rawValue == "rule-syntax")
        #expect(found[0].location.line == 3)
        #expect(found[0].location.file.hasSuffix("pack/bad.lua"))
        #expect(found[0].message.hasPrefix("syntax error: '}' expected (to close '{' at line 1) near 'title'"))
    }

    @Test func filesThatFailWhileLoadingAreReported() throws {
        let found = try problems("local x = nil\nreturn x.field")
        #expect(found.map(\.code.rawValue) == ["rule-load"])
        #expect(found[0].location.line == 2)
        let looping = try problems("while true do end")
        #expect(looping[0].message.contains("instruction limit exceeded"))
    }

    @Test func aFileReturnsARuleOrAList() throws {
        let list = """
            return {
              { id = "test.one", title = "One", severity = "low", references = {"A"}, check = function() end },
              { id = "test.two", title = "Two", severity = "low", references = {"A"}, check = function() end },
            }
            """
        let workspace = try TemporaryWorkspace.with(rules: ["list.lua": list])
        #expect(try workspace.evaluate().rules.map(\.id) == ["test.one", "test.two"])
        #expect(
            try problems("return 42").map(\.message) == [
                "the file returned a number; a rule file returns a rule (a table with id, title, severity, references and check) or a list of rules"
            ])
    }

    @Test func duplicateIdsAreErrors() throws {
        let workspace = try TemporaryWorkspace.with(rules: [
            "a.lua": TemporaryWorkspace.rule("same", check: ""), "b.lua": TemporaryWorkspace.rule("same", check: ""),
        ])
        let evaluation = try workspace.evaluate()
        #expect(evaluation.rules.map(\.id) == ["test.same"])
        #expect(evaluation.diagnostics.contains { $0.message.contains("rule `test.same` is also defined in") })
    }

    @Test func effectiveDatesAreChecked() throws {
        let found = try problems(TemporaryWorkspace.rule("x", extra: "effective = { from = '2026-02-30' },", check: ""))
        #expect(found.count == 1)
        #expect(found[0].message.contains("`effective.from`"))
        #expect(found[0].message.contains("February 2026 has 28 days"))
    }

    @Test func packsNeedAnAPIThisCadreHas() throws {
        let workspace = try TemporaryWorkspace.with(
            rules: [:],
            extra: [
                "pack/pack.yaml": TemporaryWorkspace.packManifest.replacingOccurrences(of: "api: 1", with: "api: 9")
            ])
        let problems = try workspace.evaluate().diagnostics
        #expect(problems.contains { $0.message == "pack `test` needs rule API 9; this cadre provides API 1" })
    }

    static func rule(references: String, reviewed: String) -> String {
        """
        return {
          id = "test.x",
          title = "X",
          severity = "low",
          references = \(references),
          reviewed = "\(reviewed)",
          check = function() end,
        }
        """
    }

    @Test func referencesCarryTheAddressOfTheirText() throws {
        let source = Self.rule(
            references: """
                { { "GDPR Art. 5(1)(e)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" }, "Internal policy" }
                """, reviewed: "2026-12-07")
        let workspace = try TemporaryWorkspace.with(rules: ["x.lua": source])
        let rule = try #require(try workspace.evaluate().rules.first)
        #expect(
            rule.references == [
                RuleReference("GDPR Art. 5(1)(e)", url: "https://eur-lex.europa.eu/eli/reg/2016/679/oj"),
                RuleReference("Internal policy"),
            ])
        #expect(rule.reviewed == (try ISODate(parsing: "2026-12-07")))
    }

    @Test func addressesAreHTTPSAndReviewDatesAreDates() throws {
        let source = Self.rule(
            references: """
                { { "GDPR", url = "http://eur-lex.europa.eu/" }, { "AI Act", url = "https://" }, { url = "https://a.eu" }, { "X", link = "https://a.eu" } }
                """, reviewed: "2026-13-01")
        let messages = try problems(source).map(\.message)
        #expect(
            messages.contains("rule `test.x`: reference 1: url `http://eur-lex.europa.eu/` is not an https address"))
        #expect(messages.contains("rule `test.x`: reference 2: url `https://` has no host"))
        #expect(messages.contains { $0.hasPrefix("rule `test.x`: reference 3 must start with its citation") })
        #expect(messages.contains("rule `test.x`: reference 4 has an unknown field `link`; it takes `url`"))
        #expect(messages.contains { $0.hasPrefix("rule `test.x`: `reviewed`:") })
    }
}
