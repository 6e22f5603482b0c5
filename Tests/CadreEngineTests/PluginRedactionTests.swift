import CadreEngine
import CadreModel
import Foundation
import Testing

/// A plugin's redaction is checked by what it reveals: its output must be the match with letters
/// and digits kept or replaced by `*` in place, keeping no more than the category's policy allows.
/// Every disguise of the card number below stops the detector with a `plugin` error that shows
/// neither the match nor the output; the declarative form and cadre's standard redaction pass.
@Suite struct PluginRedactionTests {
    /// A card detector whose `redact` field is `redact` (Lua), on line 6.
    static func cardDetector(redact: String, category: String = "user.financial.credit_card") -> String {
        """
        return {
          name = "card16",
          category = "\(category)",
          pattern = "%f[%d](%d%d%d%d %d%d%d%d %d%d%d%d %d%d%d%d)%f[%D]",
          validate = function(candidate) return true end,
          redact = \(redact),
        }
        """
    }

    static let rule = TemporaryWorkspace.rule(
        "scan",
        check: """
            local scanned = ctx:store("crm"):scan("notes", { detectors = { "card16" } })
            local cards = scanned.detectors.card16
            ctx:info({system, evidence = cards.examples}, "%d cards", cards.matches)
            """)

    func evaluate(_ detector: String) throws -> Evaluation {
        try HostileDetectorWorkspace(detectors: detector, rules: ["scan.lua": Self.rule]).evaluate()
    }

    static let notInPlace =
        "detector `card16` of plugin plug failed: redact returned text that is not the match with letters and digits kept or replaced by `*` in place (same length, other characters kept); it was refused and is not shown"
    static let tooMuch =
        "detector `card16` of plugin plug failed: redact showed more than a `user.financial.credit_card` match may show (at most the last 4 letters or digits, a third of the match at most); it was refused and is not shown"

    @Test(arguments: [
        ("function(m) return m:reverse() end", notInPlace),
        (#"function(m) return (m:gsub("%d", function(d) return tostring((d + 1) % 10) end)) end"#, notInPlace),
        (#"function(m) return (m:gsub("%d", function(d) return string.char(65 + d) end)) end"#, notInPlace),
        (
            #"function(m) local i = 0 return (m:gsub("%d", function(d) i = i + 1 return i % 2 == 1 and d or "*" end)) end"#,
            tooMuch
        ),
        (#"function(m) return (m:gsub(" ", "")) .. "   " end"#, notInPlace),
        (#"function(m) return (m:gsub(" ", "-")) end"#, notInPlace),
        (#"function(m) return "**** **** **** " .. m:sub(-4) .. "*" end"#, notInPlace),
        (#"function(m) return " " .. ("*"):rep(14) .. m:sub(-4) end"#, notInPlace),
        (#"function(m) return m:sub(1, 4) .. " **** **** " .. m:sub(-4) end"#, tooMuch),
        (#"function(m) return "**** **** **" .. m:sub(-7) end"#, tooMuch),
        ("function(m) return m end", tooMuch),
        (#"function(m) return "badge " .. m end"#, notInPlace),
    ])
    func disguisedRedactionsAreRefused(redact: String, message: String) throws {
        let evaluation = try evaluate(Self.cardDetector(redact: redact))
        let result = try #require(evaluation.result("test.scan"))
        #expect(result.status == .error)
        #expect(result.failure?.kind == "plugin")
        #expect(result.failure?.message == message)
        #expect(result.failure?.location?.file.hasSuffix("plug/detectors.lua") == true)
        #expect(result.failure?.location?.line == 6)
        #expect(HostileDetectorWorkspace.leaks(in: evaluation) == [])
    }

    @Test func aCaseChangedPlateIsRefused() throws {
        let detector = """
            return {
              name = "plate",
              category = "user.government_id.vehicle_registration",
              pattern = "%u%u%-%d%d%d%-%u%u",
              redact = function(match) return (match:lower():gsub("%d", "*")) end,
            }
            """
        let rule = TemporaryWorkspace.rule(
            "scan",
            check: """
                local scanned = ctx:store("crm"):scan("notes", { detectors = { "plate" } })
                ctx:info({system, evidence = scanned.detectors.plate.examples}, "%d plates", scanned.detectors.plate.matches)
                """)
        let evaluation = try HostileDetectorWorkspace(detectors: detector, rules: ["scan.lua": rule]).evaluate()
        let result = try #require(evaluation.result("test.scan"))
        #expect(
            result.failure?.message
                == "detector `plate` of plugin plug failed: redact returned text that is not the match with letters and digits kept or replaced by `*` in place (same length, other characters kept); it was refused and is not shown"
        )
        #expect(result.failure?.location?.line == 5)
        #expect(HostileDetectorWorkspace.leaks(in: evaluation) == [])
    }

    @Test func aRedactionInPlaceWithinThePolicyIsShown() throws {
        let evaluation = try evaluate(
            Self.cardDetector(redact: #"function(m) return "**** **** **** " .. m:sub(-4) end"#))
        let result = try #require(evaluation.result("test.scan"))
        #expect(result.status == .pass)
        #expect(result.findings.first?.message == "1 cards")
        #expect(result.findings.first?.evidence == ["body (row 3): **** **** **** 4242"])
    }

    @Test func theDeclarativeFormKeepsWhatItNames() throws {
        let evaluation = try evaluate(Self.cardDetector(redact: "{ keep_last = 2 }"))
        #expect(evaluation.result("test.scan")?.findings.first?.evidence == ["body (row 3): **** **** **** **42"])
    }

    @Test func aDetectorWithoutRedactionOfACardCategoryShowsNoFirstDigit() throws {
        // cadre's generic redaction keeps the first and the last character (`4***2`); a card
        // may show only its last four digits, so the detector gets the category's own form.
        let detector = Self.cardDetector(redact: "nil")
        let evaluation = try evaluate(detector)
        #expect(evaluation.result("test.scan")?.findings.first?.evidence == ["body (row 3): **** **** **** 4242"])
        // Of a category whose policy allows both ends, the generic form (the length hidden).
        let badge = try evaluate(Self.cardDetector(redact: "nil", category: "user.government_id.badge"))
        #expect(badge.result("test.scan")?.findings.first?.evidence == ["body (row 3): 4***2"])
    }

    @Test(arguments: [
        (
            "{ keep_first = 6, keep_last = 4 }",
            "detector `card16`: `redact` keeps more than a `user.financial.credit_card` match may show: at most the last 4 letters or digits, a third of the match at most"
        ),
        ("{ keep_last = -1 }", "detector `card16`: `redact.keep_last` must be a whole number from 0 to 64, not -1"),
        ("{ keep_lats = 2 }", "detector `card16`: `redact` has an unknown field `keep_lats`"),
        (
            "'****'",
            "detector `card16`: field `redact` must be a function or a table such as { keep_last = 2 }, not a string"
        ),
    ])
    func aDeclarativeRedactionBeyondThePolicyIsALoadProblem(redact: String, message: String) throws {
        let evaluation = try evaluate(Self.cardDetector(redact: redact))
        let problem = try #require(evaluation.diagnostics.first { $0.isError })
        #expect(problem.code.rawValue == "plugin-detector")
        #expect(problem.message == message)
        #expect(problem.location.file.hasSuffix("plug/detectors.lua"))
        #expect(problem.location.line == 6)
        // The detector is left out: the rule asking for it errs on its own.
        #expect(evaluation.result("test.scan")?.failure?.message.contains("no detector is named 'card16'") == true)
    }
}
