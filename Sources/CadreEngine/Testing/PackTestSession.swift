import CadreModel
import Foundation
import LuaHost

/// The tests of one pack: the pack loaded once, a worker that runs its rules, and a Lua state of
/// its own for the test files (same sandbox, same `cadre`, `pack` and `require` as rules). Each
/// test file has its own environment; each test runs its before_each, itself and its after_each
/// under the limits, with its own expectations. Lives on one thread.
final class PackTestSession {
    /// What the session found.
    struct Outcome {
        var packID: String?
        var folder: String
        var files: [String] = []
        var cases: [TestCase] = []
        var rules: [RuleInfo] = []
        var outcomes: [String: Set<RuleResult.Status>] = [:]
        var diagnostics: [Diagnostic] = []
    }

    /// A test as declared: its full name, functions and line.
    private struct Declared {
        var name: String
        var line: Int
        var body: LuaValue
        var befores: [LuaValue]
        var afters: [LuaValue]
    }

    let target: TestTarget
    let taxonomy: Taxonomy
    /// The limits of each rule's run.
    let limits: LuaLimits
    /// The limits of each piece of test code: the rules' memory and instructions; ten times their
    /// deadline, since a test's time includes the runs of the rules it calls.
    let testLimits: LuaLimits
    let filter: String?
    /// The enabled plugins, for the rules and the test files alike.
    let plugins: [Plugin]
    /// The plugins loaded in the test files' state (their modules live as long as it does).
    private var testPlugins: PluginSet?

    init(target: TestTarget, taxonomy: Taxonomy, limits: LuaLimits, filter: String?, plugins: [Plugin] = []) {
        self.target = target
        self.plugins = plugins
        self.taxonomy = taxonomy
        self.limits = limits
        var testLimits = limits
        testLimits.deadline = limits.deadline.map { $0 * 10 }
        self.testLimits = testLimits
        self.filter = filter
    }

    func run() -> Outcome {
        var outcome = Outcome(folder: target.folder)
        let (loaded, problems) = PackLoader().load(at: target.folder, as: target.folder, settings: [:])
        outcome.diagnostics += problems
        guard let pack = loaded else { return outcome }
        outcome.packID = pack.id
        outcome.diagnostics += PackRelease.check(pack, at: target.folder)
        let worker: EngineWorker
        let state: LuaState
        let context: TestContext
        let library: TestLibrary
        let globals: [String: LuaValue]
        do {
            worker = try EngineWorker(
                packs: [pack], plugins: plugins, taxonomy: taxonomy, limits: limits, asOf: ISODate.today(),
                stores: TestContext.fixtureStores())
            state = try LuaState(options: .init(limits: testLimits))
            _ = try CadreLibrary(state: state, taxonomy: taxonomy, sink: FindingSink())
            let pluginSet = try PluginSet(state: state, plugins: plugins, taxonomy: taxonomy, limits: testLimits)
            testPlugins = pluginSet
            globals = try PackGlobals.make(for: pack, in: state, limits: testLimits, plugins: pluginSet)
            context = TestContext(
                pack: pack, defaultWorker: worker, taxonomy: taxonomy, limits: limits, plugins: plugins)
            library = try TestLibrary(state: state, context: context, limits: testLimits)
        } catch {
            outcome.diagnostics.append(
                .error(.testHost, at: .whole(target.folder), "cannot prepare the tests of pack `\(pack.id)`: \(error)"))
            return outcome
        }
        outcome.diagnostics += worker.diagnostics
        outcome.rules = worker.rules.map(\.info)

        let files = target.files ?? TestTarget.testFiles(in: WorkspaceFiles.join(target.folder, "tests"))
        context.testFiles = Set(files)
        outcome.files = files
        for file in files {
            context.currentFile = file
            let (declared, problems) = declare(file, state: state, library: library, globals: globals)
            outcome.diagnostics += problems
            for test in declared where matches(test.name, state: state, library: library) {
                outcome.cases.append(run(test, file: file, pack: pack.id, state: state, context: context))
            }
            state.collectGarbage()
        }
        outcome.outcomes = context.outcomes
        outcome.diagnostics += context.diagnostics
        return outcome
    }

    // MARK: Declaring

    /// Runs `file` in an environment of its own and collects the tests it declares; a file that
    /// cannot be read, does not compile or fails while declaring is a problem with its location.
    private func declare(_ file: String, state: LuaState, library: TestLibrary, globals: [String: LuaValue]) -> (
        [Declared], [Diagnostic]
    ) {
        let source: String
        do {
            source = try LuaSourceFile.read(file, shown: file).source
        } catch {
            return ([], [error])
        }
        do throws(LuaError) {
            let made = try state.call(library.newFile, [], limits: testLimits)
            guard made.count == 2, let api = made[0].tableValue else {
                throw LuaError(.host, "new_file returned no API")
            }
            var environment = globals
            for (key, value) in api.fields { if let name = key.stringValue { environment[name] = value } }
            let chunk = try state.load(source, name: file, environment: try state.makeEnvironment(environment))
            try state.run(chunk, [], limits: testLimits)
            let collected = try state.call(made[1], [], limits: testLimits).first?.tableValue ?? LuaTable()
            var tests: [Declared] = []
            for element in collected.array {
                guard let test = element.tableValue, let name = test["name"]?.stringValue, let body = test["fn"] else {
                    continue
                }
                tests.append(
                    Declared(
                        name: name, line: Int(test["line"]?.integerValue ?? 0), body: body,
                        befores: test["befores"]?.tableValue?.array ?? [],
                        afters: test["afters"]?.tableValue?.array ?? []))
            }
            if tests.isEmpty {
                return (
                    [],
                    [
                        .warning(
                            .noTests, at: .whole(file), "`\(file)` declares no test",
                            hint: "declare tests with it(name, function() ... end)")
                    ]
                )
            }
            return (tests, [])
        } catch {
            let location = SourceLocation(
                file: error.file ?? file, line: error.line ?? 0, column: error.line == nil ? 0 : 1)
            if error.kind == .syntax {
                return ([], [.error(.testSyntax, at: location, "syntax error: \(error.message)")])
            }
            return (
                [],
                [
                    .error(
                        .testLoad, at: location, "the test file failed while declaring its tests: \(error.message)",
                        hint: error.isLimit ? "a test file declares tests; do the work inside it(...)" : nil)
                ]
            )
        }
    }

    private func matches(_ name: String, state: LuaState, library: TestLibrary) -> Bool {
        guard let filter, !filter.isEmpty else { return true }
        if name.contains(filter) { return true }
        let answer = try? state.call(library.matches, [.string(name), .string(filter)], limits: testLimits)
        return answer?.first?.isTruthy == true
    }

    // MARK: Running

    /// Runs one test: its before_each functions, its body (unless a before_each failed), its
    /// after_each functions (always), each under the test limits.
    private func run(_ test: Declared, file: String, pack: String, state: LuaState, context: TestContext) -> TestCase {
        // Seeded by what the test is, not where the pack sits: the same numbers on every machine.
        let relative = file.hasPrefix(target.folder + "/") ? String(file.dropFirst(target.folder.count + 1)) : file
        state.reseed(EngineWorker.seed(pack + "/" + relative, test.name))
        state.log.removeAll()
        context.expectations.begin()
        var error: LuaError? = nil
        for function in test.befores + [test.body] {
            do {
                try state.run(function, [], limits: testLimits)
            } catch let raised {
                error = raised
                break
            }
        }
        for function in test.afters {
            do {
                try state.run(function, [], limits: testLimits)
            } catch let raised {
                if error == nil { error = raised }
            }
        }
        let (count, recorded) = context.expectations.end()
        var failures = recorded
        var status = TestCase.Status.pass
        if !failures.isEmpty {
            status = .fail
        } else if let error {
            status = .error
            failures = [
                TestFailure(
                    kind: .error, message: error.message,
                    location: error.file.map {
                        SourceLocation(file: $0, line: error.line ?? 0, column: error.line == nil ? 0 : 1)
                    },
                    errorKind: error.kind.rawValue)
            ]
        } else if count == 0 {
            status = .fail
            failures = [
                TestFailure(
                    kind: .assertsNothing, message: "the test asserts nothing: it ran no expect(...)",
                    location: SourceLocation(file: file, line: test.line, column: 1))
            ]
        }
        let output = state.log.report
        return TestCase(
            pack: pack, file: file, line: test.line, name: test.name, status: status, expectations: count,
            failures: failures,
            output: output)
    }
}
