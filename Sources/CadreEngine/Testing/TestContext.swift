import CadreModel
import Foundation
import LuaHost

/// What the host functions of one pack's tests share: the pack, the workers that run its rules
/// (one per combination of settings, made on first use), the running test's expectations, and
/// the outcomes each rule gave (for coverage). Owned by one thread, never shared.
final class TestContext {
    let pack: Pack
    let taxonomy: Taxonomy
    /// The limits of each rule's run (the workspace's).
    let limits: LuaLimits
    /// The plugins of the session, for the workers made for other settings.
    let plugins: [Plugin]
    let loader: DescriptorLoader
    let expectations = ExpectationRecord()
    /// The statuses each rule's runs gave, by rule id.
    private(set) var outcomes: [String: Set<RuleResult.Status>] = [:]
    /// The test files of the session, as shown.
    var testFiles: Set<String> = []
    /// The test file being loaded or run, as shown.
    var currentFile = ""
    /// Problems of the workers made for other settings (reported once).
    private(set) var diagnostics: [Diagnostic] = []
    /// Workers by their settings (`""` for the pack's defaults).
    private var workers: [String: EngineWorker] = [:]

    init(pack: Pack, defaultWorker: EngineWorker, taxonomy: Taxonomy, limits: LuaLimits, plugins: [Plugin] = []) {
        self.pack = pack
        self.plugins = plugins
        self.taxonomy = taxonomy
        self.limits = limits
        loader = DescriptorLoader(taxonomy: taxonomy, extensions: DescriptorExtensions(pack.extensions))
        workers[""] = defaultWorker
    }

    /// The worker whose rules were loaded with `settings` (over the pack's defaults).
    func worker(settings: [String: String], at location: SourceLocation) throws(LuaCallError) -> EngineWorker {
        let effective = settings.filter { pack.settings[$0.key] != $0.value }
        let key = effective.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        if let worker = workers[key] { return worker }
        let chosen = effective.mapValues { (value: $0, location: location) }
        let (configured, problems) = PackLoader().load(at: pack.folder, as: pack.folder, settings: chosen)
        let errors = problems.filter(\.isError)
        guard let configured, errors.isEmpty else {
            throw LuaCallError(
                "run: " + errors.map { $0.message + ($0.hint.map { " (\($0))" } ?? "") }.joined(separator: "; "))
        }
        let worker: EngineWorker
        do {
            worker = try EngineWorker(
                packs: [configured], plugins: plugins, taxonomy: taxonomy, limits: limits, asOf: ISODate.today(),
                stores: Self.fixtureStores())
        } catch {
            throw LuaCallError("run: cannot load pack `\(pack.id)` with \(key): \(error)")
        }
        if !worker.diagnostics.isEmpty { diagnostics += worker.diagnostics }
        workers[key] = worker
        return worker
    }

    /// The stores of fixtures: read like a workspace's, relative to the fixture's folder (set by
    /// `run`), with no environment, so a `${VAR}` in a fixture's URL is an error, never a secret.
    static func fixtureStores() -> StoreAccess {
        StoreAccess(baseDirectory: ".", environment: [:], enabled: true, asOf: ISODate.today())
    }

    func record(_ result: RuleResult) { outcomes[result.rule, default: []].insert(result.status) }

    /// Where a script called the host from: the innermost frame in a test file, else the
    /// innermost outside the test prelude.
    func location(of call: LuaCall) -> SourceLocation {
        let frames = call.scriptFrames()
        let frame = frames.first { testFiles.contains($0.file) } ?? frames.first { $0.file != TestPrelude.name }
        guard let frame else { return SourceLocation(file: currentFile, line: 0, column: 0) }
        return SourceLocation(file: frame.file, line: frame.line, column: 1)
    }

    /// The real path of a fixture file named `relative` to the current test file, and its name as
    /// shown; it must stay inside the pack.
    func fixturePath(_ relative: String) throws(LuaCallError) -> (path: String, shown: String) {
        let folder = (currentFile as NSString).deletingLastPathComponent
        let shown = WorkspaceFiles.normalized(
            relative.hasPrefix("/") ? relative : WorkspaceFiles.join(folder, relative))
        let packRoot = URL(fileURLWithPath: pack.folder).standardizedFileURL.path
        let resolved = URL(fileURLWithPath: shown).standardizedFileURL.path
        guard resolved.hasPrefix(packRoot + "/") else {
            throw LuaCallError(
                "fixture: `\(relative)` is outside pack `\(pack.id)`; fixture files live in the pack (tests/fixtures/)")
        }
        guard FileManager.default.fileExists(atPath: resolved) else {
            throw LuaCallError("fixture: no file `\(shown)` (paths are relative to the test file's folder)")
        }
        return (resolved, shown)
    }
}
