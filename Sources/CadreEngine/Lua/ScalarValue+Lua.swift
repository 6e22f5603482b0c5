import CadreModel
import LuaHost

extension ScalarValue {
    /// The value as Lua sees it; `null` is `nil` (a key with no value is absent in Lua).
    var luaValue: LuaValue {
        switch self {
        case .null: .nil
        case .bool(let b): .boolean(b)
        case .integer(let i): .integer(Int64(i))
        case .float(let d): .number(d)
        case .string(let s): .string(s)
        }
    }
}
