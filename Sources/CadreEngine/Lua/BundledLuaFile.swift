import CadreModel
import Foundation
import LuaHost

/// A Lua file of CadreEngine's resource bundle (`Resources/*.lua`: the `cadre` prelude, the test
/// prelude), found by ``BundledResource`` and read once per process by whoever keeps the result.
enum BundledLuaFile {
    /// The text of `Resources/<name>`, or a host error naming `what` (`the cadre prelude`) when the
    /// file is missing or unreadable (a broken install).
    static func read(_ name: String, what: String) -> Result<String, LuaError> {
        guard
            let url = BundledResource.url(named: name, of: "CadreEngine", bundle: { .module }, sourceFile: #filePath)
        else {
            return .failure(
                LuaError(
                    .host,
                    "\(what) (\(name)) was not found; it ships in the CadreEngine resource bundle next to the cadre binary"
                ))
        }
        do throws(Diagnostic) {
            return .success(try LuaSourceFile.read(url.path, shown: name).source)
        } catch {
            return .failure(LuaError(.host, "\(what) cannot be read: \(error.message)"))
        }
    }
}
