import Foundation
import Testing

/// `cadre plugins`, `cadre import` and plugin report formats, with the bundled plugins.
@Suite struct PluginCommandTests {
    static let root = CadreCommand.repositoryRoot
    static let plugins = root.appendingPathComponent("plugins").path

    static func workspace(_ extra: String = "", files: [String: String] = [:]) throws -> TemporaryFolder {
        var all = files
        all["cadre.yaml"] = """
            cadre: workspace/v1
            systems: [systems]
            plugins: [\(plugins)/pii-fr, \(plugins)/csv-findings, \(plugins)/fides]
            \(extra)
            """
        return try TemporaryFolder(files: all)
    }

    @Test func pluginsListAndShowDescribeThem() throws {
        let folder = try Self.workspace(files: ["systems/.keep": ""])
        let list = try CadreCommand.run(["plugins", "list"], in: folder.url)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("pii-fr 1.0.0 — French identifiers for store scans"))
        #expect(
            list.stdout.contains(
                "detectors: siren, siret, tva-fr, immatriculation · taxonomy: 1 file · modules: pii-fr.checksums"))
        #expect(list.stdout.contains("reporters: csv"))
        #expect(list.stdout.contains("importers: fides"))
        #expect(list.stdout.contains("3 plugins enabled (plugin API 1)"))

        let show = try CadreCommand.run(["plugins", "show", "pii-fr"], in: folder.url)
        #expect(show.status == 0)
        #expect(
            show.stdout.contains(
                "siret  user.government_id.business_registration  pattern %f[%w](%d%d%d ?%d%d%d ?%d%d%d ?%d%d%d%d%d)%f[%W]"
            ))
        let unknown = try CadreCommand.run(["plugins", "show", "pii-f"], in: folder.url)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean `pii-fr`?"))
    }

    @Test func aPluginNeedingAnotherAPIIsReportedWithItsLine() throws {
        let folder = try TemporaryFolder(files: [
            "cadre.yaml": "cadre: workspace/v1\nplugins: [./future]\n",
            "future/plugin.yaml": "cadre: plugin/v1\nid: future\nversion: 2.0.0\napi: 7\ntitle: From the future\n",
        ])
        let list = try CadreCommand.run(["plugins", "list"], in: folder.url)
        #expect(list.status == 2)
        #expect(
            list.stderr.contains(
                "future/plugin.yaml:4:6: error: plugin `future` needs plugin API 7; this cadre provides API 1"))
    }

    @Test func csvReportsOneLinePerFinding() throws {
        let folder = try Self.workspace(
            "packs: [./pack]",
            files: [
                "pack/pack.yaml": "cadre: pack/v1\nid: test\nversion: 1.0.0\ntitle: Test\napi: 1\n",
                "pack/r.lua": """
                return {
                  id = "test.quotes", title = "Quotes, commas", severity = "high", references = {"A", "B"},
                  check = function(system, ctx)
                    ctx:fail(system, 'a "quoted" word, a comma\\nand a line')
                    ctx:warn({system, "name"}, "=1+1 looks like a formula")
                  end,
                }
                """,
                "systems/a.yaml": "cadre: system/v1\nid: a\nname: Système A\nowner: team@example.com\n",
            ])
        let output = try CadreCommand.run(
            ["evaluate", "--format", "csv", "--as-of", "2026-01-01", "--output", "findings.csv"], in: folder.url)
        #expect(output.status == 1, "\(output.stderr)")
        let bytes = try Data(contentsOf: folder.url.appendingPathComponent("findings.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(
            text.hasPrefix(
                "system,system_name,rule,rule_title,severity,status,level,message,file,line,column,path,references,evidence,waiver\r\n"
            ))
        let rows = Self.csv(text)
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { $0.count == 15 })
        #expect(rows[1][0] == "a" && rows[1][1] == "Système A" && rows[1][3] == "Quotes, commas")
        #expect(rows[1][7] == "a \"quoted\" word, a comma\nand a line")
        #expect(rows[1][12] == "A; B")
        #expect(rows[2][6] == "warn" && rows[2][7] == "'=1+1 looks like a formula" && rows[2][9] == "3")

        let unknown = try CadreCommand.run(["evaluate", "--format", "csf"], in: folder.url)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown format `csf` (did you mean `csv`?)"))
    }

    /// RFC 4180 records.
    static func csv(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text)[...]
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" {
                        field.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field)
                field = ""
            } else if c == "\r\n" || c == "\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.append(c)
            }
        }
        return rows
    }
}
