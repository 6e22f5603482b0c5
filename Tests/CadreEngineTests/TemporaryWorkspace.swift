import CadreEngine
import CadreModel
import CadreTestSupport
import Foundation

/// A workspace written to a fresh temporary folder: cadre.yaml, packs, descriptors. Each test
/// gets its own, removed when it ends.
final class TemporaryWorkspace: TemporaryFiles {
    let root: URL

    init(files: [String: String]) throws {
        root = Self.freshFolder("cadre-engine")
        for (path, text) in files { try write(path, text) }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func open(systems: [String]? = nil) throws -> Workspace {
        Workspace.open(at: root.path, systems: systems, taxonomy: try Taxonomy.bundled())
    }

    func evaluate(asOf: String = "2026-11-29", jobs: Int = 1) throws -> Evaluation {
        Engine(workspace: try open(), jobs: jobs).evaluate(asOf: try ISODate(parsing: asOf))
    }

    /// A minimal valid descriptor, with `extra` YAML appended at the root.
    static func descriptor(id: String, extra: String = "") -> String {
        TestDescriptor.minimal(id: id, extra: extra)
    }

    static let packManifest = """
        cadre: pack/v1
        id: test
        version: 1.0.0
        title: Test pack
        api: 1
        """

    static let workspace = """
        cadre: workspace/v1
        systems: [systems]
        packs: [./pack]
        """

    /// A workspace with one pack holding `rules` (file name → source) and `systems` descriptors.
    static func with(
        rules: [String: String], systems: [String: String] = ["systems/a.yaml": descriptor(id: "a")],
        extra: [String: String] = [:]
    ) throws -> TemporaryWorkspace {
        var files = ["cadre.yaml": workspace, "pack/pack.yaml": packManifest]
        for (name, source) in rules { files["pack/\(name)"] = source }
        files.merge(systems) { $1 }
        files.merge(extra) { $1 }
        return try TemporaryWorkspace(files: files)
    }

    /// A rule file with `check` as its body.
    static func rule(_ id: String, severity: String = "high", extra: String = "", check: String) -> String {
        """
        return {
          id = "test.\(id)",
          title = "Rule \(id)",
          severity = "\(severity)",
          references = { "Test Art. 1" },
          \(extra)
          check = function(system, ctx)
            \(check)
          end,
        }
        """
    }
}

extension Evaluation {
    /// The result of `rule` on `system`.
    func result(_ rule: String, on system: String = "a") -> RuleResult? {
        systems.first { $0.id == system }?.results.first { $0.rule == rule }
    }
}
