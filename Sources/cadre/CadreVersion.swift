import LuaHost

enum CadreVersion {
    /// cadre's version (semantic versioning).
    static let number = "0.1.0"
    /// What `cadre --version` prints: cadre's version and the Lua it embeds.
    static var current: String { "cadre \(number) (\(LuaState.luaVersion))" }
}
