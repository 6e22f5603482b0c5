import CadreModel
import Foundation
import Yams

/// Adds entries to the lists of a `cadre.yaml` (`packs:`, `plugins:`, `taxonomy:`, `systems:`)
/// without rewriting the rest of the file: comments, order and layout stay as the user wrote them.
/// A list in flow style (`packs: [a, b]`) gets the new entries before its `]`; a list in block
/// style gets new `- entry` lines after its last one; a missing key is added at the end. Entries
/// already listed are left out; each is written by Yams' emitter (quoted when it must be).
public struct WorkspaceConfigurationEdit: Sendable {
    /// The entries to add, by key, in the order to write them.
    public var additions: [(key: String, values: [String])]

    public init(additions: [(key: String, values: [String])]) {
        self.additions = additions
    }

    /// The text of a new `cadre.yaml` holding the additions.
    public func newFile(name: String? = nil) -> String {
        var lines = ["cadre: \(WorkspaceConfiguration.format)"]
        if let name { lines.append("name: " + Self.scalar(name)) }
        for (key, values) in additions where !values.isEmpty {
            lines.append("\(key): " + Self.flow(values))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` with the additions, and what was added by key; nil when a key's value has a form
    /// this edit does not change (a list spread over several lines in flow style, a scalar).
    public func apply(to text: String, listed: [String: [String]]) -> (text: String, added: [(String, [String])])? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        var added: [(String, [String])] = []
        for (key, values) in additions {
            let present = Set((listed[key] ?? []).map(WorkspaceFiles.normalized))
            let new = values.filter { !present.contains(WorkspaceFiles.normalized($0)) }
            guard !new.isEmpty else { continue }
            guard let index = lines.firstIndex(where: { $0.hasPrefix(key + ":") }) else {
                lines.append("\(key): " + Self.flow(new))
                added.append((key, new))
                continue
            }
            let rest = String(lines[index].dropFirst(key.count + 1))
            let (value, comment) = Self.splitComment(rest)
            if value.hasPrefix("["), value.hasSuffix("]") {
                let inside = value.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                let items = new.map(Self.scalar).joined(separator: ", ")
                lines[index] =
                    "\(key): [" + (inside.isEmpty ? items : inside + ", " + items) + "]"
                    + (comment.map { "  " + $0 } ?? "")
            } else if value.isEmpty {
                var last = index
                var indent = "  "
                var scan = index + 1
                while scan < lines.count {
                    let line = lines[scan]
                    let trimmed = line.trimmingCharacters(in: .whitespaces)
                    if trimmed.hasPrefix("- ") || trimmed == "-" {
                        indent = String(line.prefix { $0 == " " })
                        last = scan
                    } else if !(trimmed.isEmpty || trimmed.hasPrefix("#")) {
                        break
                    }
                    scan += 1
                }
                if last == index {
                    // `key:` with no list under it: the list starts here.
                    lines[index] = "\(key): " + Self.flow(new) + (comment.map { "  " + $0 } ?? "")
                } else {
                    lines.insert(contentsOf: new.map { "\(indent)- " + Self.scalar($0) }, at: last + 1)
                }
            } else {
                return nil
            }
            added.append((key, new))
        }
        return (lines.joined(separator: "\n") + "\n", added)
    }

    /// A value and its trailing comment (` # …`), outside quotes.
    private static func splitComment(_ text: String) -> (String, String?) {
        var quote: Character? = nil
        var previous: Character = " "
        for index in text.indices {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "#", previous == " " {
                return (text[..<index].trimmingCharacters(in: .whitespaces), String(text[index...]))
            }
            previous = character
        }
        return (text.trimmingCharacters(in: .whitespaces), nil)
    }

    /// `[a, b]`, each entry written by Yams' emitter.
    static func flow(_ values: [String]) -> String {
        let node = Node.sequence(Node.Sequence(values.map { Node.scalar($0.represented()) }, Tag(.seq), .flow))
        return emitted(node) ?? "[" + values.map(scalar).joined(separator: ", ") + "]"
    }

    /// One string as Yams' emitter writes it in a flow list.
    static func scalar(_ value: String) -> String {
        guard let list = emitted(.sequence(Node.Sequence([Node.scalar(value.represented())], Tag(.seq), .flow))),
            list.hasPrefix("["), list.hasSuffix("]")
        else { return "'" + value.replacingOccurrences(of: "'", with: "''") + "'" }
        return String(list.dropFirst().dropLast())
    }

    private static func emitted(_ node: Node) -> String? {
        guard let text = try? Yams.serialize(node: node, width: -1, allowUnicode: true) else { return nil }
        let lines = text.split(separator: "\n").filter { $0 != "..." }
        return lines.count == 1 ? String(lines[0]) : nil
    }
}
