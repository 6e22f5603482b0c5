import Foundation

extension TemporaryFolder {
    /// A workspace with one rule that fails on its one system (`systems/a.yaml:6:5: fail: found
    /// it`): `cadre evaluate` exits 1. `extra` adds files, or replaces them.
    static func oneFailingRule(_ extra: [String: String] = [:]) throws -> TemporaryFolder {
        try TemporaryFolder(
            files: [
                "cadre.yaml": "cadre: workspace/v1\npacks: [./pack]\n",
                "pack/pack.yaml": "cadre: pack/v1\nid: t\nversion: 1.0.0\ntitle: T\napi: 1\n",
                "pack/fine.lua": EvaluateCommandTests.rule("fine", "ctx:fail(system.purposes[1], 'found it')"),
                "systems/a.yaml": EvaluateCommandTests.descriptor,
            ].merging(extra) { $1 })
    }
}
