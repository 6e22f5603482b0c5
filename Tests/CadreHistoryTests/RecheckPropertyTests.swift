import CadreEngine
import CadreHistory
import CadreModel
import CadreTestSupport
import Foundation
import Testing

/// The property a re-check must keep: its results equal a full evaluation's on the same inputs,
/// whatever was edited since the last run. Random edit sequences on real workspaces.
@Suite struct RecheckPropertyTests {
    @Test(arguments: 0..<24)
    func aRecheckEqualsAFullEvaluation(seed: UInt64) throws {
        var random = SplitMix(seed: seed &* 0x9E37_79B9 &+ 17)
        var model = WorkspaceModel()
        let workspace = try HistoryWorkspace(files: model.files())
        var asOf = "2026-11-29"
        var log: [String] = []
        var partial = 0
        for step in 0..<9 {
            if step > 0 {
                let edit = model.edit(&random, asOf: &asOf)
                log.append(edit)
                // Write every file anew; remove the ones that are gone.
                for path in model.removed { if workspace.exists(path) { try workspace.remove(path) } }
                model.removed = []
                for (path, text) in model.files() where (try? workspace.read(path)) != text {
                    try workspace.write(path, text)
                }
            }
            let outcome = try workspace.recheck(asOf: asOf)
            let run = try #require(
                outcome.run, "seed \(seed), after \(log): the re-check was blocked: \(outcome.diagnostics)")
            if let plan = outcome.plan, !plan.isFull, plan.evaluatedPairs < plan.totalPairs { partial += 1 }
            let history = try workspace.history()
            let recorded = try #require(try history.lastRun())
            #expect(recorded.info.id == run.info.id)
            let view = try history.evaluation(of: recorded)
            let full = try workspace.evaluate(asOf: asOf)
            let context = "seed \(seed), as of \(asOf), after: \(log.joined(separator: "; "))"
            #expect(view.rules == full.rules, "\(context)")
            #expect(view.diagnostics == full.diagnostics, "\(context)")
            #expect(view.systems.map(\.file) == full.systems.map(\.file), "\(context)")
            #expect(view.packs.sorted { $0.id < $1.id } == full.packs.sorted { $0.id < $1.id }, "\(context)")
            for (mine, theirs) in zip(view.systems, full.systems) where mine != theirs {
                let differing = zip(mine.results, theirs.results).filter { $0 != $1 }.map {
                    "\($0.0.rule): \($0.0) ≠ \($0.1)"
                }
                Issue.record(
                    "\(context): \(theirs.file) differs: ids \(String(describing: mine.id))/\(String(describing: theirs.id)), \(mine.results.count)/\(theirs.results.count) results, \(differing.prefix(2)), diagnostics \(mine.diagnostics == theirs.diagnostics), waivers \(mine.waivers == theirs.waivers)"
                )
            }
        }
        // The property would hold trivially if every re-check evaluated everything.
        #expect(partial >= 3, "seed \(seed): only \(partial) partial re-checks after \(log)")
    }
}

/// The workspace of the property test as values: every edit changes a value, `files()` writes
/// the workspace that the values describe.
struct WorkspaceModel {
    struct System {
        var id: String
        var recordings = "P2Y"
        var ai = false
        var waiver: (rule: String, expires: String)?
        var broken = false
    }

    var retentionLimit = "P6M"
    var retentionMessage = "recordings kept %s"
    var sharedWord = "alpha"
    var windowStart = "2027-01-01"
    var lapseEnd = "2027-06-30"
    var version = "1.0.0"
    var calendar = "a"
    var memory = 64
    var extraRule = false
    var systems: [String: System] = [
        "systems/a.yaml": System(id: "a"),
        "systems/b.yaml": System(id: "b", recordings: "P3M", ai: true),
        "systems/c.yaml": System(id: "c", recordings: "P1Y", waiver: ("test.asof", "2027-06-30")),
    ]
    var waivers: [(rule: String, system: String, expires: String)] = [("test.retention", "a", "2026-12-31")]
    var removed: [String] = []

    static let dates = [
        "2026-06-01", "2026-08-31", "2026-09-01", "2026-12-31", "2027-01-01", "2027-06-30", "2027-07-01", "2028-01-01",
    ]
    static let expiries = ["2026-08-31", "2026-12-31", "2027-06-30", "2027-12-31"]
    static let rules = [
        "test.retention", "test.window", "test.asof", "test.shared", "test.version", "test.*", "other.lapse",
    ]

    /// Applies one random edit; returns what it did.
    mutating func edit(_ random: inout SplitMix, asOf: inout String) -> String {
        let files = systems.keys.sorted()
        let file = files.randomElement(using: &random) ?? "systems/a.yaml"
        switch Int.random(in: 0..<17, using: &random) {
        case 0:
            retentionLimit = retentionLimit == "P6M" ? "P1Y" : "P6M"
            return "retention limit \(retentionLimit)"
        case 1:
            retentionMessage = retentionMessage.hasPrefix("recordings") ? "kept %s: too long" : "recordings kept %s"
            return "retention message"
        case 2:
            sharedWord = sharedWord == "alpha" ? "beta" : "alpha"
            return "module word \(sharedWord)"
        case 3:
            windowStart = ["2026-09-01", "2027-01-01", "2027-07-01"].randomElement(using: &random) ?? windowStart
            return "window start \(windowStart)"
        case 4:
            version = version == "1.0.0" ? "1.1.0" : "1.0.0"
            return "version \(version)"
        case 5:
            calendar = calendar == "a" ? "b" : "a"
            return "calendar \(calendar)"
        case 6:
            memory = memory == 64 ? 32 : 64
            return "memory \(memory)"
        case 7:
            extraRule.toggle()
            if !extraRule { removed.append("pack/extra.lua") }
            return extraRule ? "extra rule added" : "extra rule removed"
        case 8:
            lapseEnd = lapseEnd == "2027-06-30" ? "2026-12-31" : "2027-06-30"
            return "lapse end \(lapseEnd)"
        case 9:
            systems[file]?.recordings = ["P2Y", "P3M", "P1Y", "P6M"].randomElement(using: &random) ?? "P2Y"
            return "\(file) recordings \(systems[file]?.recordings ?? "")"
        case 10:
            systems[file]?.ai.toggle()
            return "\(file) ai \(systems[file]?.ai ?? false)"
        case 11:
            if systems[file]?.waiver == nil {
                systems[file]?.waiver = (
                    Self.rules.randomElement(using: &random) ?? "test.asof",
                    Self.expiries.randomElement(using: &random) ?? "2026-12-31"
                )
            } else {
                systems[file]?.waiver = nil
            }
            return "\(file) waiver \(String(describing: systems[file]?.waiver))"
        case 12:
            let name = "systems/n\(Int.random(in: 0..<4, using: &random)).yaml"
            if systems[name] == nil {
                // Sometimes with the id of another system: a duplicate.
                let id =
                    Bool.random(using: &random) ? (systems[file]?.id ?? "x") : String(name.dropFirst(8).dropLast(5))
                systems[name] = System(id: id, recordings: "P1Y", ai: Bool.random(using: &random))
                return "added \(name) as \(id)"
            }
            systems[name] = nil
            removed.append(name)
            return "removed \(name)"
        case 13:
            guard systems.count > 1 else { return "nothing" }
            systems[file] = nil
            removed.append(file)
            return "removed \(file)"
        case 14:
            systems[file]?.broken.toggle()
            return "\(file) broken \(systems[file]?.broken ?? false)"
        case 15:
            if waivers.isEmpty || Bool.random(using: &random) {
                let system = systems.values.map(\.id).sorted().randomElement(using: &random) ?? "a"
                waivers.append(
                    (
                        Self.rules.randomElement(using: &random) ?? "test.retention", system,
                        Self.expiries.randomElement(using: &random) ?? "2026-12-31"
                    ))
            } else {
                waivers.removeFirst()
            }
            return "workspace waivers \(waivers.map { "\($0.rule)@\($0.system)→\($0.expires)" })"
        default:
            asOf = Self.dates.randomElement(using: &random) ?? asOf
            return "as of \(asOf)"
        }
    }

    func files() -> [String: String] {
        var files: [String: String] = [
            "cadre.yaml": """
            cadre: workspace/v1
            name: Property
            systems: [systems]
            packs: [./pack, ./other]
            waivers: [waivers.yaml]
            settings: { test: { calendar: \(calendar) } }
            limits: { memory_mb: \(memory), instructions: 1000000, deadline_ms: 0 }

            """,
            "pack/pack.yaml": """
            cadre: pack/v1
            id: test
            version: \(version)
            title: Test pack
            api: 1
            settings:
              calendar: { default: a, values: [a, b], description: Which dates. }
            data: data.yaml

            """,
            "pack/data.yaml": "calendars:\n  a: { start: \(windowStart) }\n  b: { start: 2026-09-01 }\n",
            "pack/lib/shared.lua": "return { word = \"\(sharedWord)\" }\n",
            "pack/retention.lua": """
            -- Recordings are kept no longer than the limit.
            return {
              id = "test.retention", title = "Retention", severity = "high", references = { "Test Art. 1" },
              check = function(system, ctx)
                for _, item in ipairs(system:data_of("user.content.call_recording")) do
                  if cadre.duration(item.retention.period):can_exceed("\(retentionLimit)") then
                    ctx:fail({item.retention, "period"}, "\(retentionMessage)", item.retention.period)
                  end
                end
              end,
            }

            """,
            "pack/window.lua": """
            -- In force from a date of the pack's data.
            local dates = pack.data.calendars[pack.settings.calendar]
            return {
              id = "test.window", title = "Window", severity = "medium", references = { "Test Art. 2" },
              effective = { from = dates.start },
              check = function(system, ctx) ctx:warn(system.purposes[1], "in force since %s", dates.start) end,
            }

            """,
            "pack/asof.lua": """
            -- Depends on the as-of date.
            return {
              id = "test.asof", title = "As of", severity = "high", references = { "Test Art. 3" },
              check = function(system, ctx)
                if ctx.as_of >= "2027-01-01" and system:holds("user.content.call_recording") then
                  ctx:fail("late: %s", ctx.as_of)
                end
              end,
            }

            """,
            "pack/shared.lua": """
            -- Uses a module of the pack.
            local shared = require("shared")
            return {
              id = "test.shared", title = "Shared", severity = "low", references = { "Test Art. 4" },
              applies = function(system) return system.ai ~= nil end,
              check = function(system, ctx) ctx:warn(system.ai[1], "word %s", shared.word) end,
            }

            """,
            "pack/version.lua": """
            -- Mentions its pack's version.
            return {
              id = "test.version", title = "Version", severity = "info", references = { "Test Art. 5" },
              check = function(system, ctx) ctx:info("checked by pack %s", pack.version) end,
            }

            """,
            "other/pack.yaml": "cadre: pack/v1\nid: other\nversion: 2.0.0\ntitle: Other\napi: 1\n",
            "other/lapse.lua": """
            -- Lapses on a date.
            return {
              id = "other.lapse", title = "Lapse", severity = "critical", references = { "Other Art. 1" },
              effective = { from = "2026-01-01", to = "\(lapseEnd)" },
              check = function(system, ctx)
                for _, item in ipairs(system:data_of("user.content.call_recording")) do
                  if cadre.duration(item.retention.period):can_exceed("P1Y") then ctx:fail(item.retention, "over a year") end
                end
              end,
            }

            """,
            "waivers.yaml": "cadre: waivers/v1\nwaivers:\n"
                + waivers.map {
                    "  - { rule: \"\($0.rule)\", system: \($0.system), reason: Accepted, approved_by: dpo@example.com, expires: \($0.expires) }\n"
                }.joined() + (waivers.isEmpty ? "  []\n" : ""),
        ]
        if waivers.isEmpty { files["waivers.yaml"] = "cadre: waivers/v1\nwaivers: []\n" }
        if extraRule {
            files["pack/extra.lua"] = """
                -- Always fails.
                return { id = "test.extra", title = "Extra", severity = "low", references = { "Test Art. 6" },
                  check = function(system, ctx) ctx:fail("extra") end }

                """
        }
        for (file, system) in systems {
            if system.broken {
                files[file] = "cadre: system/v1\nid: \(system.id)\nname: [unclosed\n"
                continue
            }
            let waiver =
                system.waiver.map {
                    "waivers:\n  - { rule: \"\($0.rule)\", reason: Accepted, approved_by: dpo@example.com, expires: \($0.expires) }"
                } ?? ""
            files[file] = HistoryWorkspace.descriptor(
                id: system.id, recordings: system.recordings, ai: system.ai, extra: waiver)
        }
        return files
    }
}
