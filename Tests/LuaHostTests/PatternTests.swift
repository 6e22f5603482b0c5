import Testing

@testable import LuaHost

/// The sandbox's `string.find`, `match`, `gmatch` and `gsub` are reimplemented to count their
/// steps: they must give exactly what Lua's own give.
@Suite struct PatternTests {
    /// Runs each case through find (three starts), match, gsub (four replacements) and gmatch,
    /// and prints every result, errors included.
    static let harness = """
        local cases = ...
        local function dump(ok, ...)
          local t = {tostring(ok)}
          for i = 1, select('#', ...) do local v = select(i, ...) t[#t + 1] = type(v) .. ':' .. tostring(v) end
          return table.concat(t, '|')
        end
        local out = {}
        for _, case in ipairs(cases) do
          local s, p = case[1], case[2]
          out[#out + 1] = p .. ' ON ' .. s
          out[#out + 1] = dump(pcall(string.find, s, p))
          out[#out + 1] = dump(pcall(string.find, s, p, 3))
          out[#out + 1] = dump(pcall(string.find, s, p, -2))
          out[#out + 1] = dump(pcall(string.find, s, p, 1, true))
          out[#out + 1] = dump(pcall(string.match, s, p))
          out[#out + 1] = dump(pcall(string.match, s, p, 2))
          out[#out + 1] = dump(pcall(string.gsub, s, p, '<%0>'))
          out[#out + 1] = dump(pcall(string.gsub, s, p, '[%1%%]'))
          out[#out + 1] = dump(pcall(string.gsub, s, p, function(a, b) if b then return a .. '/' .. tostring(b) end end))
          out[#out + 1] = dump(pcall(string.gsub, s, p, {a = 'A', ab = 'AB', ['1'] = 1}, 2))
          out[#out + 1] = dump(pcall(function()
            local r = {}
            for a, b in string.gmatch(s, p) do r[#r + 1] = tostring(a) .. ',' .. tostring(b) end
            return table.concat(r, ';')
          end))
        end
        return table.concat(out, '\\n')
        """

    static let fixedCases: [(String, String)] = [
        ("hello world", "o"), ("hello world", "(o)"), ("hello world", "l+"), ("hello world", "l*"),
        ("hello world", "l-"), ("hello world", "l?"), ("hello world", "^h"), ("hello world", "d$"),
        ("hello world", "^(%w+)"), ("hello world", "(%w+) (%w+)"), ("key = value", "(%w+)%s*=%s*(%w+)"),
        ("THE (quick) fox", "%((%a+)%)"), ("THE (quick) fox", "%b()"), ("f(a(b)c)d", "%b()"),
        ("THE (quick) fox", "%f[%a]%a+"), ("THE (quick) fox", "%f[%A]"), ("aaa", "()a()"),
        ("abcabc", "(abc)%1"), ("abab", "(a)(b)%2"), ("", ""), ("", ".*"), ("abc", ""), ("abc", "$"),
        ("a.b", "%."), ("a.b", "."), ("a+b", "a+b"), ("a+b", "a%+b"), ("[x]", "[[]"), ("[x]", "[]]"),
        ("a]b", "[]]"), ("a-b", "[a-]"), ("a-b", "[%-]"), ("x^y", "[%^]"), ("x^y", "[x^]"),
        ("tab\there", "%s"), ("123abc", "%d+"), ("123abc", "%D+"), ("AbC", "%u"), ("AbC", "%l+"),
        ("a1_b2", "[%w_]+"), ("hex 0xFF", "0x(%x+)"), ("a\u{0}b", "%z"), ("a\u{0}b", "a.b"),
        ("éèê", "[\u{00}-\u{7F}]"), ("éèê", "[\u{80}-\u{FF}]+"), ("éèê", "%a"), ("trailing %", "%"),
        ("x", "[a"), ("x", "[^"), ("x", "(x"), ("x", "x)"), ("x", "%b"), ("x", "%bx"), ("x", "%f"),
        ("x", "%fx"), ("x", "(x)%2"), ("x", "%0"), ("x", "()%1"), ("aaa", "^a-$"), ("aaab", "a-b"),
        ("line1\nline2", "[^\n]+"), ("  trim  ", "^%s*(.-)%s*$"), ("2025-03-10", "^(%d%d%d%d)-(%d%d)-(%d%d)$"),
        ("P1Y6M", "^P(%d+)Y(%d+)M$"), ("caller: +33 6 12 34 56 78", "%+?%d[%d ]+%d"),
        ("jean.dupont@electra.example", "[%w%.%-_]+@[%w%.%-]+%.%a+"), ("a,b,,c", "([^,]*)"),
        ("((()))", "%b()"), ("x = 1, y = 2", "(%w+) = (%w+)"), ("aaa", "a*?"), ("ab", "a?b?c?"),
    ]

    /// A deterministic stream of cases from a small alphabet, mixing valid and malformed patterns.
    static func randomCases(count: Int, seed: UInt64) -> [(String, String)] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let atoms = [
            "a", "b", "c", ".", "%a", "%d", "%s", "%w", "%p", "%A", "[ab]", "[^a]", "[a-c]", "[%d%a]", " ", "%%", "%.",
            "1", "(",
        ]
        let suffixes = ["", "", "", "*", "+", "-", "?"]
        let specials = ["(", ")", "()", "%1", "%2", "%b()", "%f[%w]", "%f[%s]", "^", "$", "[", "%", "%bab", "]"]
        let subjectAlphabet = Array("abc1 2()[].%ab")
        var cases: [(String, String)] = []
        for _ in 0..<count {
            var pattern = next(5) == 0 ? "^" : ""
            var open = 0
            for _ in 0..<(1 + next(5)) {
                switch next(10) {
                case 0:
                    pattern += "("
                    open += 1
                case 1 where open > 0:
                    pattern += ")"
                    open -= 1
                case 2:
                    pattern += specials[next(specials.count)]
                default:
                    pattern += atoms[next(atoms.count)] + suffixes[next(suffixes.count)]
                }
            }
            if next(3) > 0 { pattern += String(repeating: ")", count: open) }
            if next(6) == 0 { pattern += "$" }
            let subject = String((0..<next(14)).map { _ in subjectAlphabet[next(subjectAlphabet.count)] })
            cases.append((subject, pattern))
        }
        return cases
    }

    /// The harness's output in the sandbox and in native Lua, for `cases`.
    func compare(_ cases: [(String, String)]) throws {
        let lua = try LuaState()
        let native = NativeLua()
        for batch in stride(from: 0, to: cases.count, by: 200).map({ Array(cases[$0..<min($0 + 200, cases.count)]) }) {
            let table = LuaValue.table(LuaTable(array: batch.map { [.string($0.0), .string($0.1)] }))
            let ours = try lua.call(try lua.load(Self.harness, name: "diff"), [table])[0].stringValue ?? ""
            let literal = batch.map { "{\(Self.quote($0.0)), \(Self.quote($0.1))}" }.joined(separator: ",")
            let reference = native.run("local f = load(\(Self.quote(Self.harness)), '=diff') return f({\(literal)})")
            let oursLines = ours.split(separator: "\n", omittingEmptySubsequences: false)
            let referenceLines = reference.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(oursLines.count == referenceLines.count)
            var pattern = ""
            for (mine, theirs) in zip(oursLines, referenceLines) {
                if mine.contains(" ON ") { pattern = String(mine) }
                #expect(mine == theirs, "\(pattern)")
                if mine != theirs { return }
            }
        }
    }

    /// A Lua string literal for any bytes.
    static func quote(_ s: String) -> String {
        "\"" + s.utf8.map { "\\\($0)" }.joined() + "\""
    }

    @Test func matchesLuaOnKnownCases() throws {
        try compare(Self.fixedCases)
    }

    @Test func matchesLuaOnGeneratedCases() throws {
        try compare(Self.randomCases(count: 3000, seed: 2026))
    }

    @Test func matchingSpendsTheInstructionBudget() throws {
        let lua = try LuaState()
        let chunk = try lua.load("return (('a'):rep(100)):find('.-.-b')", name: "p.lua")
        #expect(throws: LuaError.self) { try lua.call(chunk, limits: LuaLimits(instructions: 20_000)) }
        #expect(try lua.call(chunk, limits: LuaLimits(instructions: 50_000_000)) == [.nil])
    }

    @Test func deadlineStopsMatching() throws {
        let lua = try LuaState()
        let chunk = try lua.load("return (('a'):rep(100000)):find('.-.-.-b')", name: "p.lua")
        #expect { try lua.call(chunk, limits: LuaLimits(instructions: 0, deadline: .milliseconds(100))) } throws: {
            error in
            (error as? LuaError)?.kind == .deadline
        }
    }

    @Test func patternErrorsAreScriptErrors() throws {
        let lua = try LuaState()
        #expect { try lua.call(try lua.load("return ('x'):find('[a')", name: "p.lua")) } throws: { error in
            let error = error as? LuaError
            return error?.kind == .runtime && error?.message == "malformed pattern (missing ']')" && error?.line == 1
        }
    }
}
