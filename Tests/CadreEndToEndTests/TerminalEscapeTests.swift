import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A rule, a test, a descriptor or a file name cannot drive the terminal nor rewrite a report:
/// control characters reach people as escapes (`\u{1B}`), and Markdown shows text as typed
/// (docs/output.md, "Text cadre did not write").
@Suite struct TerminalEscapeTests {
    /// The raw characters a hostile rule uses, none of which may reach an output for people.
    static let raw: [String] = ["\u{1B}", "\r", "\u{9B}", "\u{202E}", "\u{7}", "\u{7F}"]

    /// A rule whose every text clears the screen, rewrites its line, reorders what follows, and
    /// whose message is Markdown that would vanish or split its table.
    static let hostileRule = #"""
        return {
          id = 't.hostile',
          title = 'Clear\27[2J\27[H title',
          description = 'Line one\nLine two \27]0;owned\7',
          severity = 'high',
          references = {'Ref \27]8;;http://evil.example\7link\27]8;;\7'},
          check = function(system, ctx)
            print('log \27[31m red')
            ctx:fail({ node = system.purposes[1], evidence = { 'card \27[2K\r**** 1234' } },
              'FAIL\r\27[32mPASS \u{9B}2J \u{202E}deliaf\u{202C} transfers to <Ireland> | pipe\nforged line\127')
          end,
        }
        """#

    static let descriptor = """
        cadre: system/v1
        id: hostile
        name: "Evil \\e[2J name <b>"
        owner: team@example.com
        purposes:
          - { id: support, description: Answer customers, legal_basis: contract, uses: [essential.service.operations.support] }
        """

    static func workspace(_ extra: [String: String] = [:]) throws -> TemporaryFolder {
        try TemporaryFolder(
            files: [
                "cadre.yaml": "cadre: workspace/v1\npacks: [./pack]\n",
                "pack/pack.yaml": "cadre: pack/v1\nid: t\nversion: 1.0.0\ntitle: T\napi: 1\n",
                "pack/hostile.lua": hostileRule,
                "systems/hostile.yaml": descriptor,
            ].merging(extra) { $1 })
    }

    /// No raw control character in `text` (but the newlines and tabs of the output's own lines).
    static func expectNoRawControls(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for character in raw {
            #expect(
                !text.contains(character),
                "\(what) holds U+\(String(character.unicodeScalars.first!.value, radix: 16))",
                sourceLocation: sourceLocation)
        }
    }

    /// What `cadre arguments` prints on standard output in `workspace`, once its exit status is
    /// checked and its output (both streams) found free of raw controls.
    static func stdout(
        of arguments: [String], in workspace: TemporaryFolder, status: Int32,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        let output = try CadreCommand.run(arguments, in: workspace.url)
        #expect(output.status == status, "\(arguments): \(output.stderr)", sourceLocation: sourceLocation)
        expectNoRawControls(
            output.stdout + output.stderr, arguments.joined(separator: " "), sourceLocation: sourceLocation)
        return output.stdout
    }

    @Test func theTextReportShowsEscapesNotControls() throws {
        let stdout = try Self.stdout(of: ["evaluate"], in: try Self.workspace(), status: 1)
        #expect(stdout.contains("t.hostile  Clear\\u{1B}[2J\\u{1B}[H title\n"))
        #expect(
            stdout.contains(
                "systems/hostile.yaml:6:5: fail: FAIL\\r\\u{1B}[32mPASS \\u{9B}2J \\u{202E}deliaf\\u{202C} transfers to <Ireland> | pipe\\nforged line\\u{7F}\n"
            ))
        #expect(stdout.contains("            card \\u{1B}[2K\\r**** 1234\n"))
        #expect(stdout.contains("Ref \\u{1B}]8;;http://evil.example\\u{07}link\\u{1B}]8;;\\u{07}\n"))
        // The message is one line: its newline cannot forge a line of the report.
        #expect(!stdout.contains("\nforged line"))
    }

    @Test func theMarkdownReportShowsTextAsTyped() throws {
        let stdout = try Self.stdout(of: ["evaluate", "--format", "markdown"], in: try Self.workspace(), status: 1)
        #expect(stdout.contains("## `hostile` — Evil \\\\u{1B}\\[2J name \\<b>\n"))
        #expect(!stdout.replacingOccurrences(of: "\\<Ireland>", with: "").contains("<Ireland>"))
        #expect(
            stdout.contains(
                "| FAIL\\\\r\\\\u{1B}\\[32mPASS \\\\u{9B}2J \\\\u{202E}deliaf\\\\u{202C} transfers to \\<Ireland> \\| pipe\\\\nforged line\\\\u{7F} | `systems/hostile.yaml:6:5` |\n"
            ))
    }

    @Test func aFileNameWithControlsIsEscapedEverywhere() throws {
        let workspace = try Self.workspace([
            "systems/\u{1B}[2Jevil\r.yaml": Self.descriptor.replacingOccurrences(of: "id: hostile", with: "id: other")
        ])
        for format in ["text", "markdown"] {
            let stdout = try Self.stdout(of: ["evaluate", "--format", format], in: workspace, status: 1)
            #expect(stdout.contains("systems/\\u{1B}[2Jevil\\r.yaml"), "\(format)")
        }
    }

    @Test func theJUnitReportIsValidXML() throws {
        let workspace = try Self.workspace()
        let output = try CadreCommand.run(["evaluate", "--format", "junit"], in: workspace.url)
        #expect(output.status == 1, "\(output.stderr)")
        #expect(!output.stdout.contains("\u{1B}"))
        let parser = XMLParser(data: Data(output.stdout.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(output.stdout.contains("FAIL\r\u{FFFD}[32mPASS"))
    }

    @Test func policiesShowAndListEscapeTheRule() throws {
        let workspace = try Self.workspace()
        let show = try Self.stdout(of: ["policies", "show", "t.hostile"], in: workspace, status: 0)
        #expect(
            show.hasPrefix("t.hostile\nClear\\u{1B}[2J\\u{1B}[H title\n\nLine one\nLine two \\u{1B}]0;owned\\u{07}\n\n")
        )
        let list = try Self.stdout(of: ["policies", "list"], in: workspace, status: 0)
        #expect(list.contains("Clear\\u{1B}[2J\\u{1B}[H title"))
    }

    @Test func problemsOnStandardErrorAreEscaped() throws {
        let workspace = try Self.workspace(["pack/broken.lua": "error('\\27[2J\\27[Hcadre: all clear\\rPASS')\n"])
        let output = try CadreCommand.run(["policies", "list"], in: workspace.url)
        #expect(output.status == 2)
        Self.expectNoRawControls(output.stderr, "standard error")
        #expect(
            output.stderr.contains(
                "pack/broken.lua:1:1: error: the rule file failed while loading: \\u{1B}[2J\\u{1B}[Hcadre: all clear\\rPASS [rule-load]\n"
            ))
    }

    @Test func validateEscapesTheValuesItQuotes() throws {
        let workspace = try TemporaryFolder(files: [
            "systems/a.yaml": Self.descriptor.replacingOccurrences(
                of: "legal_basis: contract", with: "legal_basis: \"\\e[2Jcontract\\r\"")
        ])
        let stdout = try Self.stdout(of: ["validate", "systems"], in: workspace, status: 2)
        #expect(stdout.contains("\\u{1B}[2Jcontract\\r"))
    }

    @Test func testReportsEscapeNamesMessagesAndWhatTestsPrinted() throws {
        let workspace = try Self.workspace([
            "pack/tests/hostile_test.lua": #"""
            describe("suite \27[2J", function()
              it("prints \27]0;title\7", function()
                print("out \27[31m red\nsecond \r line")
                expect("\27[32mPASS"):to_be("\r")
              end)
            end)
            """#
        ])
        let stdout = try Self.stdout(of: ["test", "pack", "--verbose"], in: workspace, status: 1)
        #expect(stdout.contains("  FAIL   suite \\u{1B}[2J prints \\u{1B}]0;title\\u{07}\n"))
        #expect(stdout.contains("| out \\u{1B}[31m red\n"))
        #expect(stdout.contains("| second \\r line\n"))
    }

    @Test func recheckAndDiffEscapeWhatChanged() throws {
        let workspace = try Self.workspace()
        let recheck = try Self.stdout(of: ["recheck"], in: workspace, status: 1)
        #expect(recheck.contains("FAIL\\r\\u{1B}[32mPASS \\u{9B}2J"))
        _ = try Self.stdout(of: ["diff", "last", "last"], in: workspace, status: 0)
        _ = try Self.stdout(of: ["history"], in: workspace, status: 0)
        _ = try Self.stdout(of: ["timeline"], in: workspace, status: 0)
    }
}
