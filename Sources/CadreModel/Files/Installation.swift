import Foundation

/// Where cadre's own files are, found from its executable: an installed cadre (`PREFIX/bin/cadre`)
/// keeps its resource bundles, packs and plugins in `PREFIX/share/cadre`; a cadre built in a
/// checkout (`.build/…/debug/cadre`, or a test runner beside it) uses the checkout's folders.
public enum Installation {
    /// The folder of the running executable, symbolic links resolved (so a `cadre` linked from
    /// `/usr/local/bin` finds the files installed beside its real location).
    public static var executableFolder: URL { Bundle.main.bundleURL.standardizedFileURL }

    /// `share/cadre` beside the executable's folder (`PREFIX/bin/cadre` → `PREFIX/share/cadre`),
    /// whether it exists or not.
    public static var shareFolder: URL {
        executableFolder.deletingLastPathComponent().appendingPathComponent("share").appendingPathComponent("cadre")
            .standardizedFileURL
    }

    /// The checkout whose build folder (`.build`, `.build-fuzz`…) holds the executable: the folder
    /// above it, holding `Package.swift`; nil for an installed cadre.
    public static var checkoutFolder: URL? {
        var folder = executableFolder
        while folder.path != "/" {
            let parent = folder.deletingLastPathComponent()
            if folder.lastPathComponent.hasPrefix(".build"),
                FileManager.default.fileExists(atPath: parent.appendingPathComponent("Package.swift").path)
            {
                return parent
            }
            folder = parent
        }
        return nil
    }
}
