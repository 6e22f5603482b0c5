import Testing

@testable import LuaHost

/// Errors as values: the kind, the file and line a user must open, the message, the traceback.
@Suite struct ErrorTests {
    let lua: LuaState
    init() throws { lua = try LuaState() }

    @Test func runtimeErrorsPointAtTheirLine() throws {
        let chunk = try lua.load(
            "local system = {}\n\nreturn system.data.retention", name: "policies/gdpr/retention.lua")
        #expect { try lua.call(chunk) } throws: { error in
            guard let error = error as? LuaError else { return false }
            return error.kind == .runtime && error.file == "policies/gdpr/retention.lua" && error.line == 3
                && error.message == "attempt to index a nil value (field 'data')"
                && error.description == "policies/gdpr/retention.lua:3: attempt to index a nil value (field 'data')"
                && error.traceback?.contains("policies/gdpr/retention.lua:3: in main chunk") == true
        }
    }

    @Test func errorLevelTwoBlamesTheCaller() throws {
        let chunk = try lua.load(
            "local function check(x)\n  if not x then error('x is required', 2) end\nend\ncheck(nil)", name: "rule.lua")
        #expect { try lua.call(chunk) } throws: { error in
            let error = error as? LuaError
            return error?.line == 4 && error?.message == "x is required"
        }
    }

    @Test func errorsInAnotherChunkNameThatChunk() throws {
        let library = try lua.load("return function(t) return t.missing.field end", name: "policies/gdpr/lib/util.lua")
        let helper = try lua.call(library)[0]
        let rule = try lua.load(
            "local helper = ...\nlocal result = helper({})\nreturn result", name: "policies/gdpr/rule.lua")
        #expect { try lua.call(rule, [helper]) } throws: { error in
            let error = error as? LuaError
            return error?.file == "policies/gdpr/lib/util.lua" && error?.line == 1
                && error?.traceback?.contains("policies/gdpr/rule.lua:2") == true
        }
    }

    @Test func longChunkNamesKeepTheirFullPath() throws {
        let name = "policies/a-very-long-pack-name-for-testing/rules/with/many/folders/retention-of-call-recordings.lua"
        let chunk = try lua.load("\n\nerror('too long')", name: name)
        #expect { try lua.call(chunk) } throws: { error in
            let error = error as? LuaError
            return error?.file == name && error?.line == 3 && error?.message == "too long"
        }
        #expect { _ = try lua.load("return (", name: name) } throws: { error in
            let error = error as? LuaError
            return error?.kind == .syntax && error?.file == name && error?.line == 1
        }
    }

    @Test func syntaxErrorsHaveTheirLine() throws {
        #expect {
            _ = try lua.load("return {\n  id = 'x',\n  title = 'y'\n  severity = 'high',\n}", name: "rule.lua")
        } throws: { error in
            guard let error = error as? LuaError else { return false }
            return error.kind == .syntax && error.file == "rule.lua" && error.line == 4
                && error.message == "'}' expected (to close '{' at line 1) near 'severity'"
        }
    }

    @Test func nonStringErrorObjects() throws {
        #expect { try lua.call(try lua.load("error(42)", name: "n.lua")) } throws: { error in
            (error as? LuaError)?.message == "42"
        }
        #expect { try lua.call(try lua.load("error()", name: "n.lua")) } throws: { error in
            (error as? LuaError)?.message == "(error object is a nil value)"
        }
        let chunk = try lua.load(
            "error(setmetatable({}, {__tostring = function() return 'custom' end}))", name: "n.lua")
        #expect { try lua.call(chunk) } throws: { error in
            (error as? LuaError)?.message == "custom"
        }
    }

    @Test func limitErrorsNameTheLimitAndTheLine() throws {
        let chunk = try lua.load("local n = 0\nwhile true do\n  n = n + 1\nend", name: "loop.lua")
        #expect { try lua.call(chunk, limits: LuaLimits(instructions: 10_000)) } throws: { error in
            guard let error = error as? LuaError else { return false }
            return error.kind == .instructionLimit && error.isLimit && error.file == "loop.lua"
                && (2...4).contains(error.line ?? 0)
                && error.message == "instruction limit exceeded: a call may run 10000 instructions"
        }
        let bomb = try lua.load("local t = {}\nfor i = 1, 1e8 do\n  t[i] = {}\nend", name: "bomb.lua")
        #expect { try lua.call(bomb, limits: LuaLimits(memoryBytes: 1 << 20)) } throws: { error in
            guard let error = error as? LuaError else { return false }
            return error.kind == .memoryLimit && error.file == "bomb.lua" && (2...3).contains(error.line ?? 0)
                && error.message == "memory limit exceeded: a call may allocate 1048576 bytes"
        }
    }

    @Test func everyKindHasAStableName() {
        #expect(
            LuaError.Kind.allCases.map(\.rawValue) == [
                "syntax", "runtime", "memory-limit", "instruction-limit", "deadline", "host",
            ])
    }
}
