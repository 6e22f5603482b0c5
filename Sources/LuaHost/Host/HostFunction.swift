import CLua

/// A Swift function Lua can call. It reads its arguments and pushes its results through the
/// ``LuaCall``, and returns how many results it pushed. Throwing raises a Lua error with the
/// error's description, at the position of the calling script; it never unwinds Swift frames.
public typealias HostFunction = (LuaCall) throws -> Int

struct HostFunctionEntry {
    let name: String
    let body: HostFunction
}

/// An error a host function throws when the *script* used it wrongly (a bad argument, a malformed
/// pattern): it becomes an ordinary runtime error of the script, with this message. Any other
/// error a host function throws is an error of the host (kind ``LuaError/Kind/host``).
public struct LuaCallError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ message: String) { description = message }
}

extension LuaState {
    /// A Lua function that runs `body`. `name` appears in argument errors
    /// (`bad argument #1 to 'name'`).
    public func function(_ name: String, _ body: @escaping HostFunction) -> LuaValue {
        pushFunction(name, body)
        return .reference(popReference())
    }

    /// Pushes a Lua function that runs `body`.
    func pushFunction(_ name: String, _ body: @escaping HostFunction) {
        clua_pushhostfunction(L, lua_Integer(register(name, body)))
    }

    /// Registers `body` and returns its number (for closures made later by the host).
    func register(_ name: String, _ body: @escaping HostFunction) -> Int {
        hostFunctions.append(HostFunctionEntry(name: name, body: body))
        return hostFunctions.count - 1
    }

    /// Runs host function number `index` for Lua (called by the C trampoline; must not raise).
    func dispatch(_ index: Int, _ thread: OpaquePointer) -> Int32 {
        guard index >= 0, index < hostFunctions.count else {
            pushHostError("unknown host function #\(index)", thread)
            return -1
        }
        let entry = hostFunctions[index]
        let call = LuaCall(state: self, thread: thread, name: entry.name)
        do {
            let results = try entry.body(call)
            return Int32(clamping: results)
        } catch let error as LuaError where !error.isLimit && error.kind != .host {
            // A script error from a call back into Lua: raise it again as it was.
            _ = lua_checkstack(thread, 2)
            pushString(error.description, on: thread)
            return -1
        } catch let error as LuaCallError {
            pushError(error.description, thread, fromHost: false)
            return -1
        } catch {
            pushError(String(describing: error), thread, fromHost: true)
            raisedHostError = error
            return -1
        }
    }

    func pushHostError(_ message: String, _ thread: OpaquePointer) {
        pushError(message, thread, fromHost: true)
        raisedHostError = nil
    }

    private func pushError(_ message: String, _ thread: OpaquePointer, fromHost: Bool) {
        _ = lua_checkstack(thread, 3)
        var message = message
        message.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                clua_pusherror(thread, chars.baseAddress, chars.count, fromHost ? 1 : 0)
            }
        }
    }

    func pushString(_ string: String, on thread: OpaquePointer) {
        var string = string
        string.withUTF8 { bytes in _ = lua_pushlstring(thread, bytes.baseAddress, bytes.count) }
    }
}
