import LuaHost

/// The Lua side of the `cadre` API: `Resources/prelude.lua`, run once in each worker's state.
///
/// It receives the host's functions (`host`) and returns the `cadre` library, the methods of a
/// system, and the functions of `ctx`. Everything a rule sees is built there or in
/// ``CadreLibrary``; docs/rules.md and types/cadre.lua describe it.
enum CadrePrelude {
    /// The name errors give the prelude's chunk.
    static let chunkName = "cadre prelude"

    /// The prelude's source, read once per process.
    ///
    /// - Throws: a host error when the file is missing or unreadable (a broken install).
    static func source() throws(LuaError) -> String {
        try loaded.get()
    }

    private static let loaded = BundledLuaFile.read("prelude.lua", what: "the cadre prelude")
}
