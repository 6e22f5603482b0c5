import CadreModel
import Testing

/// What a terminal would obey is shown, not obeyed.
@Suite struct TerminalTextTests {
    @Test func plainTextIsUnchanged() {
        for text in ["Électra Énergie — service client", "a\tb", "**** 7893", "C:\\path", ""] {
            #expect(TerminalText.line(text) == text)
        }
    }

    @Test func everyControlIsEscapedVisibly() {
        #expect(TerminalText.line("\u{1B}[2J\u{1B}[1;1HPASS") == "\\u{1B}[2J\\u{1B}[1;1HPASS")
        #expect(TerminalText.line("FAIL\rPASS") == "FAIL\\rPASS")
        #expect(TerminalText.line("one\ntwo") == "one\\ntwo")
        #expect(TerminalText.line("\u{0}\u{7}\u{8}\u{7F}") == "\\u{00}\\u{07}\\u{08}\\u{7F}")
        // C1: CSI and OSC of 8-bit terminals.
        #expect(TerminalText.line("\u{9B}2J\u{9D}0;title\u{9C}") == "\\u{9B}2J\\u{9D}0;title\\u{9C}")
        // Bidirectional controls: text that reads otherwise than it is.
        #expect(TerminalText.line("\u{202E}LIAF\u{202C}") == "\\u{202E}LIAF\\u{202C}")
        for scalar: Unicode.Scalar in [
            "\u{61C}", "\u{200E}", "\u{200F}", "\u{202A}", "\u{202D}", "\u{2066}", "\u{2069}", "\u{2028}", "\u{2029}",
        ] {
            #expect(TerminalText.line(String(scalar)) == "\\u{\(String(scalar.value, radix: 16, uppercase: true))}")
        }
    }

    @Test func linesKeepTheirBreaksOnly() {
        #expect(TerminalText.lines("one\ntwo\r\n\u{1B}[31m") == "one\ntwo\\r\n\\u{1B}[31m")
    }

    @Test func escapingTwiceChangesNothing() {
        let once = TerminalText.line("\u{1B}]8;;http://x\u{7}link\u{202E}\n")
        #expect(TerminalText.line(once) == once)
        #expect(!once.unicodeScalars.contains { TerminalText.isControl($0) })
    }

    @Test func diagnosticsEscapeWhatTheyQuote() {
        let diagnostic = Diagnostic.error(
            .invalidValue, at: SourceLocation(file: "sys\u{1B}[2J.yaml", line: 3, column: 5),
            "`\u{1B}[32mPASS` is not\nvalid",
            hint: "write\rit")
        #expect(
            diagnostic.description
                == "sys\\u{1B}[2J.yaml:3:5: error: `\\u{1B}[32mPASS` is not\\nvalid [invalid-value]\n    hint: write\\rit"
        )
    }
}
