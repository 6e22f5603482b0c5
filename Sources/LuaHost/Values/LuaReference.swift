/// A value kept in one state's registry: a function, a read-only tree, a host object, or any
/// other value that cannot be copied across the bridge.
///
/// A reference is valid in the state that made it, until ``LuaState/release(_:)`` or the state's
/// end. Pushing it into another state is an error.
public struct LuaReference: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case function, table, userdata, thread, other
    }

    /// The registry slot.
    public let id: Int32
    public let kind: Kind
    /// The serial number of the state that owns the slot (never reused in a process).
    let owner: UInt64

    /// The name Lua's `type` gives the value.
    public var typeName: String {
        switch kind {
        case .function: "function"
        case .table: "table"
        case .userdata: "userdata"
        case .thread: "thread"
        case .other: "value"
        }
    }
}
