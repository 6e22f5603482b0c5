import Testing

@testable import LuaHost

/// Lua patterns matched from Swift (plugin detectors), and calls with limits of their own from
/// inside a host function.
@Suite struct LuaPatternTests {
    /// Every match of `pattern` in `text`, as `string.gmatch` would give them (the candidate:
    /// the first capture, or the whole match).
    func candidates(_ pattern: String, in text: String) throws -> [String] {
        let compiled = try LuaPattern(pattern)
        compiled.allow(steps: 1_000_000, until: nil)
        var found: [String] = []
        var text = text
        try text.withUTF8 { bytes in
            try compiled.matches(in: bytes) { _, candidate in
                found.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[candidate]), as: UTF8.self))
                return true
            }
        }
        return found
    }

    /// What Lua's own gmatch returns for the same pattern and text.
    func native(_ pattern: String, in text: String) throws -> [String] {
        let lua = try LuaState()
        let chunk = try lua.load(
            "local out = {} for m in string.gmatch(...) do out[#out + 1] = m end return out", name: "gmatch.lua")
        let result = try lua.call(chunk, [.string(text), .string(pattern)])
        return result.first?.tableValue?.array.compactMap(\.stringValue) ?? []
    }

    @Test(arguments: [
        ("%d+", "a 12 b 345 c6"),
        ("%f[%w](%d%d%d ?%d%d%d ?%d%d%d)%f[%W]", "SIREN 732 829 320, not 1732829320 nor 732829320x"),
        ("[A-Z][A-Z]%-%d%d%d%-[A-Z][A-Z]", "plates AB-123-CD and ab-123-cd, EF-456-GH."),
        ("(%a+)@(%a+)", "jean@example marie@test"),
        ("x*", "axxb"),
        ("%f[%a]%a+", "THE (quick) fox"),
        // A leading frontier narrows the bytes a match may start at to its set and the next item's.
        ("%f[%w]([A-Z][A-Z][- ]?%d%d%d[- ]?[A-Z][A-Z])%f[%W]", "AB-123-CD, xAB-123-CD, AB 123 CD9, ab-123-cd"),
        ("%f[%w](FR ?%d%d ?%d%d%d)%f[%W]", "TVA FR44 732, FR44732 and XFR44732, FR 44 732."),
        ("%f[%d](%d)%d*", "a1 b22 c333"),
        ("%f[%w]%d*x", "x 12x ax 7"),
        ("%f[%s]%d", "1 2 3"),
        ("%f[%w]%f[%d]%d+", "ab 12 c3"),
    ])
    func matchesLikeGmatch(pattern: String, text: String) throws {
        #expect(try candidates(pattern, in: text) == native(pattern, in: text))
    }

    @Test func aCaretAnchorsAtTheStart() throws {
        #expect(try candidates("^%d+", in: "123 456") == ["123"])
        #expect(try candidates("^%d+", in: "a 123") == [])
    }

    @Test func aBacktrackingPatternRunsOutOfSteps() throws {
        let pattern = try LuaPattern(".-.-.-.-.-b")
        pattern.allow(steps: 10_000, until: nil)
        var text = String(repeating: "a", count: 2_000)
        #expect {
            try text.withUTF8 { bytes in try pattern.matches(in: bytes) { _, _ in true } }
        } throws: { error in
            (error as? LuaError)?.kind == .instructionLimit
        }
        // The budget is the pattern's: a new one lets it match again.
        pattern.allow(steps: 1_000, until: nil)
        var short = "aab"
        var count = 0
        try short.withUTF8 { bytes in
            try pattern.matches(in: bytes) { _, _ in
                count += 1
                return true
            }
        }
        #expect(count == 1)
    }

    @Test func malformedPatternsAreRefused() {
        #expect { try LuaPattern("[a-z") } throws: { error in
            (error as? LuaError)?.message.contains("malformed pattern") == true
        }
        #expect(throws: LuaError.self) { try LuaPattern("%") }
    }

    @Test func aCallWithItsOwnLimitsLeavesTheOuterCallRunning() throws {
        let lua = try LuaState()
        let looping = try lua.call(try lua.load("return function() while true do end end", name: "plugin.lua"))[0]
        let failures = Box()
        try lua.setGlobal(
            "probe",
            lua.function("probe") { call in
                do {
                    try call.state.callWithOwnLimits(
                        looping, limits: LuaLimits(memoryBytes: 1 << 20, instructions: 10_000, deadline: nil))
                } catch let error as LuaError {
                    failures.errors.append(error)
                }
                return 0
            })
        // The outer call keeps its own budget: the three inner failures do not spend it.
        let result = try lua.call(
            try lua.load(
                "probe() probe() probe() local n = 0 for i = 1, 1000 do n = n + i end return n", name: "rule.lua"),
            limits: LuaLimits(memoryBytes: 16 << 20, instructions: 50_000, deadline: .seconds(5)))
        #expect(result == [.integer(500_500)])
        #expect(failures.errors.count == 3)
        #expect(failures.errors.allSatisfy { $0.kind == .instructionLimit && $0.file == "plugin.lua" && $0.line == 1 })
    }

    @Test func aCallWithItsOwnLimitsCannotOutliveTheOuterDeadline() throws {
        let lua = try LuaState()
        let looping = try lua.call(try lua.load("return function() while true do end end", name: "plugin.lua"))[0]
        let failures = Box()
        try lua.setGlobal(
            "probe",
            lua.function("probe") { call in
                do {
                    try call.state.callWithOwnLimits(
                        looping, limits: LuaLimits(memoryBytes: 1 << 20, instructions: 0, deadline: .seconds(60)))
                } catch let error as LuaError {
                    failures.errors.append(error)
                }
                return 0
            })
        let started = ContinuousClock.now
        #expect(throws: LuaError.self) {
            try lua.call(
                try lua.load("probe() while true do end", name: "rule.lua"),
                limits: LuaLimits(memoryBytes: 16 << 20, instructions: 0, deadline: .milliseconds(200)))
        }
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(failures.errors.first?.kind == .deadline)
    }

    final class Box: @unchecked Sendable { var errors: [LuaError] = [] }
}
