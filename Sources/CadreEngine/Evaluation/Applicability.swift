import CadreModel
import Foundation

/// Which rules concern which systems, whatever the date: the answers of the rules' `applies`
/// functions. `cadre timeline` reads it with the rules' effective windows to list the obligations
/// that come into force or lapse for each system.
public struct Applicability: Sendable {
    /// What a rule's `applies` said about a system.
    public enum Answer: Sendable, Hashable {
        case applies
        case doesNotApply
        /// `applies` raised an error (its message).
        case failed(String)
    }

    /// One descriptor: the system's id and the answer of every rule (none when it is invalid).
    public struct System: Sendable {
        public var file: String
        public var id: String?
        public var name: String?
        public var answers: [String: Answer]
        public var diagnostics: [Diagnostic]
        /// The waivers its descriptor grants it (its `waivers:`).
        public var waivers: [Waiver] = []
    }

    /// Every rule loaded, sorted by id.
    public var rules: [RuleInfo]
    /// Every descriptor, in report order (by id, invalid ones last).
    public var systems: [System]
    /// Problems of the workspace, its packs and rules.
    public var diagnostics: [Diagnostic]

    /// These answers with every file shown by `files` (files are named in the workspace).
    public func shown(in files: WorkspaceFiles) -> Applicability {
        var shown = self
        shown.rules = rules.map(files.shown)
        shown.systems = systems.map { system in
            var system = system
            system.file = files.path(system.file)
            system.diagnostics = system.diagnostics.map(files.shown)
            system.waivers = system.waivers.map { waiver in
                var waiver = waiver
                waiver.location = files.shown(waiver.location)
                return waiver
            }
            return system
        }
        shown.diagnostics = diagnostics.map(files.shown)
        return shown
    }
}

extension Engine {
    /// Asks every rule's `applies` about every system (one worker, one system at a time).
    public func applicability() -> Applicability {
        var systems: [Applicability.System] = []
        let (rules, diagnostics) = applicability { systems.append($0) }
        systems.sort { a, b in
            switch (a.id, b.id) {
            case (let x?, let y?): (x, a.file) < (y, b.file)
            case (nil, nil): a.file < b.file
            case (nil, _): false
            case (_, nil): true
            }
        }
        return Applicability(rules: rules, systems: systems, diagnostics: diagnostics)
    }

    /// Asks the `applies` of the rules `only` names (nil: every rule) about each system, and
    /// hands each system's answers to `body` as it goes, in the workspace's order of files: memory
    /// stays that of one system. Returns every rule loaded and the problems of the workspace, its
    /// packs and rules.
    public func applicability(
        only: Set<String>? = nil, visiting body: (Applicability.System) -> Void
    ) -> (rules: [RuleInfo], diagnostics: [Diagnostic]) {
        let worker: EngineWorker
        do {
            worker = try EngineWorker(
                packs: workspace.packs, taxonomy: workspace.taxonomy, limits: limits, asOf: ISODate.today())
        } catch {
            return (
                [],
                workspace.diagnostics + [
                    .error(.engine, at: .whole(workspace.root), "cannot start a worker: \(error)")
                ]
            )
        }
        let loader = DescriptorLoader(taxonomy: workspace.taxonomy, extensions: workspace.descriptorExtensions)
        for file in workspace.systemFiles {
            let load = loader.load(fileAt: workspace.files.path(file), as: file)
            guard let document = load.document else {
                body(.init(file: file, id: nil, name: nil, answers: [:], diagnostics: load.diagnostics))
                continue
            }
            body(
                .init(
                    file: file, id: document.descriptor.id.value, name: document.descriptor.name.value,
                    answers: worker.applicability(of: document, only: only), diagnostics: load.diagnostics,
                    waivers: document.descriptor.waivers))
        }
        return (worker.rules.map(\.info), (workspace.diagnostics + worker.diagnostics).sortedForDisplay())
    }
}
