import Yams

/// Turns the errors of Yams and libyaml into located diagnostics with hints.
enum YAMLErrorTranslation {
    static func diagnostic(for error: any Error, in source: SourceText) -> Diagnostic {
        guard let error = error as? YamlError else {
            return .error(.syntax, at: .start(of: source.file), "could not parse the file: \(error)")
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return syntax(problem: problem, context: context, mark: mark, in: source)
        case .reader(let problem, let offset, _, let yaml):
            var location = SourceLocation.start(of: source.file)
            if let offset, let index = yaml.index(yaml.startIndex, offsetBy: offset, limitedBy: yaml.endIndex) {
                location = source.location(ofByte: yaml.utf8.distance(from: yaml.utf8.startIndex, to: index))
            }
            if problem.contains("control characters") {
                return .error(
                    .controlCharacter, at: location, "control character in the text; YAML does not allow them",
                    hint: "remove it; tabs, line breaks and printable characters are allowed")
            }
            return .error(.notUTF8, at: location, "the text cannot be read: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return DuplicateKeyLocator.diagnostic(keys: duplicates, firstAt: context.mark, in: source)
        default:
            return .error(.syntax, at: .start(of: source.file), "could not parse the file: \(error)")
        }
    }

    private static func syntax(problem: String, context: YamlError.Context?, mark: Mark, in source: SourceText)
        -> Diagnostic
    {
        let location = source.location(line: mark.line, column: mark.column)
        var message = "syntax error: \(problem)"
        if let context, !context.text.isEmpty, context.mark.line != mark.line {
            message += " (\(context.text) at line \(context.mark.line))"
        }
        let lineText = source.line(mark.line) ?? ""
        let indentation = lineText.prefix { $0 == " " || $0 == "\t" }
        if problem.contains("another document") || context?.text.contains("expected a single document") == true {
            return .error(
                .multipleDocuments, at: location, "a descriptor file holds one YAML document; this is a second one",
                hint: "remove this `---` and what follows, or give the second system a file of its own")
        }
        if problem.contains("Maximum nesting level") {
            return .error(
                .tooDeep, at: location, "lists and mappings nest more than 1000 levels deep",
                hint: "a descriptor nests about seven levels; check the brackets")
        }
        if problem.contains("undefined alias") {
            return .error(
                .undefinedAlias, at: location, "alias to an anchor that is not defined above it",
                hint: "define the anchor (`&name`) before the alias (`*name`), or quote a value that starts with `*`")
        }
        if indentation.contains("\t") || problem.contains("tab")
            || source.scalar(line: mark.line, column: mark.column) == "\t"
        {
            return .error(
                .tabIndentation, at: location, "tab character where YAML expects spaces",
                hint: "indent with spaces; YAML does not allow tabs in indentation")
        }
        let hint: String
        switch problem {
        case let p where p.contains("mapping values are not allowed"):
            hint = "a value that contains `: ` needs quotes; otherwise check this line's indentation"
        case let p where p.contains("did not find expected key"):
            hint = "check the indentation of this line against the lines above it"
        case let p where p.contains("could not find expected ':'"):
            hint = "a key is missing its `:`, or a quoted string is not closed"
        case let p where p.contains("cannot start any token"):
            hint = "values that start with `@`, `` ` ``, `%` or `|` need quotes"
        case let p where p.contains("end of stream"):
            hint = "a bracket or a quote is not closed"
        case let p where p.contains("did not find expected ',' or"):
            hint = "a comma is missing between two elements, or a bracket is not closed"
        case let p where p.contains("did not find expected node content"):
            hint = "a value is missing, or a line starts with a character YAML reserves"
        default:
            hint = "see https://yaml.org/spec/1.2.2/ or check the line against docs/descriptors.md"
        }
        return .error(.syntax, at: location, message, hint: hint)
    }
}
