import CadreModel

/// Text cadre did not write — rule titles, messages and remediations, descriptor names, file
/// paths, waiver reasons — placed in Markdown so that it shows as typed: it can neither become
/// HTML (`<Ireland>` stays visible), a link, an image, emphasis, a heading, a list or a new table
/// cell, nor carry a control character (shown as ``TerminalText`` shows it).
///
/// Such text may use code spans (`` `decides: assists` ``), as the bundled rules do: a pair of
/// backtick runs of the same length is kept as a code span, whose content Markdown shows as typed.
/// Everything else that Markdown or GitHub's extensions would read is escaped with a backslash:
/// `\ * [ ] < | ~ & $ #` and lone backticks always, `_` unless it joins two letters or digits
/// (`call_transcript` stays readable), and at the start of a line `- + = >` and `1.` / `1)`.
public enum MarkdownText {
    /// `text` inline, on one line: in a paragraph, a heading, a list item, emphasis, or a table
    /// cell (`inTable`: `|` inside code spans is escaped too, as tables require).
    public static func inline(_ text: String, inTable: Bool = false) -> String {
        let scalars = Array(TerminalText.line(text).unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "`" {
                let run = backticks(in: scalars, at: index)
                if let close = closingRun(in: scalars, length: run, after: index + run) {
                    for inner in scalars[index..<(close + run)] { appendCode(inner, to: &out, inTable: inTable) }
                    index = close + run
                } else {
                    for _ in 0..<run { out.append(contentsOf: "\\`".unicodeScalars) }
                    index += run
                }
                continue
            }
            if needsEscape(
                scalar, before: index > 0 ? scalars[index - 1] : nil,
                after: index + 1 < scalars.count ? scalars[index + 1] : nil)
            {
                out.append("\\")
            }
            out.append(scalar)
            index += 1
        }
        return String(out)
    }

    /// `text` as a paragraph of its own: inline text whose lines cannot start a block (a list, a
    /// quote, a heading underline, an indented code block). Line breaks are kept.
    static func paragraph(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let escaped = inline(String(line.drop { $0 == " " || $0 == "\t" }))
            guard let first = escaped.unicodeScalars.first else { return escaped }
            if "-+=>".unicodeScalars.contains(first) { return "\\" + escaped }
            // `1.` and `1)` start an ordered list.
            let digits = escaped.unicodeScalars.prefix { ("0"..."9").contains($0) }
            let rest = escaped.unicodeScalars.dropFirst(digits.count)
            if !digits.isEmpty, let marker = rest.first, marker == "." || marker == ")" {
                return String(String.UnicodeScalarView(digits)) + "\\" + String(String.UnicodeScalarView(rest))
            }
            return escaped
        }.joined(separator: "\n")
    }

    /// A code span showing `text` as typed, on one line (`inTable`: with `|` escaped, as tables
    /// require). Its fence is longer than any run of backticks inside.
    public static func code(_ text: String, inTable: Bool = false) -> String {
        let scalars = Array(TerminalText.line(text).unicodeScalars)
        var longest = 0
        var index = 0
        while index < scalars.count {
            let run = backticks(in: scalars, at: index)
            longest = max(longest, run)
            index += max(run, 1)
        }
        let fence = String(repeating: "`", count: longest + 1)
        // A space on each side when the text starts or ends with a backtick (Markdown removes one).
        let pad = scalars.first == "`" || scalars.last == "`" ? " " : ""
        var out = String.UnicodeScalarView()
        for scalar in scalars { appendCode(scalar, to: &out, inTable: inTable) }
        return fence + pad + String(out) + pad + fence
    }

    /// A relative path as a link's destination: anything but letters, digits and `/ . - _ ~`
    /// percent-encoded (spaces and parentheses would end the link).
    static func destination(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count < 2 ? "0" + hex : hex)
            }
        }
        return out
    }

    /// A web address as a link's destination: its reserved characters (`: ? # = & %`…) kept, and
    /// what would end or break the link (spaces, parentheses, `<>`, `|`, non-ASCII) percent-encoded.
    static func urlDestination(_ url: String) -> String {
        var out = ""
        for byte in url.utf8 {
            if byte > 0x20, byte < 0x7F, !"()<>|\\`\"[]".utf8.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count < 2 ? "0" + hex : hex)
            }
        }
        return out
    }

    /// An address as an autolink (`<https://…>`) when it is a plain web address, else as text.
    static func address(_ url: String) -> String {
        let plain =
            (url.hasPrefix("https://") || url.hasPrefix("http://"))
            && url.unicodeScalars.allSatisfy {
                $0.value > 0x20 && $0.value < 0x7F && $0 != "<" && $0 != ">" && $0 != "`"
            }
        return plain ? "<\(url)>" : inline(url)
    }

    private static func needsEscape(_ scalar: Unicode.Scalar, before: Unicode.Scalar?, after: Unicode.Scalar?) -> Bool {
        switch scalar {
        case "\\", "*", "[", "]", "<", "|", "~", "&", "$", "#": return true
        case "_":
            // `_` between two letters or digits can neither open nor close emphasis.
            guard let before, let after else { return true }
            return !(before.properties.isAlphabetic || before.properties.numericType != nil)
                || !(after.properties.isAlphabetic || after.properties.numericType != nil)
        default: return false
        }
    }

    private static func appendCode(_ scalar: Unicode.Scalar, to out: inout String.UnicodeScalarView, inTable: Bool) {
        if inTable && scalar == "|" { out.append("\\") }
        out.append(scalar)
    }

    /// The length of the run of backticks at `index` (0 when there is none).
    private static func backticks(in scalars: [Unicode.Scalar], at index: Int) -> Int {
        var end = index
        while end < scalars.count, scalars[end] == "`" { end += 1 }
        return end - index
    }

    /// Where a run of exactly `length` backticks starts after `start`, if one does.
    private static func closingRun(in scalars: [Unicode.Scalar], length: Int, after start: Int) -> Int? {
        var index = start
        while index < scalars.count {
            let run = backticks(in: scalars, at: index)
            if run == length { return index }
            index += max(run, 1)
        }
        return nil
    }
}
