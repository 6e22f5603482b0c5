import CadreModel
import LuaHost

/// Checks what a rule file returned, as Nmap checks an NSE script's fields: every missing or
/// mistyped field is a problem naming the file, the rule and the field (with the field's line when
/// the source shows it).
struct RuleTableReader {
    static let fields: [String] = [
        "id", "title", "description", "severity", "references", "confidence", "effective", "reviewed", "applies",
        "check", "remediation", "tags",
    ]

    let file: Pack.File
    let pack: Pack
    private(set) var diagnostics: [Diagnostic] = []

    init(file: Pack.File, pack: Pack) {
        self.file = file
        self.pack = pack
    }

    /// The rules `value` (what the file returned) declares.
    mutating func read(_ value: LuaValue) -> [RuleDefinition] {
        guard case .table(let table) = value else {
            problem(
                .invalidValue, nil,
                "the file returned \(value.isNil ? "nothing" : "a \(value.typeName)"); a rule file returns a rule (a table with id, title, severity, references and check) or a list of rules"
            )
            return []
        }
        if table["id"] != nil || table["check"] != nil || table.array.isEmpty {
            return rule(from: table).map { [$0] } ?? []
        }
        var rules: [RuleDefinition] = []
        for (index, element) in table.array.enumerated() {
            guard case .table(let rule) = element else {
                problem(
                    .invalidValue, nil, "element \(index + 1) of the returned list is a \(element.typeName), not a rule"
                )
                continue
            }
            if let definition = self.rule(from: rule) { rules.append(definition) }
        }
        return rules
    }

    private mutating func rule(from table: LuaTable) -> RuleDefinition? {
        let before = diagnostics.count
        let id = table["id"]?.stringValue
        let name = id.map { "rule `\($0)`" } ?? "the rule"

        for (key, _) in table.fields {
            guard case .string(let field) = key else {
                problem(.unknownKey, nil, "\(name) has a field that is not a name (\(key))")
                continue
            }
            if !Self.fields.contains(field) {
                problem(
                    .unknownKey, field, "\(name) has an unknown field `\(field)`",
                    hint: Suggestion.hint(for: field, among: Self.fields)
                        ?? "fields: \(Self.fields.joined(separator: ", "))")
            }
        }

        if let id {
            if !id.hasPrefix(pack.id + ".") || id.count <= pack.id.count + 1 {
                problem(
                    .invalidValue, "id", "\(name): ids of pack `\(pack.id)` start with `\(pack.id).`",
                    hint: "for example `\(pack.id).\(id)`")
            } else if id.contains(where: { !($0.isLetter || $0.isNumber || "._-".contains($0)) })
                || id != id.lowercased()
            {
                problem(.invalidValue, "id", "\(name): an id is lower-case letters, digits, `.`, `_` and `-`")
            }
        } else {
            required("id", "a string such as `\(pack.id).topic.obligation`", name, table)
        }
        let title = string("title", in: table, name: name, required: true)
        let description = string("description", in: table, name: name, required: false)
        let remediation = string("remediation", in: table, name: name, required: false)

        var severity = Severity.medium
        switch table["severity"] {
        case nil: required("severity", "one of \(Severity.words.joined(separator: ", "))", name, table)
        case .string(let word)?:
            if let value = Severity(rawValue: word) {
                severity = value
            } else {
                problem(
                    .invalidValue, "severity",
                    "\(name): severity `\(word)` is not one of \(Severity.words.joined(separator: ", "))",
                    hint: Suggestion.hint(for: word, among: Severity.words))
            }
        case let other?: wrongType("severity", "a string", other, name)
        }

        let references = self.references(in: table, name: name)
        let tags = strings("tags", in: table, name: name, required: false)

        var confidence = RuleInfo.Confidence.text
        switch table["confidence"] {
        case nil: break
        case .string(let word)?:
            if let value = RuleInfo.Confidence(rawValue: word) {
                confidence = value
            } else {
                problem(
                    .invalidValue, "confidence",
                    "\(name): confidence `\(word)` is not one of text, secondary, recall, unsettled")
            }
        case let other?: wrongType("confidence", "a string", other, name)
        }

        var from: ISODate? = nil
        var to: ISODate? = nil
        switch table["effective"] {
        case nil: break
        case .table(let effective)?:
            for (key, _) in effective.fields where key != "from" && key != "to" {
                problem(
                    .unknownKey, "effective",
                    "\(name): `effective` has an unknown field \(key); it takes `from` and `to`")
            }
            from = date("from", in: effective, name: name)
            to = date("to", in: effective, name: name)
            if let from, let to, to < from {
                problem(
                    .invalidValue, "effective", "\(name): `effective.to` (\(to)) is before `effective.from` (\(from))")
            }
        case let other?: wrongType("effective", "a table `{from = \"YYYY-MM-DD\", to = …}`", other, name)
        }

        var reviewed: ISODate? = nil
        switch table["reviewed"] {
        case nil: break
        case .string(let text)?:
            do { reviewed = try ISODate(parsing: text) } catch {
                problem(.invalidDate, "reviewed", "\(name): `reviewed`: \(error.description)", hint: error.hint)
            }
        case let other?: wrongType("reviewed", "a date as a string (`\"2026-12-07\"`)", other, name)
        }

        var applies: LuaValue? = nil
        switch table["applies"] {
        case nil: break
        case .reference(let r)? where r.kind == .function: applies = table["applies"]
        case let other?: wrongType("applies", "a function", other, name)
        }
        var check: LuaValue? = nil
        switch table["check"] {
        case nil: required("check", "a function `check(system, ctx)`", name, table)
        case .reference(let r)? where r.kind == .function: check = table["check"]
        case let other?: wrongType("check", "a function", other, name)
        }

        guard diagnostics.count == before, let id, let title, let check else { return nil }
        let info = RuleInfo(
            id: id, title: title, description: description, severity: severity, references: references,
            confidence: confidence, effectiveFrom: from, effectiveTo: to, reviewed: reviewed, remediation: remediation,
            tags: tags,
            pack: pack.id, packVersion: pack.version, file: file.path)
        return RuleDefinition(info: info, applies: applies, check: check)
    }

    // MARK: Fields

    private mutating func string(_ field: String, in table: LuaTable, name: String, required isRequired: Bool)
        -> String?
    {
        switch table[field] {
        case nil:
            if isRequired { required(field, "a string", name, table) }
            return nil
        case .string(let text)?:
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                problem(.emptyValue, field, "\(name): `\(field)` is empty")
                return nil
            }
            return text
        case let other?:
            wrongType(field, "a string", other, name)
            return nil
        }
    }

    private mutating func strings(_ field: String, in table: LuaTable, name: String, required isRequired: Bool)
        -> [String]
    {
        switch table[field] {
        case nil:
            if isRequired { required(field, "a list of strings such as `{\"GDPR Art. 5(1)(e)\"}`", name, table) }
            return []
        case .table(let list)?:
            if !list.fields.isEmpty || list.array.contains(where: { $0.stringValue == nil }) {
                problem(.wrongType, field, "\(name): `\(field)` must be a list of strings")
                return []
            }
            if isRequired && list.array.isEmpty { problem(.emptyValue, field, "\(name): `\(field)` is empty") }
            return list.array.compactMap(\.stringValue)
        case let other?:
            wrongType(field, "a list of strings", other, name)
            return []
        }
    }

    /// `references`: a list whose elements are a citation (`"GDPR Art. 5(1)(e)"`) or a citation with
    /// the official text's address (`{ "GDPR Art. 5(1)(e)", url = "https://eur-lex.europa.eu/…" }`).
    private mutating func references(in table: LuaTable, name: String) -> [RuleReference] {
        let example = "`{ \"GDPR Art. 5(1)(e)\", url = \"https://eur-lex.europa.eu/eli/reg/2016/679/oj\" }`"
        switch table["references"] {
        case nil:
            required("references", "a list of citations such as \(example)", name, table)
            return []
        case .table(let list)?:
            if !list.fields.isEmpty {
                problem(.wrongType, "references", "\(name): `references` must be a list of citations")
                return []
            }
            if list.array.isEmpty { problem(.emptyValue, "references", "\(name): `references` is empty") }
            var references: [RuleReference] = []
            for (index, element) in list.array.enumerated() {
                let place = "\(name): reference \(index + 1)"
                switch element {
                case .string(let citation): references.append(RuleReference(citation))
                case .table(let reference):
                    guard reference.array.count == 1, let citation = reference.array[0].stringValue else {
                        problem(
                            .wrongType, "references", "\(place) must start with its citation, as in \(example)")
                        continue
                    }
                    var url: String? = nil
                    for (key, value) in reference.fields {
                        guard key == "url" else {
                            problem(
                                .unknownKey, "references",
                                "\(place) has an unknown field `\(key.stringValue ?? key.description)`; it takes `url`")
                            continue
                        }
                        guard let text = value.stringValue else {
                            wrongType("references", "an address as a string", value, name)
                            continue
                        }
                        if let reason = Self.problem(withURL: text) {
                            problem(.invalidValue, "references", "\(place): url `\(text)` \(reason)")
                        } else {
                            url = text
                        }
                    }
                    references.append(RuleReference(citation, url: url))
                default:
                    problem(
                        .wrongType, "references",
                        "\(place) is a \(element.typeName); write a citation or \(example)")
                }
            }
            return references
        case let other?:
            wrongType("references", "a list of citations", other, name)
            return []
        }
    }

    /// Why `text` is not a reference's address (an `https` URL with a host), or nil when it is.
    static func problem(withURL text: String) -> String? {
        guard text.hasPrefix("https://") else { return "is not an https address" }
        let rest = text.dropFirst("https://".count)
        let host = rest.prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" })
        guard host.contains("."), !host.hasPrefix("."), !host.hasSuffix(".") else { return "has no host" }
        guard !text.contains(where: { $0.isWhitespace }) else { return "holds a space" }
        return nil
    }

    private mutating func date(_ field: String, in table: LuaTable, name: String) -> ISODate? {
        switch table[field] {
        case nil: return nil
        case .string(let text)?:
            do { return try ISODate(parsing: text) } catch {
                problem(
                    .invalidDate, "effective", "\(name): `effective.\(field)`: \(error.description)", hint: error.hint)
                return nil
            }
        case let other?:
            wrongType("effective", "dates as strings (`\"2026-08-02\"`)", other, name)
            return nil
        }
    }

    // MARK: Problems

    private mutating func required(_ field: String, _ expected: String, _ name: String, _ table: LuaTable) {
        problem(.missingField, nil, "\(name) is missing required field `\(field)` (\(expected))")
    }

    private mutating func wrongType(_ field: String, _ expected: String, _ value: LuaValue, _ name: String) {
        problem(.wrongType, field, "\(name): field `\(field)` must be \(expected), not a \(value.typeName)")
    }

    private mutating func problem(_ code: DiagnosticCode, _ field: String?, _ message: String, hint: String? = nil) {
        let location =
            field.flatMap { Self.line(of: $0, in: file.source) }
            .map { SourceLocation(file: file.path, line: $0, column: 1) } ?? SourceLocation.start(of: file.path)
        diagnostics.append(.error(code, at: location, message, hint: hint))
    }

    /// The first line of `source` that assigns `field` (`  severity = "high",`).
    static func line(of field: String, in source: String) -> Int? {
        var number = 0
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            guard trimmed.hasPrefix(field) else { continue }
            let rest = trimmed.dropFirst(field.count).drop(while: { $0 == " " || $0 == "\t" })
            if rest.hasPrefix("="), !rest.hasPrefix("==") { return number }
        }
        return nil
    }
}
