import Foundation

/// A file a target ships in its resource bundle (`taxonomy.yaml`, `prelude.lua`), found without
/// ever stopping the program.
///
/// SwiftPM's `Bundle.module` ends the process when the resource bundle is missing, so it is
/// consulted only once the bundle is known to sit next to the executable (a built `cadre`, a test
/// runner). An installed `cadre` (`make install`, the release tarball) keeps its
/// `cadre_<Target>.resources` folders in `share/cadre` (``Installation/shareFolder``), read
/// directly. An executable in a checkout's build folder falls back to the file in the target's
/// `Resources/` folder; an installed one never reads a source tree.
public enum BundledResource {
    /// The file `name` of the resources of `target`, or nil when neither place has it.
    ///
    /// - Parameters:
    ///   - name: the file's name, `taxonomy.yaml`.
    ///   - target: the target that ships it, `CadreModel`.
    ///   - bundle: that target's `Bundle.module`, asked only when its bundle is beside the executable.
    ///   - sourceFile: `#filePath` of a file of that target, two folders below the target's own
    ///     (`Sources/CadreModel/Taxonomy/Taxonomy+Loading.swift`).
    public static func url(named name: String, of target: String, bundle: () -> Bundle, sourceFile: String) -> URL? {
        let directory = Bundle.main.bundleURL
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let file = URL(fileURLWithPath: name)
        if entries.contains(where: { $0.hasSuffix("_\(target).resources") || $0.hasSuffix("_\(target).bundle") }),
            let url = bundle().url(
                forResource: file.deletingPathExtension().lastPathComponent, withExtension: file.pathExtension)
        {
            return url
        }
        for suffix in ["resources", "bundle"] {
            let installed = Installation.shareFolder.appendingPathComponent("cadre_\(target).\(suffix)")
                .appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: installed.path) { return installed }
        }
        guard Installation.checkoutFolder != nil else { return nil }
        let source = URL(fileURLWithPath: sourceFile).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources").appendingPathComponent(name)
        return FileManager.default.fileExists(atPath: source.path) ? source : nil
    }
}
