import CadreEngine
import CadreModel
import Foundation
import Testing

/// Plugins in a workspace: plugin.yaml checked like pack.yaml, taxonomy terms merged, Lua modules
/// rules `require`, and plugin files checked field by field.
@Suite struct PluginTests {
    static let manifest = """
        cadre: plugin/v1
        id: plug
        version: 1.0.0
        api: 1
        title: A test plugin
        provides:
          detectors: [detectors.lua]
          taxonomy: [terms.yaml]
        """

    static let workspace = """
        cadre: workspace/v1
        systems: [systems]
        packs: [./pack]
        plugins: [./plug]
        """

    /// A workspace with the plugin `plug` (its files) and one pack holding `rules`.
    static func workspace(plugin files: [String: String], rules: [String: String] = [:], manifest: String = manifest)
        throws -> TemporaryWorkspace
    {
        var extra = ["cadre.yaml": workspace, "plug/plugin.yaml": manifest]
        for (name, text) in files { extra["plug/\(name)"] = text }
        let defaults = [
            "plug/terms.yaml":
                "cadre: taxonomy/v1\ndata_categories:\n  user.government_id.badge: { name: Badge number }\n",
            "plug/detectors.lua": "return {}",
        ]
        for (name, text) in defaults where extra[name] == nil { extra[name] = text }
        return try TemporaryWorkspace.with(
            rules: rules.isEmpty ? ["ok.lua": TemporaryWorkspace.rule("ok", check: "")] : rules, extra: extra)
    }

    @Test func manifestProblemsAreLocated() throws {
        let future = Self.manifest.replacingOccurrences(of: "api: 1", with: "api: 2")
        let opened = try Self.workspace(plugin: [:], manifest: future).open()
        let problem = try #require(opened.diagnostics.first { $0.isError })
        #expect(problem.message == "plugin `plug` needs plugin API 2; this cadre provides API 1")
        #expect(problem.location.file.hasSuffix("plug/plugin.yaml"))
        #expect(problem.location.line == 4)
        #expect(opened.plugins.isEmpty)

        let misspelt = Self.manifest.replacingOccurrences(of: "detectors:", with: "detector:")
        let second = try Self.workspace(plugin: [:], manifest: misspelt).open()
        let unknown = try #require(second.diagnostics.first { $0.code == .unknownKey })
        #expect(unknown.location.line == 7)
        #expect(unknown.hint == "did you mean `detectors`?")

        let escaping = Self.manifest.replacingOccurrences(of: "[detectors.lua]", with: "[../pack/ok.lua]")
        let third = try Self.workspace(plugin: [:], manifest: escaping).open()
        #expect(
            third.diagnostics.contains {
                $0.message == "`../pack/ok.lua` is not a .lua file inside the plugin's folder"
            })
    }

    @Test func pluginTaxonomyTermsAreMerged() throws {
        let opened = try Self.workspace(plugin: [:]).open()
        #expect(opened.diagnostics.filter(\.isError).isEmpty)
        #expect(opened.taxonomy.term("user.government_id.badge", in: .dataCategory)?.origin == "plug")
    }

    @Test func rulesRequirePluginModules() throws {
        let rules = [
            "double.lua": TemporaryWorkspace.rule(
                "double",
                check: """
                    local util = require("plug.util")
                    if util.double(21) ~= 42 then ctx:fail("no") end
                    ctx:info(util.greeting)
                    """),
            "missing.lua": TemporaryWorkspace.rule("missing", check: "require(\"plug.nothing\")"),
            "unknown.lua": TemporaryWorkspace.rule("unknown", check: "require(\"elsewhere.util\")"),
        ]
        let files = [
            "lib/util.lua":
                "local helpers = require(\"helpers\")\nreturn { double = function(x) return helpers.twice(x) end, greeting = 'from ' .. plugin.id }",
            "lib/helpers.lua": "return { twice = function(x) return 2 * x end }",
        ]
        let evaluation = try Self.workspace(plugin: files, rules: rules).evaluate()
        let double = try #require(evaluation.result("test.double"))
        #expect(double.status == .pass)
        #expect(double.findings.map(\.message) == ["from plug"])
        let missing = try #require(evaluation.result("test.missing"))
        #expect(missing.status == .error)
        #expect(
            missing.failure?.message
                == "module 'plug.nothing' not found: pack test has no lib/plug/nothing.lua, and plugin plug has no lib/nothing.lua"
        )
        #expect(missing.failure?.location?.file.hasSuffix("pack/missing.lua") == true)
        let unknown = try #require(evaluation.result("test.unknown"))
        #expect(
            unknown.failure?.message
                == "module 'elsewhere.util' not found: pack test has no lib/elsewhere/util.lua, and no enabled plugin provides it (enabled: plug; plugin modules are `<plugin id>.<module>`)"
        )
    }

    @Test func pluginModulesAreFrozen() throws {
        let rules = ["write.lua": TemporaryWorkspace.rule("write", check: "require(\"plug.util\").double = nil")]
        let evaluation = try Self.workspace(
            plugin: ["lib/util.lua": "return { double = function(x) return 2 * x end }"], rules: rules
        ).evaluate()
        #expect(evaluation.result("test.write")?.failure?.message.contains("read-only table") == true)
    }

    @Test func detectorTablesAreCheckedFieldByField() throws {
        let source = """
            return {
              { name = "badge", category = "user.government_id.badge", pattern = "B%d%d%d%d", validate = function(s) return true end },
              { name = "bad", category = "user.government_id.badge", patern = "x" },
              { name = "typed", category = "user.government_id.badge", pattern = 42 },
              { name = "email", category = "user.contact.email", pattern = "x" },
              { name = "unknown", category = "user.nope", pattern = "x" },
              { name = "broken", category = "user.contact", pattern = "[a-" },
            }
            """
        let opened = try Self.workspace(plugin: ["detectors.lua": source]).open()
        let runtime = try PluginRuntime(plugins: opened.plugins, taxonomy: opened.taxonomy)
        #expect(runtime.detectorInfos.map(\.name) == ["badge"])
        let messages = runtime.diagnostics.map(\.message)
        #expect(messages.contains("detector `bad` has an unknown field `patern`"))
        #expect(messages.contains("detector `bad` is missing required field `pattern` (a string)"))
        #expect(messages.contains("detector `typed`: field `pattern` must be a string, not a number"))
        #expect(messages.contains("detector `email`: a detector named 'email' is already registered"))
        #expect(messages.contains("detector `unknown`: `user.nope` is not a data category of the taxonomy"))
        #expect(messages.contains { $0.hasPrefix("detector `broken`: malformed pattern") })
        #expect(runtime.diagnostics.allSatisfy { $0.location.file.hasSuffix("plug/detectors.lua") })
    }
}
