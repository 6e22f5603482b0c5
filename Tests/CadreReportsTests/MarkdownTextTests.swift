import Testing

@testable import CadreReports

/// Text from rules and descriptors shows in Markdown as typed.
@Suite struct MarkdownTextTests {
    @Test func htmlStaysVisible() {
        #expect(MarkdownText.inline("transfers to <Ireland>") == "transfers to \\<Ireland>")
        #expect(MarkdownText.inline("<img src=x onerror=alert(1)>") == "\\<img src=x onerror=alert(1)>")
        #expect(MarkdownText.inline("&lt;b&gt;") == "\\&lt;b\\&gt;")
    }

    @Test func linksImagesAndEmphasisStayText() {
        #expect(MarkdownText.inline("[click](https://evil.example)") == "\\[click\\](https://evil.example)")
        #expect(MarkdownText.inline("![x](y)") == "!\\[x\\](y)")
        #expect(MarkdownText.inline("*all* _fine_ ~~gone~~") == "\\*all\\* \\_fine\\_ \\~\\~gone\\~\\~")
        #expect(MarkdownText.inline("# not a heading $x$") == "\\# not a heading \\$x\\$")
        #expect(MarkdownText.inline("back\\slash") == "back\\\\slash")
    }

    @Test func underscoresInsideWordsStayReadable() {
        #expect(MarkdownText.inline("user.content.call_transcript") == "user.content.call_transcript")
        #expect(MarkdownText.inline("_x") == "\\_x")
        #expect(MarkdownText.inline("x_") == "x\\_")
    }

    @Test func tableCellsCannotBeSplit() {
        #expect(MarkdownText.inline("a | b", inTable: true) == "a \\| b")
        #expect(MarkdownText.inline("`a|b`", inTable: true) == "`a\\|b`")
        #expect(MarkdownText.inline("`a|b`") == "`a|b`")
    }

    @Test func codeSpansAreKeptAndLoneBackticksEscaped() {
        #expect(MarkdownText.inline("set `decides: assists` here") == "set `decides: assists` here")
        #expect(MarkdownText.inline("a ` lone one") == "a \\` lone one")
        #expect(MarkdownText.inline("``x`` and `<b>`") == "``x`` and `<b>`")
    }

    @Test func controlsAreShownOnOneLine() {
        #expect(
            MarkdownText.inline("FAIL\r\u{1B}[32mPASS\n| x |", inTable: true)
                == "FAIL\\\\r\\\\u{1B}\\[32mPASS\\\\n\\| x \\|")
        #expect(MarkdownText.code("a\nb\u{202E}") == "`a\\nb\\u{202E}`")
    }

    @Test func codeSpansHoldBackticksAndPipes() {
        #expect(MarkdownText.code("plain") == "`plain`")
        #expect(MarkdownText.code("a`b") == "``a`b``")
        #expect(MarkdownText.code("`x`") == "`` `x` ``")
        #expect(MarkdownText.code("a|b", inTable: true) == "`a\\|b`")
    }

    @Test func paragraphsCannotStartBlocks() {
        #expect(
            MarkdownText.paragraph("- item\n+ item\n> quote\n1. one\n2) two\n    code\n===")
                == "\\- item\n\\+ item\n\\> quote\n1\\. one\n2\\) two\ncode\n\\===")
        #expect(MarkdownText.paragraph("Plain text.") == "Plain text.")
    }

    @Test func destinationsAndAddresses() {
        #expect(MarkdownText.destination("../policies/cnil/rule.lua") == "../policies/cnil/rule.lua")
        #expect(MarkdownText.destination("a b(c).lua") == "a%20b%28c%29.lua")
        #expect(
            MarkdownText.address("https://eur-lex.europa.eu/eli/reg/2016/679/oj")
                == "<https://eur-lex.europa.eu/eli/reg/2016/679/oj>")
        #expect(MarkdownText.address("javascript:alert(1)") == "javascript:alert(1)")
        #expect(MarkdownText.address("https://x> <script>") == "https://x> \\<script>")
    }
}
