import CadreModel

/// A workspace's file of waivers:
///
/// ```yaml
/// cadre: waivers/v1
/// waivers:
///   - rule: cnil.recording.retention
///     system: call-recording-quality
///     reason: Litigation hold, case 2025-114
///     approved_by: dpo@electra.example
///     expires: 2026-12-31
/// ```
enum WaiverFile {
    static let format = "waivers/v1"

    static func read(fileAt path: String, as file: String) -> ([Waiver], [Diagnostic]) {
        let (root, diagnostics) = ConfigurationFile.read(fileAt: path, as: file, format: format, shape: shape)
        guard let root else { return ([], diagnostics) }
        let waivers = (root["waivers"]?.sequence ?? []).compactMap { Waiver(node: $0) }
        return (waivers, diagnostics)
    }

    static let shape = ObjectShape(
        name: "waivers",
        summary: "Accepted exceptions to rules.",
        fields: [
            .required("cadre", .constant(format), "The format of the file: `waivers/v1`."),
            .required("waivers", .list(.object(waiverShape)), "The exceptions."),
        ])

    static let waiverShape = ObjectShape(
        name: "waiver",
        summary: "An accepted exception to a rule on a system, until it expires.",
        fields: [
            .required("rule", .string(.text), "The rule id, or a prefix ending in `*`."),
            .required("system", .string(.identifier), "The system's id."),
            .required("reason", .string(.text), "Why the exception is accepted."),
            .required("approved_by", .string(.text), "Who approved it."),
            .required("expires", .date, "The last day it applies."),
            .optional("granted", .date, "When it was granted."),
        ])
}
