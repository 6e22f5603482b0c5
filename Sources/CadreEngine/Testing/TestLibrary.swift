import CadreModel
import Foundation
import LuaHost

/// The host's side of the test API, as `host.*` in ``TestPrelude``: where a call comes from,
/// expectations, fixtures, and `run`, which evaluates one rule with the engine's own code.
struct TestLibrary {
    /// `new_file()` and `matches(name, pattern)`, from the prelude.
    let newFile: LuaValue
    let matches: LuaValue

    init(state: LuaState, context: TestContext, limits: LuaLimits) throws(LuaError) {
        let fixtureType = state.defineType(FixtureSystem.self, name: "fixture system")
        let host = try state.readOnly(
            .table(LuaTable(fields: Self.hostFunctions(state, context: context, fixtureType: fixtureType))))
        let prelude = try state.load(TestPrelude.source, name: TestPrelude.name)
        let exported = try state.call(prelude, [host], limits: limits)
        guard let api = exported.first?.tableValue, let newFile = api["new_file"], let matches = api["matches"] else {
            throw LuaError(.host, "the test prelude did not return its API")
        }
        self.newFile = newFile
        self.matches = matches
    }

    private static func hostFunctions(
        _ state: LuaState, context: TestContext, fixtureType: LuaHostType<FixtureSystem>
    ) -> [(String, LuaValue)] {
        [
            (
                "where",
                state.function("where") { call in
                    let location = context.location(of: call)
                    call.push(location.file)
                    call.push(location.line)
                    return 2
                }
            ),
            (
                "running",
                state.function("running") { call in
                    call.push(context.expectations.isRunning)
                    return 1
                }
            ),
            (
                "expectation",
                state.function("expectation") { call in
                    guard context.expectations.isRunning else { throw LuaCallError("expect() is for inside a test") }
                    // Bounded as a rule's findings are: each text cut to FindingSink.messageLimit.
                    let limit = FindingSink.messageLimit
                    context.expectations.expectation(
                        passed: call.boolean(1), message: try call.text(2, limit: limit),
                        expected: call.isNil(3) ? nil : try call.text(3, limit: limit),
                        actual: call.isNil(4) ? nil : try call.text(4, limit: limit), at: context.location(of: call))
                    return 0
                }
            ),
            (
                "system",
                state.function("system") { call in
                    guard call.isTable(1) else {
                        throw call.argumentError(1, "a table of descriptor fields expected, got \(call.typeName(1))")
                    }
                    let location = context.location(of: call)
                    let table: LuaTable
                    do throws(LuaError) {
                        table = try call.value(1, mode: .data).tableValue ?? LuaTable()
                    } catch {
                        throw LuaCallError(
                            "the fixture \(error.message); a fixture holds tables, strings, numbers and booleans")
                    }
                    let root = try FixtureBuilder(file: location.file, line: location.line).root(from: table)
                    let load = context.loader.load(root, file: location.file)
                    guard let document = load.document else {
                        let message =
                            "the fixture is not a valid descriptor:\n"
                            + load.errors.map(Self.inlineProblem).joined(separator: "\n")
                        context.expectations.fixtureFailed(message, at: location)
                        throw LuaCallError(message)
                    }
                    call.push(FixtureSystem(document: document), of: fixtureType)
                    return 1
                }
            ),
            (
                "fixture",
                state.function("fixture") { call in
                    let location = context.location(of: call)
                    let (path, shown) = try context.fixturePath(try call.string(1))
                    let load = context.loader.load(fileAt: path, as: shown)
                    guard let document = load.document else {
                        let message =
                            "the fixture `\(shown)` is not a valid descriptor:\n"
                            + load.errors.map { "  \($0.description)" }.joined(separator: "\n")
                        context.expectations.fixtureFailed(message, at: location)
                        throw LuaCallError(message)
                    }
                    call.push(FixtureSystem(document: document), of: fixtureType)
                    return 1
                }
            ),
            (
                "run",
                state.function("run") { call in
                    guard context.expectations.isRunning else {
                        throw LuaCallError("run() is for inside a test: call it in it(name, function() ... end)")
                    }
                    let id = try call.string(1)
                    if call.isTable(2) {
                        throw LuaCallError(
                            "run: the system must be a fixture made by system{...} or fixture(\"...\"), not a plain table"
                        )
                    }
                    let fixture = try call.object(2, fixtureType)
                    let location = context.location(of: call)
                    let options = try RunOptions(call.isNil(3) ? .nil : try call.value(3, mode: .data))
                    let worker = try context.worker(settings: options.settings, at: location)
                    // A fixture's stores are found next to it (its `url`s are relative to its folder).
                    worker.stores.baseDirectory = (fixture.document.file as NSString).deletingLastPathComponent
                    var book = WaiverBook()
                    for waiver in fixture.document.descriptor.waivers { book.add(waiver) }
                    let found: RuleResult?
                    do throws(LuaError) {
                        found = try worker.evaluate(rule: id, on: fixture.document, waivers: book, asOf: options.asOf)
                    } catch {
                        throw LuaCallError("run: \(error.message)")
                    }
                    guard let result = found else {
                        let ids = worker.rules.map(\.info.id)
                        let hint = Suggestion.hint(for: id, among: ids).map { " (\($0))" } ?? ""
                        throw LuaCallError("run: no rule `\(id)` in pack `\(context.pack.id)`\(hint)")
                    }
                    context.record(result)
                    let info = worker.rules.first { $0.info.id == id }?.info
                    try call.push(Self.value(of: result, info: info))
                    return 1
                }
            ),
        ]
    }

    /// A validation problem of an inline fixture: every node is on the `system{...}` line, so
    /// the path says which one (counted from 1, as in Lua).
    static func inlineProblem(_ diagnostic: Diagnostic) -> String {
        let place = diagnostic.path.map { $0.components.isEmpty ? "" : "\($0.luaDescription): " } ?? ""
        return "  \(place)\(diagnostic.message)" + (diagnostic.hint.map { " (\($0))" } ?? "")
    }

    /// A result as tests see it: status, skip reason, findings (paths counted from 1), failure,
    /// waiver, log; and what the rule cites (`references`, each `{citation, url}`) and when it was
    /// reviewed, so a test can hold a rule to the text it rests on.
    static func value(of result: RuleResult, info: RuleInfo? = nil) -> LuaValue {
        var table = LuaTable(fields: [
            ("rule", .string(result.rule)), ("system", .string(result.system)),
            ("status", .string(result.status.rawValue)),
            ("severity", .string(result.severity.rawValue)),
        ])
        if let reason = result.skipReason { table["skip_reason"] = .string(reason.rawValue) }
        table["findings"] = .table(
            LuaTable(
                array: result.findings.map { finding in
                    var entry = LuaTable(fields: [
                        ("level", .string(finding.level.rawValue)), ("message", .string(finding.message)),
                        ("file", .string(finding.location.file)), ("line", .integer(Int64(finding.location.line))),
                        ("column", .integer(Int64(finding.location.column))),
                    ])
                    if let path = finding.path { entry["path"] = .string(path.luaDescription) }
                    return .table(entry)
                }))
        if let failure = result.failure {
            var entry = LuaTable(fields: [
                ("kind", .string(failure.kind.rawValue)), ("message", .string(failure.message)),
            ])
            if let location = failure.location {
                entry["file"] = .string(location.file)
                entry["line"] = .integer(Int64(location.line))
            }
            table["failure"] = .table(entry)
        }
        if let waiver = result.waiver {
            table["waiver"] = .table(
                LuaTable(fields: [
                    ("reason", .string(waiver.reason)), ("approved_by", .string(waiver.approvedBy)),
                    ("expires", .string(waiver.expires.description)),
                ]))
        }
        table["log"] = .table(LuaTable(array: result.log.map { .string($0) }))
        if let info {
            table["references"] = .table(
                LuaTable(
                    array: info.references.map { reference in
                        var entry = LuaTable(fields: [("citation", .string(reference.citation))])
                        if let url = reference.url { entry["url"] = .string(url) }
                        return .table(entry)
                    }))
            if let reviewed = info.reviewed { table["reviewed"] = .string(reviewed.description) }
        }
        return .table(table)
    }
}

/// The options of `run(rule_id, system, options)`: `as_of` and `settings`.
struct RunOptions {
    var asOf = ISODate.today()
    var settings: [String: String] = [:]

    init(_ value: LuaValue) throws(LuaCallError) {
        guard case .table(let table) = value else {
            if value.isNil { return }
            throw LuaCallError(
                "run: options must be a table such as { as_of = \"2026-08-02\" }, not a \(value.typeName)")
        }
        for (key, option) in table.fields {
            switch key.stringValue {
            case "as_of":
                guard let text = option.stringValue else {
                    throw LuaCallError("run: `as_of` must be a date such as \"2026-08-02\", not a \(option.typeName)")
                }
                do {
                    asOf = try ISODate(parsing: text)
                } catch {
                    throw LuaCallError("run: `as_of`: \(error.description)")
                }
            case "settings":
                guard case .table(let chosen) = option, chosen.array.isEmpty else {
                    throw LuaCallError("run: `settings` must be a table such as { calendar = \"original\" }")
                }
                for (name, setting) in chosen.fields {
                    guard let name = name.stringValue, let setting = setting.stringValue else {
                        throw LuaCallError(
                            "run: each setting is a name and a string value, such as calendar = \"original\"")
                    }
                    settings[name] = setting
                }
            default:
                throw LuaCallError("run: unknown option \(key) (options: as_of, settings)")
            }
        }
        if !table.array.isEmpty { throw LuaCallError("run: options are named: { as_of = ..., settings = {...} }") }
    }
}
