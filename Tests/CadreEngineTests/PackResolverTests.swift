import CadreEngine
import CadreModel
import Foundation
import Testing

/// Packs and plugins named by id or by folder in `cadre.yaml`, found in `CADRE_PATH` folders first,
/// then among cadre's bundled ones.
@Suite struct PackResolverTests {
    static let manifest = "cadre: pack/v1\nid: p\nversion: 1.0.0\ntitle: P\napi: 1\n"

    @Test func aValueWithASlashOrALeadingDotIsAFolder() {
        let at = SourceLocation.start(of: "cadre.yaml")
        #expect(PackSource(parsing: "gdpr", at: at).kind == .id("gdpr"))
        #expect(PackSource(parsing: "pii-fr", at: at).kind == .id("pii-fr"))
        #expect(PackSource(parsing: "./pack", at: at).kind == .folder("./pack"))
        #expect(PackSource(parsing: ".hidden", at: at).kind == .folder(".hidden"))
        #expect(PackSource(parsing: "../policies/gdpr", at: at).kind == .folder("../policies/gdpr"))
        #expect(PackSource(parsing: "policies/mine", at: at).kind == .folder("policies/mine"))
        #expect(PackSource(parsing: "/srv/packs/x", at: at).kind == .folder("/srv/packs/x"))
    }

    @Test func theFirstFolderHoldingAnIdWins() throws {
        let workspace = try TemporaryWorkspace(files: [
            "first/packs/p/pack.yaml": Self.manifest,
            "second/packs/p/pack.yaml": Self.manifest,
            "second/packs/q/pack.yaml": Self.manifest.replacingOccurrences(of: "id: p", with: "id: q"),
            "second/packs/not-a-pack/README.md": "no pack.yaml here",
            "share/packs/q/pack.yaml": Self.manifest,
            "share/plugins/pl/plugin.yaml": "cadre: plugin/v1\nid: pl\nversion: 1.0.0\ntitle: Pl\napi: 1\n",
        ])
        let root = workspace.root.path
        let resolver = PackResolver(
            cadrePath: "\(root)/first::\(root)/second", share: "\(root)/share", checkout: nil)
        #expect(resolver.available(.pack).map(\.id) == ["p", "q"])
        #expect(resolver.available(.pack).first?.folder == "\(root)/first/packs/p")
        #expect(resolver.available(.pack).last?.origin == .cadrePath("\(root)/second"))
        #expect(resolver.available(.plugin).map(\.id) == ["pl"])
        #expect(resolver.available(.plugin).first?.origin == .bundled)

        let files = WorkspaceFiles(root: root)
        let found = try resolver.resolve(PackSource(.id("q"), at: .start(of: "cadre.yaml")), as: .pack, in: files).get()
        #expect(found.folder == "\(root)/second/packs/q")
        let folder = try resolver.resolve(
            PackSource(.folder("./x/../y"), at: .start(of: "cadre.yaml")), as: .pack, in: files
        )
        .get()
        #expect(folder.folder == "y")
        #expect(folder.origin == .workspace)
    }

    @Test func anUnknownIdSaysWhichIdsExistAndWhereCadreLooked() throws {
        let workspace = try TemporaryWorkspace(files: ["share/packs/gdpr/pack.yaml": Self.manifest])
        let root = workspace.root.path
        let resolver = PackResolver(cadrePath: nil, share: "\(root)/share", checkout: nil)
        let location = SourceLocation(file: "cadre.yaml", line: 2, column: 9)
        let result = resolver.resolve(
            PackSource(.id("gpdr"), at: location), as: .pack, in: WorkspaceFiles(root: root))
        guard case .failure(let problem) = result else {
            Issue.record("an unknown id was resolved")
            return
        }
        #expect(problem.location == location)
        #expect(problem.code == .unknownPack)
        #expect(problem.message == "unknown pack `gpdr`")
        #expect(
            problem.hint
                == "did you mean `gdpr`?; packs found: gdpr; cadre looked in \(root)/share/packs (CADRE_PATH adds folders holding packs/)"
        )
    }

    @Test func aWorkspaceLoadsPacksAndPluginsById() throws {
        let workspace = try TemporaryWorkspace(files: [
            "cadre.yaml": "cadre: workspace/v1\nsystems: [systems]\npacks: [p]\n",
            "installed/packs/p/pack.yaml": Self.manifest,
            "installed/packs/p/r.lua":
                "return { id = 'p.r', title = 'R', severity = 'low', references = {'X'}, check = function() end }\n",
            "systems/a.yaml": TemporaryWorkspace.descriptor(id: "a"),
        ])
        let resolver = PackResolver(cadrePath: workspace.root.path + "/installed", share: nil, checkout: nil)
        let opened = Workspace.open(at: workspace.root.path, taxonomy: try Taxonomy.bundled(), resolver: resolver)
        #expect(opened.diagnostics.filter(\.isError).isEmpty, "\(opened.diagnostics)")
        #expect(opened.packs.map(\.id) == ["p"])
        #expect(opened.origin(ofPack: "p") == .cadrePath(workspace.root.path + "/installed"))
        #expect(opened.noPackProblem == nil)
    }
}
