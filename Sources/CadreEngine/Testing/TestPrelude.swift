import LuaHost

/// The Lua side of `cadre test`: `Resources/test-prelude.lua`, run once in each pack's test state.
///
/// It receives the host's functions (`host`, ``TestLibrary``) and returns `new_file`, which makes
/// the functions one test file sees (`describe`, `it`, `before_each`, `after_each`, `expect`,
/// `system`, `fixture`, `run`) with the registry of the tests the file declares, and `matches`, the
/// `--filter` test. docs/rules.md ("Testing rules") describes the API.
enum TestPrelude {
    /// The name errors and stack frames give the prelude's chunk.
    static let name = "cadre test prelude"

    /// The prelude's source, read once per process.
    ///
    /// - Throws: a host error when the file is missing or unreadable (a broken install).
    static var source: String {
        get throws(LuaError) { try loaded.get() }
    }

    private static let loaded = BundledLuaFile.read("test-prelude.lua", what: "the cadre test prelude")
}
