import Foundation
import Testing

@testable import CadreHistory

/// A hostile plugin and a hostile pack, written together to carry personal data out of the
/// example workspace's stores, run with the real `cadre`: no e-mail address and no full card
/// number of those stores appears in any report format, in what cadre prints, or in any byte
/// of the history.
@Suite struct PluginExfiltrationTests {
    /// Detectors that keep every value they are handed (in a module, a global, the log), one
    /// whose redaction gives the match back reversed, and one whose error quotes it.
    static let detectors = #"""
        local stash = require("stash")
        local function keep(value)
          stash.put(value)
          print(value)
          leak = value
          pcall(function() string.leak = value end)
          return true
        end
        return {
          { name = "thief-mail", category = "user.contact.email", pattern = "%f[%w][%w.]+@exemple%.fr",
            validate = keep, redact = function(match) keep(match) return (match:gsub("%w", "*")) end },
          { name = "thief-card", category = "user.financial.credit_card", pattern = "%f[%d](4970%d%d%d%d%d%d%d%d%d%d%d%d)%f[%D]",
            validate = keep },
          { name = "thief-reverse", category = "user.financial.credit_card", pattern = "%f[%d](4970%d%d%d%d%d%d%d%d%d%d%d%d)%f[%D]",
            validate = keep, redact = function(match) return match:reverse() end },
          { name = "thief-error", category = "user.contact.email", pattern = "%f[%w][%w.]+@exemple%.fr",
            validate = function(candidate) local t = {} t[candidate]() end },
        }
        """#

    static let stash = """
        local seen = {}
        return {
          put = function(value) seen[#seen + 1] = value end,
          all = function() return table.concat(seen, " ") end,
        }
        """

    static let manifest = """
        cadre: plugin/v1
        id: thief
        version: 1.0.0
        api: 1
        title: Carries values out
        provides:
          detectors: [detectors.lua]
        """

    /// A rule that scans every declared column of every store with `detectors`, then writes what
    /// the scans and the plugin's module hold into a failure, its evidence and its log.
    static func rule(_ id: String, detectors: [String]) -> String {
        """
        local stash = require("thief.stash")
        return {
          id = "thief.\(id)", title = "Carry values out (\(id))", severity = "critical", references = { "None" },
          check = function(system, ctx)
            local seen, examples = 0, {}
            for _, store in ipairs(system.stores or {}) do
              for _, t in ipairs(store.tables or {}) do
                local columns = {}
                for _, c in ipairs(t.free_text or {}) do columns[#columns + 1] = c end
                for c in pairs(t.columns or {}) do columns[#columns + 1] = c end
                local ok, report = pcall(function()
                  return ctx:store(store.id):scan(t.name, { columns = columns, detectors = { \(detectors.map { "\"\($0)\"" }.joined(separator: ", ")) } })
                end)
                if ok then
                  for _, tally in pairs(report.detectors) do
                    seen = seen + tally.matches
                    for _, e in ipairs(tally.examples) do examples[#examples + 1] = e end
                  end
                else
                  print("scan failed: " .. tostring(report))
                end
              end
            end
            print("stash: " .. stash.all())
            ctx:fail({system, evidence = examples}, "%d values seen; stash: [%s]; global: %s; string: %s",
              seen, stash.all(), tostring(rawget(_G, "leak")), tostring(rawget(string, "leak")))
          end,
        }
        """
    }

    /// The personal values of the example stores: every e-mail address and every card number in
    /// their files, and those the generator says it seeded.
    static func storeValues() throws -> [String] {
        let folder = CadreCommand.repositoryRoot.appendingPathComponent("examples/stores")
        var text = try String(contentsOf: folder.appendingPathComponent("seeded-values.txt"), encoding: .utf8)
        let files =
            FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files where ["sqlite", "csv", "jsonl"].contains(file.pathExtension) {
            text += "\n" + String(decoding: try Data(contentsOf: file), as: UTF8.self)
        }
        let emails = text.matches(of: /[A-Za-z0-9._%+-]+@exemple\.fr/).map { String($0.output) }
        let cards = text.matches(of: /(?:^|[^0-9])(4970[0-9]{12})(?![0-9])/).map { String($0.output.1) }
        return Array(Set(emails + cards)).sorted()
    }

    @Test func noStoreValueReachesAnyOutputOrTheHistory() throws {
        let scratch = try ScratchWorkspace()
        for (path, text) in [
            "thief-plugin/plugin.yaml": Self.manifest, "thief-plugin/detectors.lua": Self.detectors,
            "thief-plugin/lib/stash.lua": Self.stash,
            "thief-pack/pack.yaml": "cadre: pack/v1\nid: thief\nversion: 1.0.0\ntitle: Thief\napi: 1\n",
            "thief-pack/stash.lua": Self.rule("stash", detectors: ["thief-mail", "thief-card"]),
            "thief-pack/reverse.lua": Self.rule("reverse", detectors: ["thief-reverse"]),
            "thief-pack/error.lua": Self.rule("error", detectors: ["thief-error"]),
        ] {
            try scratch.write(path, text)
        }
        try FileManager.default.createDirectory(
            at: scratch.folder.appendingPathComponent("plugins"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: CadreCommand.repositoryRoot.appendingPathComponent("plugins/csv-findings"),
            to: scratch.folder.appendingPathComponent("plugins/csv-findings"))
        try scratch.replace(
            "packs: [../policies/gdpr, ../policies/cnil, ../policies/ai-act]",
            with:
                "packs: [../policies/gdpr, ../policies/cnil, ../policies/ai-act, ../thief-pack]\nplugins: [../thief-plugin, ../plugins/csv-findings]",
            in: "examples/cadre.yaml")

        var outputs: [String: String] = [:]
        for format in ["text", "json", "sarif", "junit", "markdown", "csv"] {
            let run = try scratch.cadre(
                "evaluate", "-w", "examples", "--as-of", "2026-11-29", "--format", format, "--output", "out.\(format)")
            #expect(run.status == 1, "\(format): \(run.stderr)")
            outputs[format] = try scratch.read("out.\(format)")
            outputs[format + " (printed)"] = run.stdout + run.stderr
        }
        let recheck = try scratch.cadre("recheck", "-w", "examples", "--as-of", "2026-11-29")
        outputs["recheck"] = recheck.stdout + recheck.stderr
        // The history's files, with the results and parsed descriptors they hold compressed read back.
        let history = try HistoryStore.readableContents(
            ofHistory: scratch.folder.appendingPathComponent("examples/.cadre/history.sqlite").path)
        #expect(history.count > 10_000)
        outputs[".cadre/"] = String(decoding: history, as: UTF8.self)

        // The attack ran: the detectors saw the stores' values, and each hostile rule is reported
        // as a user would see it.
        let json = try #require(outputs["json"])
        #expect(
            json.firstMatch(of: /"[1-9][0-9]* values seen; stash: \[\]; global: nil; string: nil"/) != nil,
            "the attack did not run")
        #expect(
            json.contains(
                "detector `thief-reverse` of plugin thief failed: redact returned text that is not the match with letters and digits kept or replaced by `*` in place"
            ))
        #expect(
            json.contains(
                "detector `thief-error` of plugin thief failed: validate raised an error (its message is not shown"))

        let values = try Self.storeValues()
        #expect(values.count >= 20, "\(values.count) store values")
        for (name, output) in outputs.sorted(by: { $0.key < $1.key }) {
            let found = Self.values(Set(values), in: Array(output.utf8))
            #expect(found.isEmpty, "\(name) holds \(found.count) store values: \(found.prefix(3))")
        }
    }

    /// The e-mail addresses and card numbers of `values` that `bytes` hold: as written, reversed,
    /// or (cards) with spaces or dashes between their digits. A byte walk, not a search per value:
    /// the history alone is megabytes.
    static func values(_ values: Set<String>, in bytes: [UInt8]) -> Set<String> {
        var found = Set<String>()
        let local = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-".utf8)
        let domain = Array("@exemple.fr".utf8)
        // E-mails: every address ending at each `@exemple.fr`, and read backwards at each `rf.elpmexe@`.
        for (marker, reversed) in [(domain, false), (Array(domain.reversed()), true)] {
            var index = 0
            while index + marker.count <= bytes.count {
                guard bytes[index..<(index + marker.count)].elementsEqual(marker) else {
                    index += 1
                    continue
                }
                var part: [UInt8] = []
                if reversed {
                    var next = index + marker.count
                    while next < bytes.count, local.contains(bytes[next]), part.count < 64 {
                        part.append(bytes[next])
                        next += 1
                    }
                    part.reverse()
                } else {
                    var previous = index - 1
                    while previous >= 0, local.contains(bytes[previous]), part.count < 64 {
                        part.insert(bytes[previous], at: 0)
                        previous -= 1
                    }
                }
                for start in part.indices {
                    let address = String(decoding: part[start...] + domain, as: UTF8.self)
                    if values.contains(address) { found.insert(address) }
                }
                index += marker.count
            }
        }
        // Cards: runs of digits, spaces and dashes, read as their digits, forwards and backwards.
        var digits: [UInt8] = []
        for byte in bytes + [0] {
            if byte >= 0x30 && byte <= 0x39 {
                digits.append(byte)
                continue
            }
            if byte == 0x20 || byte == 0x2D { continue }
            if digits.count >= 16 {
                for run in [digits, digits.reversed()] {
                    for start in 0...(run.count - 16) {
                        let number = String(decoding: run[start..<(start + 16)], as: UTF8.self)
                        if values.contains(number) { found.insert(number) }
                    }
                }
            }
            digits.removeAll(keepingCapacity: true)
        }
        return found
    }
}
