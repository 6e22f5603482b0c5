/// What one call into Lua may use. Each limit that is hit stops the call with a ``LuaError`` of
/// the matching kind; the state stays usable.
public struct LuaLimits: Sendable, Hashable {
    /// Bytes the call may allocate beyond what the state held when the call started.
    public var memoryBytes: Int
    /// Lua VM instructions the call may run (checked every 1,000 instructions), and steps of
    /// pattern matching in `string.find`, `match`, `gmatch` and `gsub`. 0: no limit.
    public var instructions: Int
    /// Wall-clock time the call may take. `nil`: no deadline.
    public var deadline: Duration?
    /// Bytes a script may keep from one call to the next (in its globals, the upvalues of its
    /// functions), beyond what it held once loaded. No call enforces it: the host measures what
    /// scripts keep with ``LuaState/retainedBytes(of:excluding:upTo:)`` and stops those over it.
    public var retainedBytes: Int

    public init(
        memoryBytes: Int = 64 << 20, instructions: Int = 10_000_000, deadline: Duration? = .seconds(2),
        retainedBytes: Int = 16 << 20
    ) {
        self.memoryBytes = memoryBytes
        self.instructions = instructions
        self.deadline = deadline
        self.retainedBytes = retainedBytes
    }

    /// 64 MiB, 10 million instructions, 2 seconds; 16 MiB kept between calls.
    public static let `default` = LuaLimits()

    /// The limits under which the host formats an error object with its `__tostring`.
    static let errorFormatting = LuaLimits(memoryBytes: 1 << 20, instructions: 100_000, deadline: .milliseconds(100))
}
