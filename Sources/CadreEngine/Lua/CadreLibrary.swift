import CadreModel
import LuaHost

/// Installs the `cadre` API in a worker's state: the host functions the prelude builds on, the
/// `cadre` library (read-only, shared by every rule), the methods of systems, and `ctx`.
struct CadreLibrary {
    /// What every system tree falls back on: the methods of systems (`system:holds(...)`), and
    /// the root's collections a descriptor leaves out (``SystemTree/rootFallback(methods:in:)``).
    let systemMethods: LuaValue
    /// The `cadre` library, as rules see it.
    let library: LuaValue
    /// `ctx:fail`, `ctx:warn`, `ctx:info`.
    let contextFunctions: LuaTable

    init(state: LuaState, taxonomy: Taxonomy, sink: FindingSink) throws(LuaError) {
        let host = try state.readOnly(
            .table(LuaTable(fields: Self.hostFunctions(state, taxonomy: taxonomy, sink: sink))))
        let prelude = try state.load(try CadrePrelude.source(), name: CadrePrelude.chunkName)
        let exported = try state.call(
            prelude, [host], limits: LuaLimits(memoryBytes: 0, instructions: 0, deadline: nil))
        guard let api = exported.first?.tableValue, let cadre = api["cadre"], let system = api["system"]?.tableValue,
            let ctx = api["ctx"]?.tableValue
        else {
            throw LuaError(.host, "the cadre prelude did not return its API")
        }
        library = try state.readOnly(cadre)
        try state.setGlobal("cadre", library)
        systemMethods = try SystemTree.rootFallback(methods: system, in: state)
        contextFunctions = ctx
    }

    /// The most bytes of a date, duration, taxonomy key or country code the host reads: a longer
    /// argument is cut (and then is not valid), so what the host copies stays small whatever a rule
    /// passes.
    static let argumentLimit = 256

    /// The host's side of the API, as `host.*` in the prelude.
    private static func hostFunctions(_ state: LuaState, taxonomy: Taxonomy, sink: FindingSink) -> [(String, LuaValue)]
    {
        [
            (
                "duration",
                state.function("cadre.duration") { call in
                    let text = try call.text(1, limit: argumentLimit)
                    do {
                        let duration = try ISODuration(parsing: text)
                        call.push(duration.totalMonths)
                        call.push(duration.totalSeconds)
                        call.push(duration.averageSeconds)
                        return 3
                    } catch let error as ISOFormatError {
                        call.pushNil()
                        call.pushNil()
                        call.pushNil()
                        call.push(error.description + (error.hint.map { "; \($0)" } ?? ""))
                        return 4
                    }
                }
            ),
            (
                "relation",
                state.function("duration:compare") { call in
                    guard let a = ISODuration(try call.text(1, limit: argumentLimit)),
                        let b = ISODuration(try call.text(2, limit: argumentLimit))
                    else {
                        throw LuaCallError("durations to compare must be ISO 8601 durations")
                    }
                    call.push(a.relation(to: b).rawValue)
                    return 1
                }
            ),
            (
                "date",
                state.function("cadre.date") { call in
                    let text = try call.text(1, limit: argumentLimit)
                    do {
                        let date = try ISODate(parsing: text)
                        call.push(date.year)
                        call.push(date.month)
                        call.push(date.day)
                        call.push(date.dayNumber)
                        return 4
                    } catch let error as ISOFormatError {
                        call.pushNil()
                        call.pushNil()
                        call.pushNil()
                        call.pushNil()
                        call.push(error.description + (error.hint.map { "; \($0)" } ?? ""))
                        return 5
                    }
                }
            ),
            (
                "add",
                state.function("date:add") { call in
                    guard let date = ISODate(try call.text(1, limit: argumentLimit)),
                        let duration = ISODuration(try call.text(2, limit: argumentLimit))
                    else {
                        throw LuaCallError("date arithmetic needs an ISO 8601 date and duration")
                    }
                    let result = try call.integer(3) >= 0 ? date.adding(duration) : date.subtracting(duration)
                    guard let result else {
                        call.pushNil()
                        call.push("\(date) and \(duration) give a date out of range")
                        return 2
                    }
                    call.push(result.description)
                    return 1
                }
            ),
            (
                "special",
                state.function("cadre.taxonomy.special") { call in
                    if let special = taxonomy.specialCategory(of: try call.text(1, limit: argumentLimit)) {
                        call.push(special.rawValue)
                    } else {
                        call.pushNil()
                    }
                    return 1
                }
            ),
            (
                "known",
                state.function("cadre.taxonomy.known") { call in
                    let key = try call.text(1, limit: argumentLimit)
                    let kinds: [TaxonomyKind] =
                        switch call.isNil(2) ? nil : try call.text(2, limit: argumentLimit) {
                        case nil: TaxonomyKind.allCases
                        case "category": [.dataCategory]
                        case "use": [.dataUse]
                        case "subject": [.dataSubject]
                        case let other?:
                            throw call.argumentError(
                                2, "\"category\", \"use\" or \"subject\" expected, got \"\(other)\"")
                        }
                    call.push(kinds.contains { taxonomy.contains(key, in: $0) })
                    return 1
                }
            ),
            (
                "term_name",
                state.function("cadre.taxonomy.name") { call in
                    let key = try call.text(1, limit: argumentLimit)
                    if let term = TaxonomyKind.allCases.lazy.compactMap({ taxonomy.term(key, in: $0) }).first {
                        call.push(term.name)
                    } else {
                        call.pushNil()
                    }
                    return 1
                }
            ),
            (
                "in_eea",
                state.function("in_eea") { call in
                    call.push(EuropeanEconomicArea.contains(try call.text(1, limit: argumentLimit)))
                    return 1
                }
            ),
            (
                "record",
                state.function("ctx:record") { call in
                    let level: Finding.Level =
                        switch try call.text(1, limit: 16) {
                        case "fail": .fail
                        case "warn": .warn
                        default: .info
                        }
                    let key = call.isNil(3) ? nil : try call.text(3, limit: FindingSink.keyLimit)
                    let evidence =
                        call.isTable(5)
                        ? call.texts(5, upTo: FindingSink.evidenceLimit, eachUpTo: FindingSink.evidenceTextLimit) : []
                    sink.record(
                        level, tag: call.tag(2), key: key, message: try call.text(4, limit: FindingSink.messageLimit),
                        evidence: evidence)
                    return 0
                }
            ),
        ]
    }
}
