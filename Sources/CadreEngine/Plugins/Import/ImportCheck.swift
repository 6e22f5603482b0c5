import CadreModel
import Foundation

/// Checks the files an import wrote as cadre reads them: taxonomy files first (their terms are
/// added), then descriptors (as `cadre validate` does) and packs (as `cadre evaluate` loads them).
public enum ImportCheck {
    /// Every problem of `files`, written under `folder` (a path as shown to users).
    public static func check(_ files: [ImportedFile], in folder: String, taxonomy: Taxonomy) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var taxonomy = taxonomy
        for file in files where file.format == Taxonomy.fileFormat {
            let path = WorkspaceFiles.join(folder, file.path)
            let (extended, problems) = taxonomy.adding(termsFromFileAt: path, as: path)
            taxonomy = extended
            diagnostics += problems
        }
        let loader = DescriptorLoader(taxonomy: taxonomy)
        for file in files where file.format == DescriptorSchema.format {
            diagnostics += loader.load(fileAt: WorkspaceFiles.join(folder, file.path)).diagnostics
        }
        for file in files where file.format == PackManifest.format {
            let packFolder = WorkspaceFiles.join(folder, (file.path as NSString).deletingLastPathComponent)
            diagnostics += PackLoader().load(at: packFolder, as: packFolder, settings: [:]).1
        }
        return diagnostics.sortedForDisplay()
    }
}
