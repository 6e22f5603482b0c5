import Foundation
import Testing

@testable import LuaHost

/// Scripts that make Lua's own C code do unbounded work, where the count hook never runs: loops
/// inside library functions over ranges a script chooses, functions whose work grows with their
/// arguments, and instructions that cost in proportion to the data they touch. Each must stop on
/// a limit (or finish at once), within its deadline and a small margin, and leave a usable state.
@Suite struct CLibraryAttackTests {
    struct Attack: CustomTestStringConvertible, Sendable {
        let name: String
        let source: String
        /// The kinds of error allowed (the first budget to run out wins); empty: must succeed.
        let kinds: Set<LuaError.Kind>
        /// A fragment the message must contain.
        let message: String
        var limits = LuaLimits(memoryBytes: 32 << 20, instructions: 2_000_000, deadline: .milliseconds(1_500))
        var testDescription: String { name }
    }

    static let huge = "1 << 62"
    /// For attacks on memory: time enough that a loaded machine meets the memory limit first.
    static let memory = LuaLimits(memoryBytes: 32 << 20, instructions: 2_000_000, deadline: .seconds(30))
    static let limit: Set<LuaError.Kind> = [.instructionLimit, .deadline]

    static let attacks: [Attack] = [
        // Loops whose length a script chooses
        Attack(
            name: "table.move over almost every integer", source: "table.move({}, 1, math.maxinteger - 1, 2, {})",
            kinds: limit, message: "exceeded"),
        Attack(
            name: "table.move backwards over a huge range", source: "local t = {} table.move(t, 1, \(huge), 2)",
            kinds: limit, message: "exceeded"),
        Attack(
            name: "table.insert on a table whose __len is huge",
            source: "table.insert(setmetatable({}, {__len = function() return \(huge) end}), 1, 'x')",
            kinds: limit, message: "exceeded"),
        Attack(
            name: "table.insert, __len huge only the second time it is asked",
            source:
                "local n = 0 local t = setmetatable({}, {__len = function() n = n + 1 return n == 1 and 1 or \(huge) end}) table.insert(t, 1, 'x') table.insert(t, 1, 'y')",
            kinds: limit, message: "exceeded"),
        Attack(
            name: "table.remove on a table whose __len is huge",
            source: "table.remove(setmetatable({}, {__len = function() return \(huge) end}), 1)",
            kinds: limit, message: "exceeded"),
        Attack(
            name: "table.concat of empty strings from a C __index",
            source:
                "local t = setmetatable({}, {__index = function() return '' end, __len = function() return \(huge) end}) return table.concat(t)",
            kinds: limit, message: "exceeded"),
        Attack(
            name: "table.concat with a C function as __index",
            source:
                "local t = setmetatable({}, {__index = string.lower, __len = function() return \(huge) end}) return table.concat(t)",
            kinds: limit.union([.runtime]), message: ""),
        Attack(
            name: "table.concat of a huge explicit range",
            source:
                "return table.concat(setmetatable({}, {__index = function() return '' end}), '', 1, math.maxinteger)",
            kinds: limit, message: "exceeded"),
        Attack(
            name: "table.unpack of millions of values", source: "return select('#', table.unpack({}, 1, 1e7))",
            kinds: [.runtime], message: "too many results to unpack"),
        Attack(
            name: "table.unpack of the most values, again and again",
            source:
                "local t = {} for i = 1, 60000 do t[i] = i end while true do local n = select('#', table.unpack(t)) end",
            kinds: limit, message: "exceeded"),
        Attack(
            name: "table.sort of a huge virtual table",
            source:
                "table.sort(setmetatable({}, {__len = function() return 1e8 end, __index = function() return 1 end, __newindex = function() end}))",
            kinds: limit.union([.memoryLimit]), message: "limit exceeded"),
        Attack(
            name: "table.sort with a comparator that loops",
            source: "local t = {} for i = 1, 100 do t[i] = i end table.sort(t, function(a, b) while true do end end)",
            kinds: limit, message: "exceeded"),
        Attack(
            name: "table.sort of a large array, forever",
            source: "local t = {} for i = 1, 50000 do t[i] = (i * 7919) % 50000 end while true do table.sort(t) end",
            kinds: limit, message: "exceeded"),
        Attack(
            name: "table.pack of many values, forever",
            source:
                "local t = {} for i = 1, 60000 do t[i] = i end while true do local p = table.pack(table.unpack(t)) end",
            kinds: limit.union([.memoryLimit]), message: "limit exceeded"),
        // Strings
        Attack(
            name: "string.rep with a separator, a billion times", source: "return #string.rep('', 1e9, 'x')",
            kinds: [.memoryLimit], message: "memory limit exceeded", limits: memory),
        Attack(
            name: "string.rep of a megabyte, forever",
            source: "while true do local s = string.rep('x', 1 << 20) end",
            kinds: limit, message: "exceeded"),
        Attack(
            name: "string.byte of a whole large string",
            source: "local s = string.rep('x', 1 << 20) return select('#', s:byte(1, -1))",
            kinds: [.runtime], message: "string slice too long"),
        Attack(
            name: "utf8.codepoint of a whole large string",
            source: "local s = string.rep('x', 1 << 20) return select('#', utf8.codepoint(s, 1, -1))",
            kinds: [.runtime], message: ""),
        Attack(
            name: "string.upper of a large string, forever",
            source: "local s = string.rep('x', 8 << 20) while true do local u = s:upper() end",
            kinds: limit, message: "exceeded"),
        Attack(
            name: "string.format of a large string, forever",
            source: "local s = string.rep('x', 8 << 20) while true do local u = string.format('%s', s) end",
            kinds: limit, message: "exceeded"),
        Attack(
            name: "tonumber scanning a large string, forever",
            source: "local s = string.rep(' ', 8 << 20) .. '1' while true do local n = tonumber(s) end",
            kinds: limit, message: "exceeded"),
        Attack(
            name: "string arithmetic scanning a large string, forever",
            source: "local s = string.rep(' ', 8 << 20) .. '1' while true do local n = s + 1 end",
            kinds: limit, message: "exceeded"),
        Attack(
            name: "rawequal of two large strings, forever",
            source:
                "local a, b = string.rep('x', 8 << 20) .. 'a', string.rep('x', 8 << 20) .. 'b' while true do local e = rawequal(a, b) end",
            kinds: limit, message: "exceeded"),
        Attack(
            name: "utf8.len of a large string, forever",
            source: "local s = string.rep('é', 4 << 20) while true do local n = utf8.len(s) end",
            kinds: limit, message: "exceeded"),
        Attack(
            name: "string.find plain, with a needle that almost matches everywhere",
            source:
                "local s = string.rep('a', 4 << 20) local needle = string.rep('a', 4096) .. 'b' return s:find(needle, 1, true)",
            kinds: limit, message: "exceeded"),
        Attack(
            name: "string.gsub with a 16 MiB replacement, repeated",
            source: "local r = string.rep('x', 16 << 20) return #(('abcdefgh'):gsub('.', r))",
            kinds: [.memoryLimit], message: "memory limit exceeded", limits: memory),
        Attack(
            name: "string.gsub with a replacement of many %0",
            source:
                "local s = string.rep('y', 1 << 20) local r = string.rep('%0', 1 << 20) return #(s:gsub('^.*$', r))",
            kinds: [.memoryLimit], message: "memory limit exceeded", limits: memory),
        Attack(
            name: "string.gsub doubling a string until memory runs out",
            source: "local s = 'xx' while true do s = s:gsub('x', 'xx') end",
            kinds: limit.union([.memoryLimit]), message: "exceeded"),
        // Costly instructions
        Attack(
            name: "comparing two large strings, forever",
            source:
                "local a, b = string.rep('x', 12 << 20) .. 'a', string.rep('x', 12 << 20) .. 'b' while a ~= b do end",
            kinds: [.deadline], message: "deadline exceeded",
            limits: LuaLimits(memoryBytes: 64 << 20, instructions: 0, deadline: .milliseconds(500))),
        Attack(
            name: "table.sort of many references to two long strings",
            source:
                "local a, b = string.rep('x', 20 << 20) .. 'a', string.rep('x', 20 << 20) .. 'b' local t = {} for i = 1, 65536 do t[i] = i % 2 == 0 and a or b end table.sort(t)",
            kinds: [.instructionLimit], message: "instruction limit exceeded",
            limits: LuaLimits(memoryBytes: 128 << 20, instructions: 2_000_000, deadline: .seconds(30))),
        Attack(
            name: "utf8.codes' iterator over a string of continuation bytes, forever",
            source:
                "local s = 'a' .. string.rep('\\x80', 16 << 20) local it = utf8.codes('a') while true do it(s, 1) end",
            kinds: [.instructionLimit], message: "instruction limit exceeded",
            limits: LuaLimits(memoryBytes: 64 << 20, instructions: 2_000_000, deadline: .seconds(30))),
        Attack(
            name: "passing the most arguments, forever",
            source:
                "local t = {} for i = 1, 65536 do t[i] = i end local function f(...) return ... end local function g(...) while true do f(...) end end g(table.unpack(t))",
            kinds: [.deadline], message: "deadline exceeded",
            limits: LuaLimits(memoryBytes: 64 << 20, instructions: 0, deadline: .milliseconds(500))),
        Attack(
            name: "a loop in a __close handler after the limit",
            source:
                "local x <close> = setmetatable({}, {__close = function() while true do end end}) while true do end",
            kinds: limit, message: "exceeded"),
        Attack(
            name: "print of huge lines, forever",
            source: "local s = string.rep('p', 1 << 20) while true do print(s, s, s) end",
            kinds: limit, message: "exceeded"),
        Attack(
            name: "math.max over many arguments, forever",
            source:
                "local t = {} for i = 1, 65536 do t[i] = i end while true do local m = math.max(table.unpack(t)) end",
            kinds: limit, message: "exceeded"),
    ]

    @Test(arguments: attacks)
    func stopsWithinItsLimits(_ attack: Attack) throws {
        let lua = try LuaState()
        let chunk = try lua.load(attack.source, name: "attack.lua")
        let started = ContinuousClock.now
        do {
            let results = try lua.call(chunk, limits: attack.limits)
            if !attack.kinds.isEmpty { Issue.record("\(attack.name): no error, returned \(results)") }
        } catch {
            #expect(attack.kinds.contains(error.kind), "\(attack.name): \(error)")
            if !attack.message.isEmpty {
                #expect(error.message.contains(attack.message), "\(attack.name): \(error.message)")
            }
        }
        let elapsed = ContinuousClock.now - started
        // The deadline, and a margin for a loaded machine: a C loop past its budget would run for hours.
        let allowed = (attack.limits.deadline ?? .seconds(2)) + .seconds(2)
        #expect(elapsed < allowed, "\(attack.name): took \(elapsed)")
        // The state still works, and lets go of what the script made.
        let check = try lua.load(
            "local t = {} for i = 1, 1000 do t[i] = i * 2 end return #t, ('ok'):upper()", name: "after.lua")
        #expect(try lua.call(check) == [1000, "OK"])
        lua.collectGarbage()
        #expect(lua.memoryInUse < 4 << 20, "\(attack.name): \(lua.memoryInUse) bytes still held")
    }

    @Test func comparingLongStringsKeptFromAnEarlierCallStillMeetsTheDeadline() throws {
        let lua = try LuaState()
        lua.markQuiet()
        let environment = try lua.makeEnvironment()
        let keep = try lua.load(
            "a = string.rep('x', 24 << 20) .. 'a' b = string.rep('x', 24 << 20) .. 'b'", name: "keep.lua",
            environment: environment)
        try lua.call(keep, limits: LuaLimits(memoryBytes: 128 << 20, instructions: 0, deadline: .seconds(30)))
        let compare = try lua.load("while a ~= b do end", name: "compare.lua", environment: environment)
        let started = ContinuousClock.now
        #expect {
            try lua.call(
                compare, limits: LuaLimits(memoryBytes: 16 << 20, instructions: 0, deadline: .milliseconds(300)))
        } throws: { ($0 as? LuaError)?.kind == .deadline }
        #expect(ContinuousClock.now - started < .milliseconds(1_300))
    }

    /// Each comparison of two long strings is charged their common length: the deadline is met
    /// within a few comparisons, not the 4,096 steps between two looks at the clock.
    @Test func sortingLongStringsMeetsItsDeadlineClosely() throws {
        let lua = try LuaState()
        let chunk = try lua.load(
            "local a, b = string.rep('x', 20 << 20) .. 'a', string.rep('x', 20 << 20) .. 'b' local t = {} for i = 1, 65536 do t[i] = i % 2 == 0 and a or b end table.sort(t)",
            name: "sort.lua")
        let started = ContinuousClock.now
        #expect {
            try lua.call(
                chunk, limits: LuaLimits(memoryBytes: 128 << 20, instructions: 0, deadline: .milliseconds(500)))
        } throws: { error in
            (error as? LuaError)?.kind == .deadline
                && (error as? LuaError)?.message.contains("deadline exceeded") == true
        }
        let elapsed = ContinuousClock.now - started
        #expect(elapsed < .milliseconds(900), "took \(elapsed)")
    }

    @Test func anEmptyStringRepeatedForeverIsEmptyAtOnce() throws {
        let lua = try LuaState()
        let chunk = try lua.load(
            "return string.rep('', math.maxinteger), string.rep('', math.maxinteger, '')", name: "rep.lua")
        #expect(try lua.call(chunk, limits: LuaLimits(instructions: 10_000)) == ["", ""])
    }

    @Test func aLoopWithoutAnInstructionBudgetStillMeetsItsDeadline() throws {
        let lua = try LuaState()
        let chunk = try lua.load("table.move({}, 1, math.maxinteger - 1, 2, {})", name: "move.lua")
        let started = ContinuousClock.now
        #expect {
            try lua.call(chunk, limits: LuaLimits(memoryBytes: 16 << 20, instructions: 0, deadline: .milliseconds(200)))
        } throws: { ($0 as? LuaError)?.kind == .deadline }
        #expect(ContinuousClock.now - started < .seconds(2))
    }

    @Test func aLimitHitInsideACLoopCannotBeSwallowed() throws {
        let lua = try LuaState()
        let chunk = try lua.load(
            "for i = 1, 100 do pcall(table.move, {}, 1, math.maxinteger - 1, 2, {}) end return 'survived'",
            name: "swallow.lua")
        #expect {
            try lua.call(chunk, limits: LuaLimits(instructions: 1_000_000, deadline: .seconds(5)))
        } throws: { ($0 as? LuaError)?.kind == .instructionLimit }
    }

    /// Every function of the rewritten table library, and the guarded functions, against Lua's
    /// own, on ordinary uses and on the errors a script can cause: same results, same messages.
    @Test func theRewrittenAndGuardedFunctionsBehaveAsLuasOwn() throws {
        let cases = [
            "local t = {1, 2, 3} table.insert(t, 4) table.insert(t, 1, 0) return table.concat(t, ',')",
            "local t = {1, 2, 3} table.insert(t, 4, 'x') return table.concat(t, ',')",
            "local t = {1, 2, 3} return pcall(table.insert, t, 6, 'x')",
            "local t = {1, 2, 3} return pcall(table.insert, t, 0, 'x')",
            "return pcall(table.insert, {}, 1, 2, 3)",
            "return pcall(table.insert, 'x', 1)",
            "local t = {1, 2, 3} local r = table.remove(t) return r, table.concat(t, ',')",
            "local t = {1, 2, 3} local r = table.remove(t, 1) return r, table.concat(t, ',')",
            "local t = {} return table.remove(t), #t",
            "local t = {1, 2, 3} return pcall(table.remove, t, 7)",
            "local t = {1, 2, 3} return table.remove(t, 4), #t",
            "local t = {1, 2, 3, 4, 5} table.move(t, 2, 4, 1) return table.concat(t, ',')",
            "local t = {1, 2, 3, 4, 5} table.move(t, 1, 3, 3) return table.concat(t, ',')",
            "local a, b = {1, 2, 3}, {} table.move(a, 1, 3, 2, b) return b[1], b[2], b[4]",
            "return pcall(table.move, {}, -1, math.maxinteger, 1)",
            "return pcall(table.move, {}, 1, 2, math.maxinteger)",
            "return table.concat({}), table.concat({1, 2.5, 'x'}, '-'), table.concat({1, 2, 3}, ', ', 2, 3)",
            "return pcall(table.concat, {1, {}, 3})",
            "return pcall(table.concat, {1, 2}, ',', 1, 3)",
            "local p = table.pack(1, nil, 3) return p.n, p[1], p[2], p[3]",
            "return table.unpack({1, 2, 3})",
            "return table.unpack({1, 2, 3}, 2)",
            "return table.unpack({1, 2, 3}, 2, 5)",
            "return select('#', table.unpack({}, 3, 2))",
            "local t = {5, 2, 8, 1, 9, 3} table.sort(t) return table.concat(t, ',')",
            "local t = {5, 2, 8, 1, 9, 3} table.sort(t, function(a, b) return a > b end) return table.concat(t, ',')",
            "local t = {'b', 'a', 'c'} table.sort(t) return table.concat(t)",
            "return pcall(table.sort, {1, 'x', 2})",
            "return pcall(table.sort, {1, 2}, 'not a function')",
            "local t = setmetatable({}, {__index = function(_, k) return k * 10 end, __len = function() return 3 end}) return table.concat(t, ','), table.unpack(t)",
            "local log = {} local t = setmetatable({}, {__newindex = function(_, k, v) log[#log + 1] = k .. '=' .. tostring(v) end, __index = function() return nil end, __len = function() return 2 end}) table.insert(t, 'v') return table.concat(log, ';')",
            // The guarded functions keep Lua's results and messages.
            "return ('abc'):rep(3, ', '), ('x'):rep(0), ('x'):rep(-2), pcall(string.rep, 'x', 2^62)",
            "return ('héllo'):byte(1, -1)",
            "return string.char(72, 105), pcall(string.char, 256), pcall(string.byte, {})",
            "return string.format('%5.1f|%q|%s', 3.14159, 'a\\nb', nil), pcall(string.format, '%d', 'x')",
            "return ('MiXeD'):upper(), ('MiXeD'):lower(), ('abc'):reverse(), ('abcdef'):sub(2, -2)",
            "return tonumber('  0x1F  '), tonumber('z', 36), tonumber('1e2'), pcall(tonumber, 'x', 99)",
            "return rawequal('a', 'a'), select('#', 1, nil, 3), select(-1, 1, 2, 3), pcall(select, 0, 1)",
            "return utf8.char(233, 8364), utf8.len('héllo'), utf8.offset('héllo', 3), utf8.codepoint('é')",
            "return math.max(3, 9, 1), math.min(3, 9, 1), pcall(math.max)",
            "local t = {} for p, c in utf8.codes('héllo €') do t[#t + 1] = p .. '=' .. c end return table.concat(t, ',')",
            "local it, s, n = utf8.codes('aé\\x80\\x80b') return it(s, 0), it(s, 1), it(s, 2), pcall(it, s, 3)",
            "local it = utf8.codes('x') return it('é', 1), it('é', 5), it('abc', -1), pcall(it, 'é\\xff', 0)",
            "return pcall(utf8.codes, '\\x80'), select('#', utf8.codes('abc', true))",
            "local t = {'b', 'a', 'bb', 'ab', 'a'} table.sort(t) return table.concat(t, ',')",
            "local ok, e = pcall(function() return 'x' + 1 end) return '10' + 1, '3' * '4', ok, (e:gsub('^.*:%d+: ', ''))",
            "return string.pack('i4', 7):byte(1), string.unpack('i4', string.pack('i4', 7)), string.packsize('i4i8')",
        ]
        let native = NativeLua()
        for source in cases {
            let lua = try LuaState()
            let wrapped =
                "local function dump(...) local t = {} for i = 1, select('#', ...) do t[i] = tostring((select(i, ...))) end return table.concat(t, '|') end return dump((function() \(source) end)())"
            let ours = try lua.call(try lua.load(wrapped, name: "case.lua"))
            #expect(ours == [.string(native.run(wrapped))], "\(source)")
        }
    }

    @Test func sortIsStable() throws {
        let lua = try LuaState()
        let chunk = try lua.load(
            """
            local t = {}
            for i = 1, 500 do t[i] = {key = i % 7, order = i} end
            table.sort(t, function(a, b) return a.key < b.key end)
            for i = 2, #t do
              if t[i - 1].key == t[i].key and t[i - 1].order > t[i].order then return 'unstable at ' .. i end
            end
            return 'stable'
            """, name: "stable.lua")
        #expect(try lua.call(chunk) == ["stable"])
    }
}
