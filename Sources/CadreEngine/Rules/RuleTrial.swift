import CadreModel
import LuaHost

/// One rule file tried on its own, inside a pack, exactly as an evaluation loads and runs a
/// pack's rules: a fresh sandboxed state with the `cadre` API, the file run in its own
/// environment (with the pack's `pack` and `require`) under the limits, what it returns checked
/// field by field, then each rule it declares run on each descriptor given (dates in force,
/// `applies`, `check`, each call under the limits). Stores are not read: a rule that asks for one
/// is skipped.
///
/// For tools that try rule files outside a workspace (the fuzzers of `Fuzz/`); a workspace's
/// rules are evaluated by ``Engine``.
///
/// ```swift
/// let (pack, problems) = Pack.load(at: "policies/cnil")
/// let trial = RuleTrial(pack: pack!, taxonomy: try Taxonomy.bundled(), limits: LuaLimits(), asOf: ISODate.today())
/// let outcome = trial.run(source: text, path: "policies/cnil/draft.lua", on: [document])
/// ```
public struct RuleTrial: Sendable {
    /// What a rule file gave.
    public struct Outcome: Sendable {
        /// The rules the file declares, sorted by id (none when it did not load).
        public var rules: [RuleInfo]
        /// The problems loading the file: syntax, errors and limits while it ran, fields.
        public var diagnostics: [Diagnostic]
        /// Each rule's result on each descriptor, descriptor by descriptor.
        public var results: [RuleResult]
    }

    /// The pack the file is tried in: its `lib/` modules, data and settings (its own rule files
    /// are left out).
    public var pack: Pack
    public var taxonomy: Taxonomy
    /// What each chunk and call may use.
    public var limits: LuaLimits
    /// The date rules are evaluated on.
    public var asOf: ISODate

    public init(pack: Pack, taxonomy: Taxonomy, limits: LuaLimits, asOf: ISODate) {
        self.pack = pack
        self.taxonomy = taxonomy
        self.limits = limits
        self.asOf = asOf
    }

    /// Loads `source` as the only rule file of the pack, shown as `path`, and runs its rules on
    /// `documents`.
    public func run(source: String, path: String, on documents: [DescriptorDocument]) -> Outcome {
        run(files: [(path, source)], on: documents)
    }

    /// Loads `files` (each shown as its path) as the pack's rule files, in one state, and runs
    /// their rules on `documents`.
    public func run(files: [(path: String, source: String)], on documents: [DescriptorDocument]) -> Outcome {
        var pack = self.pack
        pack.ruleFiles = files.map { file in
            let relative = file.path.split(separator: "/").last.map(String.init) ?? file.path
            return Pack.File(
                path: file.path, relativePath: relative, source: file.source, digest: Digest.sha256(file.source))
        }
        let worker: EngineWorker
        do {
            worker = try EngineWorker(packs: [pack], taxonomy: taxonomy, limits: limits, asOf: asOf)
        } catch {
            return Outcome(
                rules: [], diagnostics: [.error(.engine, at: .whole(pack.folder), "cannot start a worker: \(error)")],
                results: [])
        }
        var results: [RuleResult] = []
        for document in documents {
            results += worker.evaluate(document, waivers: WaiverBook(document.descriptor.waivers))
        }
        return Outcome(
            rules: worker.rules.map(\.info), diagnostics: worker.diagnostics.sortedForDisplay(), results: results)
    }
}

extension Pack {
    /// Loads the pack in the folder at `path`, shown as `folder` (by default `path`), with its
    /// default settings; nil when it has errors, which the diagnostics say.
    public static func load(at path: String, as folder: String? = nil) -> (pack: Pack?, diagnostics: [Diagnostic]) {
        let (pack, diagnostics) = PackLoader().load(at: path, as: folder ?? path, settings: [:])
        return (pack, diagnostics)
    }
}
