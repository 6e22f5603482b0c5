import CadreModel
import Testing

@Suite struct DocumentParserTests {
    static func parse(_ text: String, file: String = "doc.yaml") throws -> LocatedNode {
        try DocumentParser().parse(text, file: file)
    }

    @Test func blockNodesKeepLineAndColumn() throws {
        let root = try Self.parse(
            """
            cadre: system/v1
            purposes:
              - id: support
                legal_basis: contract
                uses: [essential.service.operations.support, employment]
            """)
        #expect(root.location == SourceLocation(file: "doc.yaml", line: 1, column: 1))
        let purpose = try #require(root["purposes"]?[0])
        #expect(root["purposes"]?.location == SourceLocation(file: "doc.yaml", line: 3, column: 3))
        #expect(purpose.location == SourceLocation(file: "doc.yaml", line: 3, column: 5))
        #expect(purpose["legal_basis"]?.location == SourceLocation(file: "doc.yaml", line: 4, column: 18))
        #expect(
            purpose.entry(forKey: "legal_basis")?.keyLocation == SourceLocation(file: "doc.yaml", line: 4, column: 5))
        #expect(purpose["uses"]?[1]?.location == SourceLocation(file: "doc.yaml", line: 5, column: 50))
        #expect(purpose["uses"]?[1]?.scalar?.text == "employment")
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let root = try Self.parse("name: Électra Énergie\nnote: « é » x\n")
        #expect(root.entry(forKey: "note")?.keyLocation.line == 2)
        let text = "é: [à, ü]\n"
        let accented = try Self.parse(text)
        #expect(accented["é"]?[1]?.location.column == 8)
    }

    @Test func jsonIsReadWithLocations() throws {
        let root = try Self.parse(
            "{\n\t\"cadre\": \"system/v1\",\n\t\"employees\": 1800,\n\t\"flag\": true\n}\n", file: "doc.json")
        #expect(root["cadre"]?.scalar?.value == .string("system/v1"))
        #expect(root["employees"]?.scalar?.value == .integer(1800))
        #expect(root["flag"]?.scalar?.value == .bool(true))
        #expect(root["employees"]?.location == SourceLocation(file: "doc.json", line: 3, column: 15))
    }

    @Test func plainScalarsFollowTheYAML12CoreSchema() throws {
        let root = try Self.parse(
            """
            a: yes
            b: true
            c: "true"
            d: 0x1F
            e: 1.5
            f: ~
            g:
            h: 2025-03-10
            i: 1_000
            j: 0o17
            k: .inf
            l: '42'
            m: |
              block
            """)
        #expect(root["a"]?.scalar?.value == .string("yes"))
        #expect(root["a"]?.scalar?.isYAML11Boolean == true)
        #expect(root["b"]?.scalar?.value == .bool(true))
        #expect(root["c"]?.scalar?.value == .string("true"))
        #expect(root["c"]?.scalar?.style == .doubleQuoted)
        #expect(root["d"]?.scalar?.value == .integer(31))
        #expect(root["e"]?.scalar?.value == .float(1.5))
        #expect(root["f"]?.isNull == true)
        #expect(root["g"]?.isNull == true)
        #expect(root["h"]?.scalar?.value == .string("2025-03-10"))
        #expect(root["i"]?.scalar?.value == .string("1_000"))
        #expect(root["j"]?.scalar?.value == .integer(15))
        #expect(root["k"]?.scalar?.value == .float(.infinity))
        #expect(root["l"]?.scalar?.value == .string("42"))
        #expect(root["m"]?.scalar?.style == .literal)
        #expect(root["m"]?.scalar?.text == "block")
    }

    @Test func plainScalarsCloseToTheCoreSchemasWordsAndNumbersAreStrings() {
        let cases: [(String, ScalarValue)] = [
            ("null", .null), ("Null", .null), ("NULL", .null), ("~", .null), ("", .null),
            ("nULL", .string("nULL")), ("nullable", .string("nullable")), ("none", .string("none")),
            ("True", .bool(true)), ("TRUE", .bool(true)), ("truely", .string("truely")), ("tRUE", .string("tRUE")),
            ("False", .bool(false)), ("FALSE", .bool(false)), ("false!", .string("false!")), ("no", .string("no")),
            ("-.inf", .float(-.infinity)), ("+.Inf", .float(.infinity)), (".nAn", .string(".nAn")),
            ("inf", .string("inf")),
            ("42", .integer(42)), ("+7", .integer(7)), ("-0", .integer(0)), ("0x1f", .integer(31)),
            ("0o17", .integer(15)),
            ("-0x1F", .string("-0x1F")), ("0x", .string("0x")), ("0xZZ", .string("0xZZ")),
            ("99999999999999999999", .float(1e20)),
            ("1e3", .float(1000)), ("1.5E-2", .float(0.015)), (".5", .float(0.5)), ("5.", .float(5)),
            ("-.5e+1", .float(-5)),
            ("1.2.3", .string("1.2.3")), ("1e", .string("1e")), ("e5", .string("e5")), (".", .string(".")),
            ("2025-03-10", .string("2025-03-10")), ("P3Y", .string("P3Y")), ("1_000", .string("1_000")),
            ("été", .string("été")),
        ]
        for (text, value) in cases {
            #expect(ScalarValue(plain: text) == value, "\(text)")
        }
        #expect(ScalarValue(plain: ".nan") != ScalarValue(plain: ".nan"))  // NaN equals nothing, not even NaN
    }

    @Test func walkVisitsEveryNodeInDocumentOrderWithPaths() throws {
        let root = try Self.parse("a: 1\nb:\n  - c: 2\n    x-note: kept\n  - 3\n")
        let visits = root.descendants()
        #expect(visits.map(\.path.description) == ["(root)", "a", "b", "b[0]", "b[0].c", "b[0].x-note", "b[1]"])
        #expect(visits.map(\.node.location.line) == [1, 1, 3, 3, 3, 4, 5])
        #expect(root.node(at: [.key("b"), .index(0), .key("x-note")])?.scalar?.text == "kept")
        #expect(root.node(at: [.key("b"), .index(5)]) == nil)
        #expect(root.location(of: [.key("b"), .index(0), .key("c")], pointingAtKey: true)?.column == 5)
        #expect(NodePath([.key("columns"), .key("e-mail address")]).description == #"columns["e-mail address"]"#)
        #expect(NodePath([.key("a/b"), .index(2)]).jsonPointer == "/a~1b/2")
    }

    @Test func windowsLineEndingsAndByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a: 1\r\nb: deux\r\n".utf8)
        let root = try DocumentParser().parse(bytes, file: "crlf.yaml")
        #expect(root["b"]?.scalar?.text == "deux")
        #expect(root["b"]?.location == SourceLocation(file: "crlf.yaml", line: 2, column: 4))
    }

    @Test func aliasesAreCopiesThatPointAtTheirAnchor() throws {
        let root = try Self.parse("x-ret: &ret {period: P6M}\nretention: *ret\n")
        #expect(root["retention"]?["period"]?.scalar?.text == "P6M")
        #expect(root["retention"]?.location.line == 1)
    }

    @Test func mergeKeysBringEntriesWithoutOverridingTheMappingsOwn() throws {
        let root = try Self.parse(
            """
            x-base: &base {period: P6M, from: collection}
            x-more: &more {criteria: none, period: P1Y}
            retention:
              <<: [*base, *more]
              from: end_of_contract
            quoted:
              "<<": literal
            """)
        let retention = try #require(root["retention"])
        #expect(retention.mapping?.map(\.key) == ["from", "period", "criteria"])
        #expect(retention["period"]?.scalar?.text == "P6M")
        #expect(retention["from"]?.scalar?.text == "end_of_contract")
        #expect(retention["period"]?.location.line == 1)
        #expect(root["quoted"]?["<<"]?.scalar?.text == "literal")
        #expect(throws: Diagnostic.self) { try Self.parse("a: {<<: 3}") }
    }

    @Test func aStarInsideTextIsNotAnAlias() throws {
        let root = try Self.parse("a: 'glob *.yaml'\nb: \"*important*\"\nc: 2*3\n")
        #expect(root["a"]?.scalar?.text == "glob *.yaml")
        #expect(root["b"]?.scalar?.text == "*important*")
        #expect(root["c"]?.scalar?.text == "2*3")
    }

    @Test func parseLimitsAreConfigurable() throws {
        let limits = ParseLimits(maxBytes: 64, maxDepth: 3, maxNodes: 10)
        #expect(throws: Diagnostic.self) {
            try DocumentParser(limits: limits).parse(String(repeating: "a", count: 65), file: "x")
        }
        do {
            _ = try DocumentParser(limits: limits).parse("a: {b: {c: {d: 1}}}", file: "x")
            Issue.record("no error")
        } catch {
            #expect(error.code == .tooDeep)
            #expect(error.message.contains("more than 3 levels"))
        }
    }
}
