/// Text cadre did not write — rule titles and messages, logs, evidence, ids, file names, values
/// from descriptors — made safe to print for people: every character a terminal would obey
/// rather than show is shown as an escape, so such text can neither clear the screen, move the
/// cursor, rewrite `FAIL` as `PASS`, nor reorder what follows it.
///
/// Escaped: the C0 controls (U+0000–U+001F) but the tab (and the newline where line breaks are
/// kept), DEL (U+007F), the C1 controls (U+0080–U+009F), the line and paragraph separators
/// (U+2028, U+2029) and the bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E,
/// U+2066–U+2069). A newline is `\n`, a carriage return `\r`, any other `\u{1B}`: the form Lua
/// and Swift string literals use. Backslashes are left as they are: the escape keeps a
/// terminal safe, it is not a quoting; the JSON formats carry the exact text.
public enum TerminalText {
    /// `text` on one line: its newlines are escaped too (messages, titles, ids, file names).
    public static func line(_ text: String) -> String { escaped(text, keepingNewlines: false) }

    /// `text` with its line breaks kept (a rule's description, what a test printed): the caller
    /// indents each line.
    public static func lines(_ text: String) -> String { escaped(text, keepingNewlines: true) }

    /// Whether a terminal would act on `scalar` rather than show it (the tab and the newline
    /// included: callers decide whether to keep them).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The visible form of a control character: `\n`, `\r`, `\u{1B}`, `\u{202E}`.
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        default:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "\\u{" + (hex.count < 2 ? "0" + hex : hex) + "}"
        }
    }

    private static func escaped(_ text: String, keepingNewlines: Bool) -> String {
        func kept(_ scalar: Unicode.Scalar) -> Bool {
            !isControl(scalar) || scalar == "\t" || (keepingNewlines && scalar == "\n")
        }
        // Most text holds no control character: returned as it is, without a copy.
        guard !text.unicodeScalars.allSatisfy(kept) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if kept(scalar) { out.append(scalar) } else { out.append(contentsOf: escape(scalar).unicodeScalars) }
        }
        return String(out)
    }
}
