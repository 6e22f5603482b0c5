extension ShapeValidator {
    /// Checks a scalar against a scalar shape.
    mutating func checkScalar(_ node: LocatedNode, against shape: ValueShape) {
        guard let scalar = node.scalar else { return wrongType(node, expected: shape) }
        let location = node.location
        var label: String { Self.label(path) }
        switch shape {
        case .boolean:
            guard case .bool = scalar.value else {
                if scalar.isYAML11Boolean {
                    let meaning = ["yes", "on"].contains(scalar.text.lowercased())
                    return add(
                        .error(
                            .wrongType, at: location, path: path,
                            "`\(scalar.text)` is not true or false here: cadre reads YAML 1.2, where `\(scalar.text)` is a string",
                            hint: "write `\(meaning)`"))
                }
                if scalar.style != .plain, ["true", "false"].contains(scalar.text) {
                    return add(
                        .error(
                            .wrongType, at: location, path: path,
                            "\(label) must be true or false, not the string \"\(scalar.text)\"",
                            hint: "remove the quotes"))
                }
                return wrongType(node, expected: shape)
            }
        case .integer(let minimum):
            guard case .integer(let value) = scalar.value else {
                let digits = scalar.text.filter { $0 != " " && $0 != "," && $0 != "_" && $0 != "\u{202F}" && $0 != "." }
                if case .string = scalar.value, !digits.isEmpty, digits.allSatisfy(\.isNumber) {
                    return add(
                        .error(
                            .wrongType, at: location, path: path,
                            "\(label) must be a whole number, not the string `\(scalar.text)`",
                            hint: "write `\(digits)`, without separators"))
                }
                return wrongType(node, expected: shape)
            }
            if value < minimum {
                add(
                    .error(
                        .invalidValue, at: location, path: path, "\(label) must be at least \(minimum), not \(value)"))
            }
        case .date:
            guard case .string(let text) = scalar.value else { return wrongType(node, expected: shape) }
            do { _ = try ISODate(parsing: text) } catch {
                add(.error(.invalidDate, at: location, path: path, error.description, hint: error.hint))
            }
        case .duration:
            guard case .string(let text) = scalar.value else {
                return add(
                    .error(
                        .invalidDuration, at: location, path: path,
                        "\(label) must be an ISO 8601 duration, not \(Self.article(node.kindName)) `\(scalar.text)`",
                        hint: Int(scalar.text).map {
                            "write `P\($0)M` for \($0) months, `P\($0)Y` for \($0) years, `P\($0)D` for \($0) days"
                        }
                            ?? "for example `P6M` (six months) or `P3Y` (three years)"))
            }
            do { _ = try ISODuration(parsing: text) } catch {
                add(
                    .error(
                        .invalidDuration, at: location, path: path, error.description,
                        hint: error.hint ?? "for example `P6M` (six months), `P3Y` (three years), `P30D` (thirty days)")
                )
            }
        case .constant(let expected):
            guard scalar.value == .string(expected) else {
                return add(
                    .error(
                        .invalidValue, at: location, path: path,
                        "\(label) must be `\(expected)`, not `\(scalar.text)`",
                        hint: "write `\(path.lastKey ?? "value"): \(expected)`"))
            }
        case .choice(let set):
            checkChoice(scalar, set, location: location, node: node)
        case .taxonomyKey(let kind):
            guard case .string(let key) = scalar.value else { return wrongType(node, expected: shape) }
            checkTaxonomyKey(key, kind, location: location)
        case .string(let format):
            guard case .string(let text) = scalar.value else { return wrongType(node, expected: shape) }
            if let problem = Self.formatProblem(text, format) {
                add(
                    .error(
                        format == .environmentTemplate ? .invalidEnvironmentReference : .invalidValue,
                        at: location, path: path, "\(label) \(problem.reason)", hint: problem.hint))
            } else if format == .environmentTemplate, let template = try? EnvironmentTemplate(parsing: text),
                template.holdsLiteralSecret
            {
                add(
                    .warning(
                        .secretInDescriptor, at: location, path: path,
                        "\(label) holds a password or another secret written in clear (shown masked: `\(template)`)",
                        hint:
                            "a password belongs in an environment variable: write `${STORE_PASSWORD}` in its place, resolved only when cadre connects"
                    ))
            }
        case .list, .object, .dictionary, .either:
            wrongType(node, expected: shape)
        }
    }

    private mutating func checkChoice(_ scalar: Scalar, _ set: ChoiceSet, location: SourceLocation, node: LocatedNode) {
        if case .string(let word) = scalar.value, !scalar.isYAML11Boolean, set.contains(word) { return }
        let label = Self.label(path)
        let allowed = set.words.joined(separator: ", ")
        if scalar.isYAML11Boolean {
            let asBoolean = ["yes", "on"].contains(scalar.text.lowercased())
            return add(
                .error(
                    .invalidValue, at: location, path: path,
                    "`\(scalar.text)` is not a valid \(set.name): YAML 1.1 tools read `\(scalar.text)` as the boolean \(asBoolean)",
                    hint: "write one of: \(allowed)"))
        }
        guard case .string(let word) = scalar.value else {
            return add(
                .error(
                    .wrongType, at: location, path: path,
                    "\(label) must be one of \(allowed), not \(Self.article(node.kindName))",
                    hint: scalar.value == .bool(false) || scalar.value == .bool(true)
                        ? "write one of the words above, without quotes" : nil))
        }
        guard set.words.contains(word) else {
            let suggestion = Suggestion.hint(for: word, among: set.words)
            return add(
                .error(
                    .invalidValue, at: location, path: path, "`\(word)` is not a valid \(set.name)",
                    hint: (suggestion.map { $0 + " " } ?? "") + "allowed: \(allowed)"))
        }
    }

    private mutating func checkTaxonomyKey(_ key: String, _ kind: TaxonomyKind, location: SourceLocation) {
        if let term = taxonomy.term(key, in: kind) {
            if let replacement = term.replacedBy {
                add(
                    .warning(
                        .deprecatedTaxonomyKey, at: location, path: path,
                        "`\(key)` is an older name of the \(kind.singularName) `\(replacement)`",
                        hint: "write `\(replacement)`"))
            }
            return
        }
        let suggestions = taxonomy.suggestions(for: key, in: kind, limit: 2)
        let hint =
            suggestions.isEmpty
            ? "see the \(kind.singularName) keys in docs/descriptors.md, or add the term to your workspace taxonomy"
            : "did you mean " + suggestions.map { "`\($0)`" }.joined(separator: " or ") + "?"
        add(.error(.unknownTaxonomyKey, at: location, path: path, "unknown \(kind.singularName) `\(key)`", hint: hint))
    }

    /// What is wrong with `text` for `format`, if anything.
    static func formatProblem(_ text: String, _ format: StringFormat) -> (reason: String, hint: String?)? {
        switch format {
        case .text:
            return nil
        case .identifier:
            let scalars = Array(text.unicodeScalars)
            let valid =
                scalars.first.map { isAlphanumeric($0) } == true
                && scalars.allSatisfy { isAlphanumeric($0) || $0 == "." || $0 == "_" || $0 == "-" }
            if valid { return nil }
            let slug = String(
                String.UnicodeScalarView(scalars.map { isAlphanumeric($0) || $0 == "." || $0 == "_" ? $0 : "-" }))
            return (
                "must be an identifier (ASCII letters, digits, `.`, `_` and `-`), not `\(text)`",
                "for example `\(slug.lowercased())`"
            )
        case .country:
            if text.count == 2, text.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }), text != "UK", text != "EL"
            {
                return nil
            }
            return ("must be an ISO 3166-1 alpha-2 country code, not `\(text)`", countryHint(text))
        case .region:
            if text == "EU" || text == "EEA" || formatProblem(text, .country) == nil { return nil }
            return ("must be `EU`, `EEA` or an ISO 3166-1 alpha-2 country code, not `\(text)`", countryHint(text))
        case .environmentTemplate:
            do { _ = try EnvironmentTemplate(parsing: text) } catch {
                return ("holds a malformed environment reference: \(error.reason)", "write references as `${NAME}`")
            }
            return nil
        case .extensionKey:
            guard text.hasPrefix("x-"), formatProblem(String(text.dropFirst(2)), .identifier) == nil else {
                return (
                    "must be `x-` followed by an identifier, not `\(text)`",
                    "descriptors keep `x-` keys for extensions: write `x-\(text.hasPrefix("x-") ? "name" : text)`"
                )
            }
            return nil
        case .taxonomyKey:
            let words = text.split(separator: ".", omittingEmptySubsequences: false)
            let valid =
                !words.isEmpty
                && words.allSatisfy { word in
                    guard let first = word.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
                    return word.unicodeScalars.allSatisfy {
                        ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
                    }
                }
            return valid
                ? nil : ("must be lower-case words joined by dots", "for example `user.content.call_recording`")
        }
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    private static func countryHint(_ text: String) -> String {
        let known: [String: String] = [
            "uk": "GB", "el": "GR", "france": "FR", "germany": "DE", "allemagne": "DE", "spain": "ES", "espagne": "ES",
            "italy": "IT", "italie": "IT", "usa": "US", "us": "US", "united states": "US", "etats-unis": "US",
            "états-unis": "US", "ireland": "IE", "irlande": "IE", "belgium": "BE", "belgique": "BE",
            "netherlands": "NL", "pays-bas": "NL", "portugal": "PT", "morocco": "MA", "maroc": "MA",
            "tunisia": "TN", "tunisie": "TN", "india": "IN", "inde": "IN", "switzerland": "CH", "suisse": "CH",
            "luxembourg": "LU", "poland": "PL", "pologne": "PL", "united kingdom": "GB", "royaume-uni": "GB",
            "senegal": "SN", "sénégal": "SN", "madagascar": "MG", "mauritius": "MU", "maurice": "MU",
        ]
        if let code = known[text.lowercased()] { return "write `\(code)`" }
        return "two capital letters, for example `FR`, `DE`, `US`"
    }
}
