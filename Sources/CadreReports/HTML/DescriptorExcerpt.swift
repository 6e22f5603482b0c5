import CadreEngine
import CadreModel
import Foundation

/// The lines of a descriptor around the line a finding points at, as the HTML report quotes
/// them. Files are read when the report reaches their system, once per system, and only when
/// they are still what was evaluated (a descriptor's digest must match); what a store URL on a
/// quoted line could hold in clear is masked (``StoreURLSecrets/maskingLine(_:)``).
struct DescriptorExcerpt {
    /// One quoted line.
    struct Line: Equatable {
        var number: Int
        var text: String
        /// The line the finding points at.
        var isTarget: Bool
    }

    /// Lines quoted before and after the target.
    static let context = 2
    /// Files larger than this are not quoted.
    static let maxBytes = 4 << 20

    /// The lines of each file read so far (nil: not quotable).
    private var files: [String: [Substring]?] = [:]
    private let system: SystemEvaluation

    /// Excerpts of the files of `system` (its descriptor, checked against its digest).
    init(system: SystemEvaluation) { self.system = system }

    /// The lines around `location`; empty when its file cannot be quoted.
    mutating func lines(around location: SourceLocation) -> [Line] {
        guard location.line > 0, let lines = text(of: location.file), location.line <= lines.count else { return [] }
        let first = max(1, location.line - Self.context)
        let last = min(lines.count, location.line + Self.context)
        return (first...last).map { number in
            Line(
                number: number, text: StoreURLSecrets.maskingLine(String(lines[number - 1])),
                isTarget: number == location.line)
        }
    }

    private mutating func text(of file: String) -> [Substring]? {
        if let known = files[file] { return known }
        var lines: [Substring]?
        if let bytes = try? FileReader.read(file, upTo: Self.maxBytes + 1), bytes.count <= Self.maxBytes,
            file != system.file || system.digest.isEmpty || Digest.sha256(bytes) == system.digest,
            let text = String(validating: bytes, as: UTF8.self)
        {
            // YAML's line breaks (`\r\n` is one Character).
            lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        }
        files[file] = .some(lines)
        return lines
    }
}
