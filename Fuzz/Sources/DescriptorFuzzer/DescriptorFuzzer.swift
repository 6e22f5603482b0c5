import CadreModel
import Foundation

// libFuzzer's entry point: one input, as a descriptor file and as a kept parse.
//
// Bytes are loaded as `cadre validate` and `cadre evaluate` load a descriptor file (read,
// parsed with locations, validated against the bundled taxonomy). When they parse, the tree goes
// through `DocumentArchive` (the form a re-check keeps it in) and back, and is loaded again as a
// re-check loads an unchanged descriptor. Bytes that start with the archive's version byte are
// also read as an archive, as the history's are: arbitrary, never trusted.
//
// Any trap is a bug, and so is a broken promise, checked after each step (`violated`): a file
// refused without an error, a diagnostic naming another file, an archive that does not give back
// its tree, a re-check that reads another descriptor than validation did.

@_cdecl("LLVMFuzzerTestOneInput")
public func descriptorFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    DescriptorFuzzing.run(bytes)
    return 0
}

enum DescriptorFuzzing {
    static let file = "systems/fuzzed.yaml"
    static let loader: DescriptorLoader = {
        do { return DescriptorLoader(taxonomy: try Taxonomy.bundled()) } catch {
            fatalError("the bundled taxonomy does not load: \(error)")
        }
    }()
    /// Where the archives of inputs that parse are written, when set (`make fuzz` seeds the
    /// archive reader with the fixtures' archives this way).
    static let archiveFolder = ProcessInfo.processInfo.environment["CADRE_FUZZ_WRITE_ARCHIVES"]

    /// Whether to print what each input gave (`CADRE_FUZZ_VERBOSE=1`, to look at one input).
    static let verbose = ProcessInfo.processInfo.environment["CADRE_FUZZ_VERBOSE"] == "1"

    static func run(_ bytes: [UInt8]) {
        loadAsFile(bytes)
        if bytes.first == DocumentArchive.version { loadAsArchive(bytes) }
    }

    /// The bytes as a descriptor file.
    static func loadAsFile(_ bytes: [UInt8]) {
        // As `DescriptorLoader.load(bytes:file:)` does, in two steps, as the engine does when it
        // keeps parsed documents: parse, then validate the tree.
        let root: LocatedNode
        do { root = try DocumentParser(limits: loader.limits).parse(bytes, file: file) } catch {
            if verbose { print(error) }
            if error.location.file != file { violated("a parse error names another file: \(error)") }
            if !error.isError { violated("a parse error is not an error: \(error)") }
            return
        }
        let load = loader.load(root, file: file)
        if verbose { for diagnostic in load.diagnostics { print(diagnostic) } }
        check(load)
        // Kept by a re-check, read back by the next one.
        let archive = DocumentArchive.encode(root)
        if let folder = archiveFolder {
            _ = FileManager.default.createFile(
                atPath: folder + "/" + hex(of: archive) + ".archive", contents: Data(archive))
        }
        guard let back = DocumentArchive.decode(archive, file: file) else {
            violated("the archive of a parsed document does not decode")
        }
        if back != root { violated("the archive of a parsed document decodes to another tree") }
        for end in [0, 1, archive.count / 2, archive.count - 1] where end < archive.count {
            if DocumentArchive.decode(Array(archive[..<end]), file: file) != nil {
                violated("the first \(end) bytes of a \(archive.count)-byte archive decode to a document")
            }
        }
        // An unchanged descriptor in a re-check: read from the kept tree with the problems recorded.
        guard let document = load.document else { return }
        let again = loader.load(validated: back, file: file, diagnostics: load.diagnostics)
        guard let kept = again.document else { violated("a valid descriptor is invalid when loaded as kept") }
        if kept.descriptor != document.descriptor {
            violated("a kept descriptor reads differently from the validated one")
        }
        if again.diagnostics != load.diagnostics { violated("a kept descriptor has other diagnostics") }
    }

    /// The bytes as a kept parse: whatever they hold, decoding and loading it never traps.
    static func loadAsArchive(_ bytes: [UInt8]) {
        guard let tree = DocumentArchive.decode(bytes, file: file) else { return }
        let archive = DocumentArchive.encode(tree)
        if DocumentArchive.decode(archive, file: file) != tree {
            violated("an archive's tree, archived again, decodes to another tree")
        }
        check(loader.load(tree, file: file))
    }

    /// What every load promises: invalid only with an error, every diagnostic about the file.
    static func check(_ load: DescriptorLoad) {
        if !load.isValid, load.errors.isEmpty { violated("the file is refused without an error") }
        if load.isValid, !load.errors.isEmpty { violated("the file is accepted with errors: \(load.errors)") }
        if let other = load.diagnostics.first(where: { $0.location.file != file }) {
            violated("a diagnostic names another file: \(other)")
        }
    }

    static func hex(of bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}

/// Stops the run as a crash, which libFuzzer saves as the input that broke the promise.
func violated(_ promise: String) -> Never {
    fatalError("fuzzing: \(promise)")
}
