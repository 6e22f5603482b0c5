import CadreEngine
import CadreModel
import Foundation
import LuaHost

// libFuzzer's entry point: one input, as a rule file and as the body of a rule's `check`.
//
// Bytes are a rule file of one of the bundled packs (the pack whose id the file names first, so
// that its `require` and `pack.data` work as they do for the pack's own rules), loaded as an
// evaluation loads it: a fresh sandboxed state with the `cadre` API, the file run under the limits
// in its own environment, what it returns checked field by field (RuleTrial, the path of
// `EngineWorker`). Beside it in the same pack and state, a second rule file has the bytes as the
// body of its `check`, so that most inputs reach the rule API whatever they do to a rule's table.
// Each rule declared then runs, `applies` and `check`, on one fixed descriptor
// (Tests/CadreModelTests/Fixtures/complete.yaml, every field of the format) under small limits.
// Stores are not read.
//
// Every outcome must be a diagnostic or a result: a trap is a bug, and so is a hang past the
// limits (libFuzzer's -timeout) or memory past them (-rss_limit_mb), or a broken promise
// (`violated`): a rule without its result, an error without its failure.

@_cdecl("LLVMFuzzerTestOneInput")
public func ruleFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    RuleFuzzing.run(bytes)
    return 0
}

enum RuleFuzzing {
    /// The repository, from this file's path (Fuzz/Sources/RuleFuzzer/RuleFuzzer.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// What a call may use: far below the defaults, so that a run is quick whatever the rule does.
    static let limits = LuaLimits(memoryBytes: 8 << 20, instructions: 200_000, deadline: .milliseconds(250))

    static let taxonomy: Taxonomy = {
        do { return try Taxonomy.bundled() } catch { fatalError("the bundled taxonomy does not load: \(error)") }
    }()

    /// The bundled packs, by id.
    static let packs: [(id: String, folder: String, pack: Pack)] = ["gdpr", "cnil", "ai-act"].map { id in
        let folder = "policies/\(id)"
        guard let pack = Pack.load(at: root + "/" + folder, as: folder).pack else {
            fatalError("pack \(folder) does not load")
        }
        return (id, folder, pack)
    }

    static let document: DescriptorDocument = {
        let file = "Tests/CadreModelTests/Fixtures/complete.yaml"
        let load = DescriptorLoader(taxonomy: taxonomy).load(fileAt: root + "/" + file, as: file)
        guard let document = load.document else { fatalError("\(file) does not load: \(load.diagnostics)") }
        return document
    }()

    /// Whether to print what each input gave (`CADRE_FUZZ_VERBOSE=1`, to look at one input).
    static let verbose = ProcessInfo.processInfo.environment["CADRE_FUZZ_VERBOSE"] == "1"

    static let asOf: ISODate = {
        do { return try ISODate(parsing: "2026-11-29") } catch { fatalError("\(error)") }
    }()

    static func run(_ bytes: [UInt8]) {
        // A file that is not UTF-8 is refused before Lua sees it (PackLoader).
        guard let source = String(validating: bytes, as: UTF8.self) else { return }
        let chosen = pack(namedFirstIn: source)
        let files = [
            ("\(chosen.folder)/fuzzed.lua", source),
            ("\(chosen.folder)/fuzzed-check.lua", check(body: source, pack: chosen.id)),
        ]
        let trial = RuleTrial(pack: chosen.pack, taxonomy: taxonomy, limits: limits, asOf: asOf)
        let outcome = trial.run(files: files, on: [document])
        if verbose {
            for diagnostic in outcome.diagnostics { print(diagnostic) }
            for result in outcome.results {
                print(
                    "\(result.rule): \(result.status)\(result.failure.map { " (\($0.kind): \($0.message))" } ?? ""), \(result.findings.count) findings"
                )
            }
        }
        check(outcome)
    }

    /// A rule file whose `check` runs `body`.
    static func check(body: String, pack id: String) -> String {
        """
        return {
          id = "\(id).fuzzed.check",
          title = "The input as a check",
          severity = "high",
          references = { "Fuzz" },
          check = function(system, ctx)
        \(body)
          end,
        }
        """
    }

    /// The pack whose id (`gdpr.`, `cnil.`, `ai-act.`) comes first in `source`; gdpr when none does.
    static func pack(namedFirstIn source: String) -> (id: String, folder: String, pack: Pack) {
        var chosen = packs[0]
        var first = source.utf8.endIndex
        for candidate in packs {
            if let range = source.utf8.firstRange(of: (candidate.id + ".").utf8), range.lowerBound < first {
                first = range.lowerBound
                chosen = candidate
            }
        }
        return chosen
    }

    /// What every trial promises.
    static func check(_ outcome: RuleTrial.Outcome) {
        if outcome.results.count != outcome.rules.count {
            violated("\(outcome.rules.count) rules loaded, \(outcome.results.count) results")
        }
        for (rule, result) in zip(outcome.rules, outcome.results) {
            if result.rule != rule.id { violated("the result of `\(result.rule)` stands for rule `\(rule.id)`") }
            if result.status == .error, result.failure == nil { violated("`\(rule.id)` erred without saying why") }
            if result.status != .error, result.failure != nil {
                violated("`\(rule.id)` is \(result.status) with a failure")
            }
        }
        if outcome.rules.isEmpty, !outcome.diagnostics.containsErrors {
            violated("the file declares no rule and no error says why")
        }
    }
}

/// Stops the run as a crash, which libFuzzer saves as the input that broke the promise.
func violated(_ promise: String) -> Never {
    fatalError("fuzzing: \(promise)")
}
