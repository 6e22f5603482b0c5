import Yams

/// Builds the diagnostic for a key written twice in one mapping, pointing at the second
/// occurrence when the text shows where it is (Yams reports the first).
enum DuplicateKeyLocator {
    static func diagnostic(keys: [String], firstAt mark: Mark, in source: SourceText) -> Diagnostic {
        let key = keys.first ?? ""
        let hint = "YAML and JSON readers disagree on which value wins; keep one"
        let others = keys.dropFirst().map { "`\($0)`" }
        let alsoOthers = others.isEmpty ? "" : " (so do \(others.joined(separator: ", ")))"
        guard let second = secondOccurrence(of: key, after: mark, in: source) else {
            return .error(
                .duplicateKey, at: source.location(line: mark.line, column: mark.column),
                "key `\(key)` appears twice in the same mapping\(alsoOthers)", hint: hint)
        }
        return .error(
            .duplicateKey, at: second,
            "key `\(key)` appears twice in the same mapping (first at line \(mark.line))\(alsoOthers)", hint: hint)
    }

    /// Where `key` is written a second time, found in the text: in block style, at the same
    /// column on a later line of the same mapping; in flow style (and JSON), further on after
    /// `{`, `,` or a space.
    static func secondOccurrence(of key: String, after mark: Mark, in source: SourceText) -> SourceLocation? {
        let spellings = [key, "\"\(key)\"", "'\(key)'"].map { Array($0.unicodeScalars) }
        let flow = isInsideBraces(mark, in: source)
        var lineNumber = mark.line
        while let line = source.line(lineNumber) {
            let scalars = Array(line.unicodeScalars)
            if flow {
                let startColumn = lineNumber == mark.line ? mark.column + 1 : 1
                if startColumn <= scalars.count {
                    for column in startColumn...scalars.count {
                        let before: Unicode.Scalar = column >= 2 ? scalars[column - 2] : " "
                        guard ["{", ",", " ", "\t"].contains(before) else { continue }
                        if spellings.contains(where: { isKey($0, in: scalars, at: column) }) {
                            return source.location(line: lineNumber, column: column)
                        }
                    }
                }
            } else if lineNumber > mark.line {
                let indent = scalars.prefix { $0 == " " }.count
                let blank = indent == scalars.count || scalars[indent] == "#"
                if !blank {
                    if indent + 1 < mark.column {
                        return nil
                    }
                    if spellings.contains(where: { isKey($0, in: scalars, at: mark.column) }) {
                        return source.location(line: lineNumber, column: mark.column)
                    }
                }
            }
            lineNumber += 1
        }
        return nil
    }

    private static func isKey(_ spelling: [Unicode.Scalar], in scalars: [Unicode.Scalar], at column: Int) -> Bool {
        let start = column - 1
        guard start >= 0, start + spelling.count <= scalars.count,
            Array(scalars[start..<(start + spelling.count)]) == spelling
        else { return false }
        var after = start + spelling.count
        while after < scalars.count, scalars[after] == " " { after += 1 }
        return after < scalars.count && scalars[after] == ":"
    }

    /// True when the first occurrence sits inside `{ }` (flow style or JSON).
    private static func isInsideBraces(_ mark: Mark, in source: SourceText) -> Bool {
        var line = 1
        var column = 1
        var depth = 0
        for scalar in source.text.unicodeScalars {
            if line > mark.line || (line == mark.line && column >= mark.column) { break }
            switch scalar {
            case "\n":
                line += 1
                column = 0
            case "{": depth += 1
            case "}": depth -= 1
            default: break
            }
            column += 1
        }
        return depth > 0
    }
}
