import CadreModel
import CadreStores
import LuaHost

/// The enabled plugins in a Lua state of their own, outside an evaluation: what `cadre plugins`
/// describes, what `cadre import` runs, the reporters of `cadre evaluate --format`, and plugin
/// detectors for tools and benchmarks (in a ``DetectorState`` of their own, as in an evaluation).
/// Like every Lua state it is not `Sendable`: use it on the thread that made it.
///
/// ```swift
/// let runtime = try PluginRuntime(plugins: workspace.plugins, taxonomy: workspace.taxonomy)
/// runtime.detectors["siret"]             // a Detector, beside email, phone, iban…
/// let csv = try runtime.render(format: "csv", report: jsonText)
/// ```
public final class PluginRuntime {
    /// A detector a plugin provides, as `cadre plugins show` describes it.
    public struct DetectorInfo: Sendable, Hashable {
        public var name: String
        public var category: String
        public var pattern: String
        public var description: String?
        public var plugin: String
        public var file: String
    }

    /// An importer or a reporter a plugin provides.
    public struct FormatInfo: Sendable, Hashable {
        public var format: String
        public var description: String?
        /// The file extension of what a reporter writes (`csv`), or those an importer reads.
        public var extensions: [String]
        public var plugin: String
        public var file: String
    }

    let state: LuaState
    let set: PluginSet
    /// The plugin detectors, in a state of their own (nil: no plugin has any).
    let detectorState: DetectorState?
    let library: CadreLibrary
    public let plugins: [Plugin]
    public let taxonomy: Taxonomy
    /// The limits of each call into a plugin.
    public let limits: LuaLimits
    /// The native detectors, then every plugin detector.
    public let detectors: DetectorRegistry
    let importerEntries: [PluginSet.Importer]
    let reporterEntries: [PluginSet.Reporter]
    /// Problems loading the plugins' files.
    public let diagnostics: [Diagnostic]

    /// Loads every file of `plugins`. Formats named in `reservedFormats` (the built-in report
    /// formats) cannot be a reporter's.
    public init(
        plugins: [Plugin], taxonomy: Taxonomy, limits: LuaLimits = .default, reservedFormats: Set<String> = []
    ) throws(LuaError) {
        self.plugins = plugins
        self.taxonomy = taxonomy
        self.limits = limits
        state = try LuaState(options: .init(limits: limits))
        library = try CadreLibrary(state: state, taxonomy: taxonomy, sink: FindingSink())
        set = try PluginSet(state: state, plugins: plugins, taxonomy: taxonomy, limits: limits)
        var registry = DetectorRegistry.standard
        detectorState =
            DetectorState.isNeeded(for: plugins)
            ? try DetectorState(plugins: plugins, taxonomy: taxonomy, limits: limits, registry: &registry) : nil
        detectors = registry
        importerEntries = set.importers()
        reporterEntries = set.reporters(reserved: reservedFormats)
        diagnostics = (set.diagnostics + (detectorState?.diagnostics ?? [])).sortedForDisplay()
    }

    /// The plugin detectors, in registration order.
    public var detectorInfos: [DetectorInfo] {
        detectors.detectors.compactMap { $0 as? PluginDetector }.map {
            DetectorInfo(
                name: $0.name, category: $0.category, pattern: $0.pattern.source, description: $0.description,
                plugin: $0.plugin, file: $0.file)
        }
    }

    public var importers: [FormatInfo] {
        importerEntries.map {
            FormatInfo(
                format: $0.format, description: $0.description, extensions: $0.extensions, plugin: $0.plugin,
                file: $0.file)
        }
    }

    public var reporters: [FormatInfo] {
        reporterEntries.map {
            FormatInfo(
                format: $0.format, description: $0.description, extensions: $0.fileExtension.map { [$0] } ?? [],
                plugin: $0.plugin, file: $0.file)
        }
    }

    /// The modules rules may `require`, by full name (`fides.policy`), sorted.
    public var modules: [String] {
        plugins.flatMap { plugin in plugin.modules.keys.map { plugin.id + "." + $0 } }.sorted()
    }

    /// Limits scaled by the size of what a call reads: the workspace's for each 256 KiB, so an
    /// importer of ten thousand systems is not held to what one rule on one system may use.
    func scaled(forBytes bytes: Int) -> LuaLimits {
        let factor = max(1, (bytes + (256 << 10) - 1) / (256 << 10))
        var scaled = limits
        if scaled.memoryBytes > 0 {
            scaled.memoryBytes = min(scaled.memoryBytes.multipliedReportingOverflow(by: factor).partialValue, 1 << 30)
        }
        if scaled.instructions > 0 {
            scaled.instructions = scaled.instructions.multipliedReportingOverflow(by: factor).partialValue
        }
        scaled.deadline = scaled.deadline.map { $0 * factor }
        return scaled
    }
}
