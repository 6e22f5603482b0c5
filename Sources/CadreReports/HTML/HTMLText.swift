import CadreModel

/// Text cadre did not write — rule titles, messages, descriptor names and lines, waiver reasons,
/// file paths — placed in HTML so that it shows as typed: `&`, `<`, `>`, `"` and `'` become
/// character references (so no tag, attribute or entity can start), and control characters are
/// shown as ``TerminalText`` shows them. The same text is safe in an element's content, in a
/// quoted attribute's value, and in inline SVG.
enum HTMLText {
    /// `text` on one line (a newline shows as `\n`).
    static func text(_ text: String) -> String { escaped(TerminalText.line(text)) }

    /// `text` with its line breaks kept (for an element styled `white-space: pre-line`).
    static func lines(_ text: String) -> String { escaped(TerminalText.lines(text)) }

    /// `text` as an attribute's value (written between double quotes).
    static func attribute(_ text: String) -> String { escaped(TerminalText.line(text)) }

    /// `url` as a link's destination when it is a plain web address (`http(s)://`, no space, no
    /// quote, no angle bracket); nil otherwise, so no `javascript:` or `data:` link is ever made.
    static func webAddress(_ url: String) -> String? {
        guard url.hasPrefix("https://") || url.hasPrefix("http://"),
            url.unicodeScalars.allSatisfy({
                $0.value > 0x20 && $0.value < 0x7F && $0 != "<" && $0 != ">" && $0 != "\"" && $0 != "'" && $0 != "`"
            })
        else { return nil }
        return escaped(url)
    }

    private static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { [0x26, 0x3C, 0x3E, 0x22, 0x27].contains($0) }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
