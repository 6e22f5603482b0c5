import Testing
@testable import LuaHost

@Suite struct SmokeTests {
    @Test func addsNumbers() throws {
        let lua = try LuaState()
        let chunk = try lua.load("return function(a, b) return a + b end", name: "add.lua")
        let add = try lua.call(chunk)[0]
        #expect(try lua.call(add, [1, 2]) == [3])
    }

    @Test func loopIsStopped() throws {
        let lua = try LuaState()
        let chunk = try lua.load("while true do end", name: "loop.lua")
        #expect(throws: LuaError.self) { try lua.call(chunk, limits: LuaLimits(instructions: 100_000)) }
        do { try lua.call(chunk, limits: LuaLimits(instructions: 100_000)) } catch {
            print(error, error.kind)
        }
        let ok = try lua.load("return 1 + 1", name: "two.lua")
        #expect(try lua.call(ok) == [2])
    }

    @Test func errorsHaveLocations() throws {
        let lua = try LuaState()
        let chunk = try lua.load("local x = nil\nreturn x.y", name: "policies/x.lua")
        do { try lua.call(chunk); Issue.record("no error") } catch {
            print(error, error.kind, error.traceback ?? "")
            #expect(error.file == "policies/x.lua")
            #expect(error.line == 2)
        }
        do { _ = try lua.load("return +", name: "bad.lua"); Issue.record("no error") } catch {
            print(error, error.kind)
        }
        do { try lua.call(try lua.load("print(undefined_thing)", name: "u.lua")) } catch { print(error) }
        do { try lua.call(try lua.load("local s = string.rep('x', 1e9)", name: "m.lua"), limits: LuaLimits(memoryBytes: 1 << 20)) } catch { print(error, error.kind) }
    }
}
