import Foundation
import Testing

@testable import CadreReports

/// A pretty-printed piece moved right to sit inside the report's own pretty-printed document.
@Suite struct JSONIndentTests {
    @Test func everyLineButTheEmptyOnesMovesRight() {
        let piece = Data("{\n  \"a\" : [\n\n  ],\n  \"é\" : \"ü — 🇫🇷\"\n}".utf8)
        #expect(
            JSONIndent.indented(piece, by: 4)
                == "    {\n      \"a\" : [\n\n      ],\n      \"é\" : \"ü — 🇫🇷\"\n    }")
    }

    @Test func edgesKeepTheirShape() {
        #expect(JSONIndent.indented(Data(), by: 2) == "")
        #expect(JSONIndent.indented(Data("1".utf8), by: 0) == "1")
        #expect(JSONIndent.indented(Data("\n".utf8), by: 3) == "\n")
        #expect(JSONIndent.indented(Data("[\n1\n]\n".utf8), by: 2) == "  [\n  1\n  ]\n")
    }
}
