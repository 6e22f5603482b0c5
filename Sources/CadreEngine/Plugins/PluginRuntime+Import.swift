import CadreModel
import Foundation
import LuaHost

/// A file an importer produced, ready to write: its path relative to the output folder, its text.
public struct ImportedFile: Sendable, Hashable {
    public var path: String
    public var text: String
    /// The `cadre:` header of a YAML document (`system/v1`, `pack/v1`…), when it has one.
    public var format: String?
}

/// What `cadre import` produced: the files, and every problem (with the input's line, or the
/// importer's).
public struct ImportResult: Sendable {
    public var files: [ImportedFile]
    public var diagnostics: [Diagnostic]
}

extension PluginRuntime {
    /// The largest input file an importer reads.
    static let maximumInputBytes = 64 << 20

    /// How YAML and JSON inputs are parsed: another tool's manifest may hold thousands of systems
    /// in one file, so the descriptor's 1 MiB and 100,000 values become 64 MiB and 4 million
    /// (aliases still expand no further).
    static let inputLimits = ParseLimits(maxBytes: maximumInputBytes, maxDepth: 64, maxNodes: 4_000_000)

    /// Runs the importer of `format` on `paths`: each file is read (YAML and JSON parsed, with
    /// every node's line kept), the importer's `import(files, ctx)` turns them into documents, and
    /// documents are written as YAML in the order of their format. Nothing is written to disk;
    /// when any problem is an error, no file is returned either.
    public func runImport(format: String, paths: [String]) -> ImportResult {
        guard let importer = importerEntries.first(where: { $0.format == format }) else {
            let known = importerEntries.map(\.format)
            return ImportResult(
                files: [],
                diagnostics: [
                    .error(
                        .unknownFormat, at: .whole(format), "no enabled plugin imports the format `\(format)`",
                        hint: Suggestion.hint(for: format, among: known)
                            ?? (known.isEmpty
                                ? "enable a plugin with an importer under `plugins:` in cadre.yaml, or name one with --plugin"
                                : "formats: \(known.joined(separator: ", "))"))
                ])
        }
        var diagnostics: [Diagnostic] = []
        var tree = InputTree()
        var inputs: [(name: String, text: String, data: LocatedNode?)] = []
        var bytes = 0
        for path in paths {
            // Never more than one byte past the limit, and only a regular file (a FIFO would wait).
            let data: [UInt8]
            do {
                data = try FileReader.read(path, upTo: Self.maximumInputBytes + 1)
            } catch .notRegular(let kind) {
                diagnostics.append(
                    .error(
                        .unreadableFile, at: .whole(path),
                        "cannot read `\(path)`: it is \(kind.phrase), not a regular file"))
                continue
            } catch {
                diagnostics.append(.error(.unreadableFile, at: .whole(path), "cannot read `\(path)`"))
                continue
            }
            guard data.count <= Self.maximumInputBytes, let text = String(validating: data, as: UTF8.self) else {
                diagnostics.append(
                    .error(
                        .unreadableFile, at: .whole(path),
                        data.count > Self.maximumInputBytes
                            ? "`\(path)` is larger than 64 MiB" : "`\(path)` is not UTF-8 text"))
                continue
            }
            bytes += data.count
            var parsed: LocatedNode?
            let ext = (path as NSString).pathExtension.lowercased()
            if ["yaml", "yml", "json"].contains(ext) {
                do {
                    parsed = try DocumentParser(limits: Self.inputLimits).parse(text, file: path)
                } catch {
                    diagnostics.append(error)
                    continue
                }
            }
            inputs.append((path, text, parsed))
        }
        guard !diagnostics.containsErrors else { return ImportResult(files: [], diagnostics: diagnostics) }

        let notes = ImportNotes()
        var reader = ImportOutputReader(importer: importer.format, file: importer.file)
        var written: [ImportedFile] = []
        do {
            // Each file written into Lua, then its parsed tree dropped.
            let files = try state.readOnlyTree { (lua: inout LuaTreeWriter) throws(LuaError) in
                try lua.beginTable(elements: inputs.count)
                for index in inputs.indices {
                    try lua.beginTable(fields: 3)
                    try lua.key("name")
                    try lua.value(.string(inputs[index].name))
                    try lua.key("text")
                    try lua.value(.string(inputs[index].text))
                    if let data = inputs[index].data {
                        try lua.key("data")
                        try tree.write(data, into: &lua)
                    }
                    try lua.endTable()
                    inputs[index] = (inputs[index].name, "", nil)
                }
                try lua.endTable()
            }
            notes.tree = tree
            let record = state.function("ctx:record") { call in
                let severity: Diagnostic.Severity = try call.text(1, limit: 16) == "error" ? .error : .warning
                let location = notes.tree.location(of: call.tag(2)) ?? .whole(importer.file)
                notes.record(severity, at: location, try call.text(3, limit: FindingSink.messageLimit))
                return 0
            }
            let glue = try state.load(Self.contextSource, name: "cadre import context")
            guard let context = try state.call(glue, [record], limits: limits).first else {
                throw LuaError(.host, "the import context could not be made")
            }
            written = try readOutput(
                of: importer.run, [files, context], limits: scaled(forBytes: bytes), into: &reader)
        } catch let error as LuaError {
            return ImportResult(
                files: [],
                diagnostics: diagnostics + notes.taken(at: .whole(importer.file)) + [
                    Self.failure(of: "importer `\(format)` of plugin \(importer.plugin)", error, file: importer.file)
                ])
        } catch {
            return ImportResult(
                files: [], diagnostics: diagnostics + [.error(.pluginFailed, at: .whole(importer.file), "\(error)")])
        }
        let problems = diagnostics + notes.taken(at: .whole(importer.file)) + reader.diagnostics
        // An error anywhere: nothing is to be written.
        return ImportResult(files: problems.containsErrors ? [] : written, diagnostics: problems)
    }

    /// Runs `run` (an importer's `import`) and reads the list it returns one file at a time:
    /// each is copied to the host, written as YAML and dropped from Lua before the next, so the
    /// documents of a large import are never all held twice. Anything but a plain list is
    /// copied whole, and the reader says what is wrong with it, as before. Every call runs under
    /// the importer's limits, and the copies of the files share one budget: together they take
    /// no more than the copy of the whole list could (a string Lua holds once, named by many
    /// files, is paid for each).
    private func readOutput(
        of run: LuaValue, _ arguments: [LuaValue], limits importLimits: LuaLimits,
        into reader: inout ImportOutputReader
    ) throws(LuaError) -> [ImportedFile] {
        let output = try state.load(Self.outputSource, name: "cadre import output")
        let returned = try state.call(output, [run] + arguments, limits: importLimits, mode: .references)
        defer { for case .reference(let reference) in returned { state.release(reference) } }
        guard returned.count == 3, let count = returned[0].integerValue else {
            throw LuaError(.host, "the import output could not be read")
        }
        guard count >= 0 else {
            return reader.read(try state.call(returned[2], [], limits: importLimits, mode: .data).first ?? .nil)
        }
        // The files together may take what one copy of the whole list could.
        var budget = CopyBudget(bytes: state.copyAllowance(under: importLimits))
        var files: [ImportedFile] = []
        for index in stride(from: 1, through: Int(count), by: 1) {
            let element: LuaValue
            do {
                element =
                    try state.call(returned[1], [], limits: importLimits, mode: .data, budget: &budget).first ?? .nil
            } catch {
                // Where in the list, as a copy of the whole list would say it.
                var error = error
                error.message =
                    error.message.hasPrefix("at ")
                    ? "at [\(index)]." + error.message.dropFirst(3) : "at [\(index)]: " + error.message
                throw error
            }
            if let file = reader.read(element, at: index) { files.append(file) }
        }
        return files
    }

    /// Calls an importer and hands back its list one element at a time: `count, next, whole`.
    /// `count` is -1 when what it returned is not a plain list (then `whole()` returns it).
    static let outputSource = #"""
        local import, files, ctx = ...
        local out = import(files, ctx)
        local count = -1
        if type(out) == "table" and getmetatable(out) == nil then
          local n, keys = #out, 0
          for k in pairs(out) do
            keys = keys + 1
            if math.type(k) ~= "integer" or k < 1 or k > n then
              keys = -1
              break
            end
          end
          if keys == n then count = n end
        end
        local i = 0
        local function next_file()
          i = i + 1
          local file = out[i]
          out[i] = nil
          return file
        end
        return count, next_file, function() return out end
        """#

    /// `ctx` of an importer: `ctx:warn(node, fmt, ...)` and `ctx:fail(node, fmt, ...)` report a
    /// problem at an input node's line (or, without a node, at the importer).
    static let contextSource = #"""
        local record = ...
        local function message(fmt, ...)
          if select("#", ...) == 0 then return tostring(fmt) end
          return string.format(fmt, ...)
        end
        local function report(severity, where, fmt, ...)
          if type(where) == "string" then return record(severity, nil, message(where, fmt, ...)) end
          return record(severity, where, message(fmt, ...))
        end
        return {
          warn = function(_, where, fmt, ...) report("warning", where, fmt, ...) end,
          fail = function(_, where, fmt, ...) report("error", where, fmt, ...) end,
        }
        """#
}

/// Problems an importer reports while it runs, and where its inputs' nodes are.
///
/// Bounded as a rule's findings are (``CappedList``): messages cut to
/// ``FindingSink/messageLimit`` bytes by the caller, at most ``FindingSink/capacity`` notes and
/// ``FindingSink/byteCapacity`` bytes of their text; the rest are counted, and a last note says
/// how many. An error note past the cap still makes the import fail.
private final class ImportNotes {
    /// Where the inputs' nodes are, once they are written into Lua.
    var tree = InputTree()
    private var notes = CappedList<Diagnostic>()
    private var droppedAnError = false

    func record(_ severity: Diagnostic.Severity, at location: SourceLocation, _ message: String) {
        let kept = notes.append(size: message.utf8.count) {
            Diagnostic(severity, .importNote, at: location, message)
        }
        if !kept, severity == .error { droppedAnError = true }
    }

    /// The notes kept, and when some were not, a last one saying how many (an error when any
    /// of them was).
    func taken(at location: SourceLocation) -> [Diagnostic] {
        guard let note = notes.droppedNote(more: "notes of the importer", holder: "an importer", kind: "notes")
        else { return notes.elements }
        return notes.elements + [Diagnostic(droppedAnError ? .error : .warning, .importNote, at: location, note)]
    }
}

/// Checks what an importer returned — a list of `{path = …, document = {…}}` or
/// `{path = …, text = "…"}`, with optional `comments` — and writes each document as YAML.
struct ImportOutputReader {
    let importer: String
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    private var seen = Set<String>()

    init(importer: String, file: String) {
        self.importer = importer
        self.file = file
    }

    /// The files of a whole list an importer returned.
    mutating func read(_ value: LuaValue) -> [ImportedFile] {
        guard case .table(let list) = value, list.fields.isEmpty else {
            problem(
                "import must return a list of files ({path = …, document = {…}} or {path = …, text = …}), not \(value.isNil ? "nothing" : "a \(value.typeName)")"
            )
            return []
        }
        return list.array.enumerated().compactMap { read($1, at: $0 + 1) }
    }

    /// The file of element `index` (from 1) of the list, or nil when it is not one (a problem
    /// says why).
    mutating func read(_ element: LuaValue, at index: Int) -> ImportedFile? {
        guard case .table(let output) = element else {
            problem("element \(index) of what import returned is a \(element.typeName), not a file")
            return nil
        }
        let unknown = output.fields.compactMap(\.key.stringValue).filter {
            !["path", "document", "text", "comments"].contains($0)
        }
        if !unknown.isEmpty {
            problem(
                "file \(index) has unknown fields: \(unknown.joined(separator: ", ")) (fields: path, document, text, comments)"
            )
            return nil
        }
        guard let path = output["path"]?.stringValue else {
            problem("file \(index) has no `path` (a string)")
            return nil
        }
        guard Self.isSafe(path) else {
            problem("`\(path)` is not a path inside the output folder: write relative paths without `..`")
            return nil
        }
        guard seen.insert(path).inserted else {
            problem("`\(path)` is produced twice")
            return nil
        }
        var comments: [String: String] = [:]
        if let given = output["comments"] {
            guard case .table(let table) = given, table.array.isEmpty,
                table.fields.allSatisfy({ $0.key.stringValue != nil && $0.value.stringValue != nil })
            else {
                problem("`\(path)`: comments must map node paths to strings")
                return nil
            }
            for (key, text) in table.fields { comments[key.stringValue ?? ""] = text.stringValue }
        }
        switch (output["document"], output["text"]) {
        case (let document?, nil):
            guard case .table = document else {
                problem("`\(path)`: document must be a table, not a \(document.typeName)")
                return nil
            }
            var writer = YAMLWriter(comments: comments)
            return ImportedFile(
                path: path, text: writer.write(document), format: document.tableValue?["cadre"]?.stringValue)
        case (nil, .string(let text)?):
            return ImportedFile(path: path, text: text, format: nil)
        default:
            problem("`\(path)` needs either `document` (a table) or `text` (a string)")
            return nil
        }
    }

    /// Relative, without `..`, empty or hidden-escape components, backslashes or NUL.
    static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\u{0}") else { return false }
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        return components.allSatisfy { !$0.isEmpty && $0 != ".." && $0 != "." }
    }

    private mutating func problem(_ message: String) {
        diagnostics.append(.error(.pluginImporter, at: .start(of: file), "importer `\(importer)`: \(message)"))
    }
}
