import CLua

extension LuaCall {
    /// A Lua function on the stack of a call: its chunk (as the host named it) and the line it
    /// is running.
    public struct Frame: Sendable, Hashable {
        public var file: String
        public var line: Int
    }

    /// The Lua functions that led to this call, innermost first (C functions are left out), at
    /// most `limit` of them: where a script called the host from, without giving scripts `debug`.
    public func scriptFrames(limit: Int = 64) -> [Frame] {
        var frames: [Frame] = []
        var record = lua_Debug()
        var level: Int32 = 1
        while frames.count < limit, lua_getstack(L, level, &record) != 0 {
            level += 1
            guard lua_getinfo(L, "Sl", &record) != 0, record.currentline > 0, let source = record.source else {
                continue
            }
            frames.append(
                Frame(file: state.chunkFile(forSource: String(cString: source)), line: Int(record.currentline)))
        }
        return frames
    }
}
