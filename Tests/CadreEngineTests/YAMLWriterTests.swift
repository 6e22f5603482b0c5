import CadreModel
import CadreTestSupport
import LuaHost
import Testing

@testable import CadreEngine

/// The writer of imported files writes the scalars the emitter would leave as they are without
/// running it. These tests hold that shortcut to the emitter: same text for every scalar and
/// every flow collection, on the strings near the edge of plain style.
@Suite struct YAMLWriterTests {
    /// Strings at the edges of YAML's plain style and of its readers' implicit types.
    static let edges: [String] = [
        "user.contact.email", "Customer support", "essential.service.operations.support", "a", "Z", "x1",
        "a/b", "a-b", "a_b", "a.b", "a - b", "a -b", "a  b", "a b c", "A/B/C.d-e_f",
        "no", "No", "NO", "yes", "Yes", "y", "Y", "n", "N", "on", "On", "ON", "off", "Off", "true", "True",
        "TRUE", "false", "False", "null", "Null", "NULL", "nULL", "yEs", "oN", "tRUE",
        "inf", "Inf", "INF", "infinity", "Infinity", "nan", "NaN", "NAN", "e", "E", "e1", "E5", "x1e5",
        ".inf", "-.inf", "+.inf", ".nan", "~", "", " ", "a ", " a", "a:", "a: b", "a:b", "a #b", "a#b", "#a",
        "-a", "-", "--", "---", "...", "a...", "?a", ":a", "a,b", "a[b]", "{a}", "a'b", "a\"b", "'a'",
        "é", "aé", "Ωmega", "a\tb", "a\u{7F}", "1", "1.5", "1_000", "0x1F", "0o17", "190:20:30", "2026-01-01",
        "2026-01-01 10:00:00", "12:30", "=", "<<", "a=b", "a<<b", "@a", "`a`", "%a", "!a", "&a", "*a", "|a",
        ">a", "a|b", "a>b", "a\r\nb", "a\\b",
    ]

    @Test(arguments: edges)
    func aStringIsWrittenAsTheEmitterWritesIt(text: String) {
        #expect(YAMLWriter.scalar(.string(text)) == YAMLWriter.emittedScalar(.string(text)), "\(text)")
    }

    @Test func otherScalarsAreWrittenAsTheEmitterWritesThem() {
        let values: [LuaValue] = [
            .nil, .boolean(true), .boolean(false), .integer(0), .integer(-1), .integer(42), .integer(Int64.max),
            .integer(Int64.min), .number(1.5), .number(-0.25), .number(3), .number(1e300),
        ]
        for value in values {
            #expect(YAMLWriter.scalar(value) == YAMLWriter.emittedScalar(value), "\(value)")
        }
    }

    /// The shortcut is taken where it should be (else these tests would compare the emitter with
    /// itself), and refused on every string a reader would take for something else.
    @Test func theShortcutIsTakenOnPlainStringsOnly() {
        for text in ["user.contact.email", "Customer support", "a/b", "x1", "A/B/C.d-e_f", "a -b"] {
            #expect(YAMLWriter.plainText(.string(text)) == text)
        }
        for text in ["no", "Off", "yEs", "NULL", "inf", "Infinity", "nan", "a ", "-a", "a: b", "a#b", "1", "é", ""] {
            #expect(YAMLWriter.plainText(.string(text)) == nil, "\(text)")
        }
        #expect(YAMLWriter.plainText(.integer(-7)) == "-7")
        #expect(YAMLWriter.plainText(.number(1.5)) == nil)
    }

    /// 20,000 seeded strings over an alphabet of letters, digits and the characters that matter
    /// to plain style, alone and in flow collections.
    @Test func seededStringsAreWrittenAsTheEmitterWritesThem() {
        let alphabet = Array("aZyYnNoOfeEiI0159._-/ :#,'[{é\t")
        var random = SplitMix(seed: 16)
        var taken = 0
        var strings: [String] = []
        for _ in 0..<20_000 {
            let length = Int(random.next() % 9)
            let text = String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
            strings.append(text)
            if YAMLWriter.plainText(.string(text)) != nil { taken += 1 }
            #expect(YAMLWriter.scalar(.string(text)) == YAMLWriter.emittedScalar(.string(text)), "\(text)")
        }
        // Enough of them take the shortcut for the comparison to mean something.
        #expect(taken > 1_000, "\(taken)")
        for start in stride(from: 0, to: strings.count - 4, by: 4) {
            let values =
                strings[start..<start + 4].map { LuaValue.string($0) } + [.integer(Int64(start)), .boolean(true)]
            #expect(
                YAMLWriter.flowLine(sequence: values) == YAMLWriter.flowLine(sequence: values, shortcut: false),
                "\(values)")
            let entries = Array(zip(strings[start..<start + 4], values.reversed()))
            #expect(
                YAMLWriter.flowLine(mapping: entries) == YAMLWriter.flowLine(mapping: entries, shortcut: false),
                "\(entries)")
        }
    }

    @Test func flowCollectionsOfPlainScalarsAreWrittenAsTheEmitterWritesThem() {
        let values: [LuaValue] = [.string("customer"), .string("employee"), .integer(3), .boolean(false), .nil]
        #expect(YAMLWriter.flowLine(sequence: values) == "[customer, employee, 3, false, null]")
        #expect(YAMLWriter.flowLine(sequence: values) == YAMLWriter.flowLine(sequence: values, shortcut: false))
        let entries: [(String, LuaValue)] = [("period", .string("P1Y")), ("from", .string("collection"))]
        #expect(YAMLWriter.flowLine(mapping: entries) == "{period: P1Y, from: collection}")
        #expect(YAMLWriter.flowLine(mapping: entries) == YAMLWriter.flowLine(mapping: entries, shortcut: false))
    }
}
