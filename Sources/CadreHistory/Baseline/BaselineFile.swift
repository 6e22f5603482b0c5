import CadreModel
import Foundation

/// A baseline's text: JSON written for `git diff`, one line per pack, rule, descriptor and
/// result, keys and entries sorted, so that a change of one result is a change of one line.
///
/// ```
/// {
///   "as_of": "2026-12-07",
///   "cadre": "0.9.0",
///   "format": "cadre-baseline/v1",
///   "packs": [
///     {"digest":"…","id":"cnil","version":"1.0.0"}
///   ],
///   "results": [
///     {"digest":"…","result":{"findings":[…],"rule":"cnil.recording.retention",…,"system":"support-bot"}}
///   ],
///   …
/// }
/// ```
public enum BaselineFile {
    /// The text of `baseline`.
    public static func text(of baseline: Baseline) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func line(_ value: some Encodable) -> String {
            (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
        }
        func list(_ items: [String]) -> String {
            items.isEmpty ? "[]" : "[\n" + items.map { "    " + $0 }.joined(separator: ",\n") + "\n  ]"
        }
        var members: [(String, String)] = [
            ("as_of", line(baseline.asOf.description)),
            ("cadre", line(baseline.cadreVersion)),
            ("format", line(Baseline.format)),
            ("packs", list(baseline.packs.map(line))),
            ("results", list(baseline.results.map(line))),
            ("rules", list(baseline.rules.map(line))),
            ("systems", list(baseline.systems.map(line))),
        ]
        if let workspace = baseline.workspace { members.append(("workspace", line(workspace))) }
        return "{\n" + members.map { "  \(line($0.0)): \($0.1)" }.joined(separator: ",\n") + "\n}\n"
    }

    /// Reads the baseline `text` of `file` (as shown to users).
    ///
    /// - Throws: a ``Diagnostic`` (`baseline`, or the parser's own code for a syntax error) at
    ///   the file, line and column of the problem: not JSON, not a baseline, a format this cadre
    ///   does not read (a newer one), a value of the wrong type.
    public static func read(_ text: String, file: String) throws(Diagnostic) -> Baseline {
        try read(root: try DocumentParser(limits: limits).parse(text, file: file), text: text)
    }

    /// Reads the baseline `bytes` of `file` (as shown to users), at most ``limits``' size.
    public static func read(_ bytes: [UInt8], file: String) throws(Diagnostic) -> Baseline {
        try read(String(decoding: bytes, as: UTF8.self), file: file)
    }

    /// How large a baseline may be: 16 MiB (about 40,000 findings), read no further.
    public static let limits = ParseLimits(maxBytes: 16 << 20, maxDepth: 64, maxNodes: 2_000_000, subject: "a baseline")

    private static func read(root: LocatedNode, text: String) throws(Diagnostic) -> Baseline {
        guard root.mapping != nil else {
            throw Diagnostic(.error, .baseline, at: root.location, "a baseline is a JSON object, not \(root.kindName)")
        }
        guard let format = root["format"] else {
            throw Diagnostic(
                .error, .baseline, at: root.location, "no `format`: this is not a cadre baseline",
                hint: "write one with `cadre baseline write`")
        }
        guard let written = format.scalar?.text, written == Baseline.format else {
            let text = format.scalar?.text ?? ""
            let newer =
                text.hasPrefix("cadre-baseline/v") && (Int(text.dropFirst("cadre-baseline/v".count)) ?? 0) > 1
            throw Diagnostic(
                .error, .baseline, at: format.location,
                newer
                    ? "the baseline is in format `\(text)`, written by a newer cadre: this one reads `\(Baseline.format)`"
                    : "`format` is `\(text)`, not `\(Baseline.format)`",
                hint: newer
                    ? "use that cadre, or write the baseline again with this one"
                    : "write one with `cadre baseline write`"
            )
        }
        do {
            return try JSONDecoder().decode(Stored.self, from: Data(text.utf8)).baseline
        } catch let error as DecodingError {
            throw located(error, in: root)
        } catch {
            throw Diagnostic(.error, .baseline, at: root.location, "cannot read the baseline: \(error)")
        }
    }

    /// Reads the baseline at `path` (shown as `file`).
    public static func read(fileAt path: String, as file: String? = nil) throws(Diagnostic) -> Baseline {
        let shown = file ?? path
        let location = SourceLocation(file: shown, line: 1, column: 1)
        let bytes: [UInt8]
        do {
            // Sized before it is read, at most one byte past the limit; a FIFO is refused at once.
            bytes = try FileReader.read(path, limits: limits)
        } catch .notRegular(let kind) {
            throw Diagnostic(
                .error, .unreadableFile, at: location, "is \(kind.phrase), not a regular file",
                hint: "cadre reads only regular files: copy the content into a file and name that file")
        } catch {
            throw Diagnostic(
                .error, .baseline, at: location, "cannot read the baseline: no such file, or it cannot be read",
                hint: "write one with `cadre baseline write`")
        }
        return try read(bytes, file: shown)
    }

    /// The diagnostic of a decoding error, at the node its coding path leads to.
    private static func located(_ error: DecodingError, in root: LocatedNode) -> Diagnostic {
        let (path, message): ([any CodingKey], String) =
            switch error {
            case .typeMismatch(let type, let context):
                (context.codingPath, "expected \(type): \(context.debugDescription)")
            case .valueNotFound(let type, let context): (context.codingPath, "expected \(type), found null")
            case .keyNotFound(let key, let context): (context.codingPath, "`\(key.stringValue)` is missing")
            case .dataCorrupted(let context): (context.codingPath, context.debugDescription)
            @unknown default: ([], "\(error)")
            }
        var node = root
        var shown: [String] = []
        for key in path {
            let next = key.intValue.flatMap { node[$0] } ?? node[key.stringValue]
            guard let next else { break }
            node = next
            shown.append(key.intValue.map { "[\($0)]" } ?? "." + key.stringValue)
        }
        let place = shown.isEmpty ? "" : " at \(shown.joined().drop { $0 == "." })"
        return Diagnostic(.error, .baseline, at: node.location, "not a valid baseline\(place): \(message)")
    }

    /// The file's members.
    private struct Stored: Decodable {
        var asOf: String
        var cadre: String
        var packs: [Baseline.Pack]
        var results: [Baseline.Entry]
        var rules: [Baseline.Rule]
        var systems: [Baseline.System]
        var workspace: String?

        enum CodingKeys: String, CodingKey {
            case asOf = "as_of"
            case cadre, packs, results, rules, systems, workspace
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            asOf = try container.decode(String.self, forKey: .asOf)
            guard ISODate(asOf) != nil else {
                throw DecodingError.dataCorruptedError(
                    forKey: .asOf, in: container, debugDescription: "`\(asOf)` is not a date (YYYY-MM-DD)")
            }
            cadre = try container.decode(String.self, forKey: .cadre)
            packs = try container.decode([Baseline.Pack].self, forKey: .packs)
            results = try container.decode([Baseline.Entry].self, forKey: .results)
            rules = try container.decode([Baseline.Rule].self, forKey: .rules)
            systems = try container.decode([Baseline.System].self, forKey: .systems)
            workspace = try container.decodeIfPresent(String.self, forKey: .workspace)
            for (index, entry) in results.enumerated() where ResultKey(contentHex: entry.digest) == nil {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: [CodingKeys.results, Key(intValue: index), Key(stringValue: "digest")],
                        debugDescription: "`\(entry.digest)` is not 56 hex digits"))
            }
        }

        var baseline: Baseline {
            Baseline(
                asOf: ISODate(asOf)!, cadreVersion: cadre, workspace: workspace, packs: packs, rules: rules,
                systems: systems, results: results)
        }
    }

    private struct Key: CodingKey {
        var intValue: Int?
        var stringValue: String
        init(intValue: Int) {
            self.intValue = intValue
            stringValue = "\(intValue)"
        }
        init(stringValue: String) { self.stringValue = stringValue }
    }
}
