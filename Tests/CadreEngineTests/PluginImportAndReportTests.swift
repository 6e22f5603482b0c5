import CadreEngine
import CadreModel
import Foundation
import LuaHost
import Testing

/// Importers and reporters run by a PluginRuntime: YAML written in the format's order, problems
/// at the input's lines, and hostile importers and reporters reported with their file and line.
@Suite struct PluginImportAndReportTests {
    static let manifest = """
        cadre: plugin/v1
        id: plug
        version: 1.0.0
        api: 1
        title: Importers and reporters
        provides:
          importers: [importer.lua]
          reporters: [reporter.lua]
        """

    /// A runtime with the plugin's `importer.lua` and `reporter.lua`, and an input file.
    func runtime(
        importer: String = "return {format = 'x', import = function() return {} end}",
        reporter: String = "return {format = 'y', render = function() return '' end}",
        limits: LuaLimits = .default
    ) throws -> (PluginRuntime, TemporaryWorkspace) {
        let workspace = try TemporaryWorkspace(files: [
            "plug/plugin.yaml": Self.manifest, "plug/importer.lua": importer, "plug/reporter.lua": reporter,
            "input.yaml": "systems:\n  - key: chat\n    label: Chat\n  - key: 12\n",
        ])
        var taxonomy = try Taxonomy.bundled()
        let (plugins, problems) = PluginLoader.loadAll(
            ["plug"], in: WorkspaceFiles(root: workspace.root.path), into: &taxonomy)
        #expect(problems.isEmpty)
        return (try PluginRuntime(plugins: plugins, taxonomy: taxonomy, limits: limits), workspace)
    }

    static let importer = """
        return {
          format = "x",
          import = function(files, ctx)
            local out = {}
            for _, s in ipairs(files[1].data.systems) do
              if type(s.key) ~= "string" then
                ctx:warn(s, "system %s has no key", tostring(s.key))
              else
                out[#out + 1] = {
                  path = "systems/" .. s.key .. ".yaml",
                  comments = { [""] = "Imported from " .. files[1].name, owner = "Who is accountable?" },
                  document = {
                    ["x-source"] = { label = s.label, _order = { "label" } },
                    purposes = { { id = "support", uses = { "essential.service.operations.support" }, legal_basis = "contract" } },
                    owner = "no", name = s.label, id = s.key, cadre = "system/v1",
                    description = "Line one\\nline two",
                    data = { { category = "user.contact.email", retention = { period = "P1Y", from = "collection" },
                               subjects = { "customer" }, purposes = { "support" } } },
                  },
                }
              end
            end
            out[#out + 1] = { path = "notes/readme.txt", text = "12: not a number\\n" }
            return out
          end,
        }
        """

    @Test func documentsAreWrittenInTheFormatsOrder() throws {
        let (runtime, workspace) = try runtime(importer: Self.importer)
        let input = workspace.root.appendingPathComponent("input.yaml").path
        let result = runtime.runImport(format: "x", paths: [input])
        #expect(result.diagnostics.map(\.message) == ["system 12 has no key"])
        #expect(result.diagnostics.first?.location.line == 4)
        #expect(result.files.map(\.path) == ["systems/chat.yaml", "notes/readme.txt"])
        #expect(result.files.first?.format == "system/v1")
        #expect(
            result.files.first?.text == """
                # Imported from \(input)
                cadre: system/v1
                id: chat
                name: Chat
                description: |-
                  Line one
                  line two
                # Who is accountable?
                owner: 'no'
                purposes:
                  - id: support
                    legal_basis: contract
                    uses: [essential.service.operations.support]
                data:
                  - category: user.contact.email
                    subjects: [customer]
                    purposes: [support]
                    retention: {period: P1Y, from: collection}
                x-source: {label: Chat}

                """)
        #expect(result.files.last?.text == "12: not a number\n")
        // What was written reads back as a valid descriptor.
        try workspace.write("out/systems/chat.yaml", result.files[0].text)
        #expect(
            ImportCheck.check(
                [result.files[0]], in: workspace.root.appendingPathComponent("out").path,
                taxonomy: try Taxonomy.bundled()
            ).isEmpty)
    }

    /// Inputs reach Lua straight from libyaml's events when they are usual, from the established
    /// way's tree otherwise (an anchor and its alias here): the importer sees the same values, and
    /// its notes point at the same lines, either way. A broken input is refused with its line.
    @Test func inputsReadEitherWayAreTheSame() throws {
        let importer = """
            return {format = 'x', import = function(files, ctx)
              for _, file in ipairs(files) do
                for _, s in ipairs(file.data.systems) do
                  ctx:warn(s, "%s %s %s %s", file.name:match("[^/]*$"), s.key, s.label, tostring(s.count))
                end
              end
              return {}
            end}
            """
        let (runtime, workspace) = try runtime(importer: importer)
        try workspace.write(
            "usual.yaml", "systems:\n  - key: chat\n    label: Chat\n  - key: mail\n    label: Chat\n    count: 2\n")
        try workspace.write(
            "aliased.yaml", "systems:\n  - key: chat\n    label: &l Chat\n  - key: mail\n    label: *l\n    count: 2\n")
        let result = runtime.runImport(
            format: "x", paths: ["usual.yaml", "aliased.yaml"].map { workspace.root.appendingPathComponent($0).path })
        #expect(
            result.diagnostics.map { "\($0.location.line): \($0.message)" } == [
                "2: usual.yaml chat Chat nil", "4: usual.yaml mail Chat 2",
                "2: aliased.yaml chat Chat nil", "4: aliased.yaml mail Chat 2",
            ])

        try workspace.write("broken.yaml", "systems:\n  - key: [chat\n")
        let broken = runtime.runImport(format: "x", paths: [workspace.root.appendingPathComponent("broken.yaml").path])
        let problem = try #require(broken.diagnostics.first)
        #expect(problem.isError && problem.location.file.hasSuffix("broken.yaml") && problem.location.line == 3)
        #expect(broken.files.isEmpty)
    }

    @Test(arguments: [
        (
            "return {format = 'x', import = function() return {{path = '../escape.yaml', text = ''}} end}",
            "`../escape.yaml` is not a path inside the output folder"
        ),
        (
            "return {format = 'x', import = function() return {{path = '/etc/passwd', text = ''}} end}",
            "`/etc/passwd` is not a path inside the output folder"
        ),
        ("return {format = 'x', import = function() return 'files' end}", "import must return a list of files"),
        (
            "return {format = 'x', import = function() return {{path = 'a.yaml', document = 3}} end}",
            "`a.yaml`: document must be a table, not a number"
        ),
        (
            "return {format = 'x', import = function() return {{path = 'a', text = 'x'}, {path = 'a', text = 'y'}} end}",
            "`a` is produced twice"
        ),
        ("return {format = 'x', import = function() while true do end end}", "instruction limit exceeded"),
        (
            "return {format = 'x', import = function() local t = {} while true do t[#t + 1] = ('x'):rep(1e6) end end}",
            "memory limit exceeded"
        ),
        ("return {format = 'x', import = function() return io.open('/etc/passwd') end}", "undefined global 'io'"),
        // The list is read one file at a time: a problem still names where in the list it is.
        (
            "return {format = 'x', import = function() return {{path = 'a', text = 'x'}, {path = 'b', document = {f = function() end}}} end}",
            "at [2].document.f: a function value cannot be copied to the host"
        ),
        (
            "return {format = 'x', import = function() return {{path = 'a', text = 'x'}, function() end} end}",
            "at [2]: a function value cannot be copied to the host"
        ),
        (
            "return {format = 'x', import = function() return {{path = 'a', text = 'x'}, nil, {path = 'c', text = 'z'}} end}",
            "element 2 of what import returned is a nil, not a file"
        ),
        (
            "return {format = 'x', import = function() return {{path = 'a', text = 'x'}, name = 'b'} end}",
            "import must return a list of files"
        ),
        (
            "return {format = 'x', import = function() return {{path = 'a', text = 'x'}, {path = 'a', text = 'y'}} end}",
            "`a` is produced twice"
        ),
        ("return {format = 'x', import = function() return {{path = 'a', text = 'x'}, 7} end}", "element 2 of what"),
        // One string in Lua, 200 copies in the host: the copies together stay within the limit.
        (
            "return {format = 'x', import = function() local s, out = ('x'):rep(1e6), {} for i = 1, 200 do out[i] = {path = 'f' .. i, text = s} end return out end}",
            "too large to hand to the host"
        ),
        (
            "return {format = 'x', import = function(files) return files end}",
            "file 1 has unknown fields: data, name"
        ),
    ])
    func hostileImportersWriteNothing(source: String, message: String) throws {
        let (runtime, workspace) = try runtime(
            importer: source, limits: LuaLimits(memoryBytes: 16 << 20, instructions: 1_000_000, deadline: .seconds(5)))
        let result = runtime.runImport(format: "x", paths: [workspace.root.appendingPathComponent("input.yaml").path])
        #expect(result.files.isEmpty)
        let problem = try #require(result.diagnostics.first { $0.isError })
        #expect(problem.message.contains(message), "\(problem.message)")
        #expect(problem.location.file.hasSuffix("plug/importer.lua"))
    }

    @Test func reportersGetTheJSONReport() throws {
        let (runtime, _) = try runtime(
            reporter: """
                return {
                  format = "y",
                  render = function(report)
                    return report.format .. " " .. report.systems[1].id .. " " .. report.summary.statuses.fail
                  end,
                }
                """)
        let json =
            #"{"format": "cadre-evaluation/v1", "summary": {"statuses": {"fail": 2}}, "systems": [{"id": "chat"}]}"#
        #expect(try runtime.render(format: "y", report: json) == "cadre-evaluation/v1 chat 2")
    }

    @Test(arguments: [
        ("return {format = 'y', render = function() return 42 end}", "render must return a string, not a number", 1),
        ("return {format = 'y', render = function(report)\n  report.format = 'x'\nend}", "read-only table", 2),
        ("return {format = 'y', render = function()\n\n  while true do end end}", "instruction limit exceeded", 3),
        ("return {format = 'json', render = function() return '' end}", "is a built-in format", 1),
    ])
    func hostileReportersAreReportedWithTheirLine(source: String, message: String, line: Int) throws {
        var taxonomy = try Taxonomy.bundled()
        let workspace = try TemporaryWorkspace(files: [
            "plug/plugin.yaml": Self.manifest,
            "plug/importer.lua": "return {format = 'x', import = function() return {} end}",
            "plug/reporter.lua": source,
        ])
        let (plugins, _) = PluginLoader.loadAll(
            ["plug"], in: WorkspaceFiles(root: workspace.root.path), into: &taxonomy)
        let runtime = try PluginRuntime(
            plugins: plugins, taxonomy: taxonomy,
            limits: LuaLimits(memoryBytes: 16 << 20, instructions: 1_000_000, deadline: .seconds(5)),
            reservedFormats: ["json"])
        if source.contains("'json'") {
            let problem = try #require(runtime.diagnostics.first)
            #expect(problem.message.contains(message))
            #expect(problem.location.line == line)
            return
        }
        do {
            _ = try runtime.render(format: "y", report: #"{"format": "cadre-evaluation/v1"}"#)
            Issue.record("the reporter should have failed")
        } catch {
            #expect(error.message.contains(message), "\(error.message)")
            #expect(error.location.file.hasSuffix("plug/reporter.lua"))
            #expect(error.location.line == line)
        }
    }
}
