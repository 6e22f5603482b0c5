import CadreModel
import LuaHost

/// Every pack and rule as the rules describe themselves, for `cadre policies doc`: each pack
/// loaded with its default settings, and, for each other value of a setting, the dates in force
/// that change with it (the AI Act's calendar).
public struct RuleCatalog: Sendable {
    /// A pack and its rules, sorted by id.
    public struct Entry: Sendable {
        public var manifest: PackManifest
        /// The pack's folder, as shown.
        public var folder: String
        public var rules: [RuleInfo]
        /// Dates in force under other settings, by rule id (only where they differ).
        public var variants: [String: [Variant]]
    }

    /// A rule's dates in force when a setting takes another value than its default.
    public struct Variant: Sendable, Hashable {
        public var setting: String
        public var value: String
        public var from: ISODate?
        public var to: ISODate?
    }

    /// The packs, in the order given.
    public var packs: [Entry]
    /// Problems loading packs and rules.
    public var diagnostics: [Diagnostic]

    /// Loads the packs in `folders` (as shown) with their default settings.
    public static func load(folders: [String], taxonomy: Taxonomy, limits: LuaLimits? = nil) -> RuleCatalog {
        let limits = limits ?? WorkspaceConfiguration.defaults(at: "").limits
        var catalog = RuleCatalog(packs: [], diagnostics: [])
        for folder in folders {
            let (loaded, problems) = PackLoader().load(at: folder, as: folder, settings: [:])
            catalog.diagnostics += problems
            guard let pack = loaded else { continue }
            catalog.diagnostics += PackRelease.check(pack, at: folder)
            guard let rules = rules(of: pack, taxonomy: taxonomy, limits: limits, diagnostics: &catalog.diagnostics)
            else { continue }
            var variants: [String: [Variant]] = [:]
            for setting in pack.manifest.settings {
                for value in setting.values where value != setting.defaultValue {
                    let chosen = [setting.name: (value: value, location: pack.manifest.location)]
                    var ignored: [Diagnostic] = []
                    guard let configured = PackLoader().load(at: folder, as: folder, settings: chosen).0,
                        let other = Self.rules(
                            of: configured, taxonomy: taxonomy, limits: limits, diagnostics: &ignored)
                    else { continue }
                    for rule in other {
                        guard let base = rules.first(where: { $0.id == rule.id }),
                            base.effectiveFrom != rule.effectiveFrom || base.effectiveTo != rule.effectiveTo
                        else { continue }
                        variants[rule.id, default: []].append(
                            Variant(setting: setting.name, value: value, from: rule.effectiveFrom, to: rule.effectiveTo)
                        )
                    }
                }
            }
            catalog.packs.append(Entry(manifest: pack.manifest, folder: folder, rules: rules, variants: variants))
        }
        catalog.diagnostics = catalog.diagnostics.sortedForDisplay()
        return catalog
    }

    private static func rules(of pack: Pack, taxonomy: Taxonomy, limits: LuaLimits, diagnostics: inout [Diagnostic])
        -> [RuleInfo]?
    {
        do {
            let worker = try EngineWorker(packs: [pack], taxonomy: taxonomy, limits: limits, asOf: ISODate.today())
            diagnostics += worker.diagnostics
            return worker.rules.map(\.info)
        } catch {
            diagnostics.append(
                .error(.engine, at: .whole(pack.folder), "cannot load the rules of pack `\(pack.id)`: \(error)"))
            return nil
        }
    }
}
