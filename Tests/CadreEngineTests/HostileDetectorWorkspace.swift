import CadreEngine
import CadreModel
import CadreReports
import Foundation
import GRDB

/// A workspace for attacks by plugin detectors: plugin `plug` (its detector file given by the
/// test, a module `plug.stash` that keeps what it is handed), a rule that scans a store of notes
/// holding e-mails, a card number and a vehicle plate, and what every output shows of them.
struct HostileDetectorWorkspace {
    /// The personal data of the store: none of these, nor their reverse, may appear anywhere.
    static let secrets = [
        "alice.martin", "bob.durand", "4970 1012 3456 4242", "4970101234564242", "1012 3456", "AB-123-CD",
    ]

    /// The notes of the store, one a row.
    static let notes = [
        "écrire à alice.martin@exemple.fr", "rien à signaler",
        "copie à bob.durand@exemple.net, carte 4970 1012 3456 4242, véhicule AB-123-CD",
    ]

    /// A module that keeps values in a local of its own (an upvalue of its functions), and
    /// functions registered with it.
    static let stash = """
        local seen, getters = {}, {}
        return {
          put = function(value) seen[#seen + 1] = value end,
          all = function() return table.concat(seen, ",") end,
          register = function(getter) getters[#getters + 1] = getter end,
          call = function()
            local out = {}
            for _, getter in ipairs(getters) do out[#out + 1] = tostring(getter()) end
            return table.concat(out, ",")
          end,
        }
        """

    /// A detector `name` of `category` whose `hook` (`validate` or `redact`) runs `body` before
    /// answering as a well-behaved one would. Its `validate` is on line 5, its `redact` on line 9.
    static func detector(
        hook: String, body: String, name: String = "mail", category: String = "user.contact.email",
        pattern: String = "[%w.]+@[%w.]+%.%a+"
    ) -> String {
        let validate = hook == "validate" ? body : ""
        let redact = hook == "redact" ? body : ""
        return """
            return {
              name = "\(name)",
              category = "\(category)",
              pattern = "\(pattern)",
              validate = function(candidate)
                \(validate)
                return true
              end,
              redact = function(match)
                \(redact)
                return (match:gsub("%w", "*"))
              end,
            }
            """
    }

    let workspace: TemporaryWorkspace

    /// `detectors` as plug's detector file; `rules` (file name → source) in the pack; `notes` in
    /// the store (HostilePluginTests' system `a`, its table `notes`).
    init(detectors: String, rules: [String: String], limits: String = "", notes: [String] = notes) throws {
        workspace = try PluginTests.workspace(
            plugin: ["detectors.lua": detectors, "lib/stash.lua": Self.stash], rules: rules)
        try workspace.write("systems/a.yaml", HostilePluginTests.descriptor)
        try workspace.write("cadre.yaml", PluginTests.workspace + "\n" + limits)
        let queue = try DatabaseQueue(path: workspace.root.appendingPathComponent("crm.sqlite").path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, author TEXT, body TEXT)")
            for body in notes {
                try db.execute(sql: "INSERT INTO notes (author, body) VALUES ('x', ?)", arguments: [body])
            }
        }
    }

    func evaluate() throws -> Evaluation {
        try workspace.evaluate(asOf: "2026-11-30")
    }

    /// Every secret (or its reverse) found in the evaluation's dump or in any report format.
    static func leaks(in evaluation: Evaluation) -> [String] {
        var outputs = ReportFormat.allCases.map {
            $0.render(evaluation, context: ReportContext(toolVersion: "test", verbose: true))
        }
        var dumped = ""
        dump(evaluation, to: &dumped)
        outputs.append(dumped)
        let all = outputs.joined(separator: "\n")
        return (secrets + secrets.map { String($0.reversed()) }).filter { all.contains($0) }
    }
}
