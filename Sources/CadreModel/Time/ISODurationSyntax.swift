/// The grammar of ``ISODuration``: `P[nY][nM][nW][nD][T[nH][nM][nS]]`, with at least one
/// component, whole numbers, capital letters, in that order.
enum ISODurationSyntax {
    static func parse(_ text: String) throws(ISOFormatError) -> ISODuration {
        func fail(_ reason: String, _ hint: String? = nil) -> ISOFormatError {
            ISOFormatError(.duration, text: text, reason: reason, hint: hint ?? suggestion(for: text))
        }
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first else { throw fail("it is empty", "for example `P6M` (six months)") }
        guard first == "P" else {
            throw first == "p" ? fail("ISO 8601 durations are written in capitals") : fail("a duration starts with `P`")
        }
        // Designators in order; the date part then the time part.
        let dateOrder: [Unicode.Scalar] = ["Y", "M", "W", "D"]
        let timeOrder: [Unicode.Scalar] = ["H", "M", "S"]
        // By designator: the date part's Y M W D, then the time part's H M S.
        var values = [Int](repeating: 0, count: dateOrder.count + timeOrder.count)
        var inTime = false
        var lastRank = -1
        var number = ""
        var sawComponent = false
        var sawTimeComponent = false
        for scalar in scalars.dropFirst() {
            switch scalar {
            case "0"..."9":
                number.unicodeScalars.append(scalar)
            case "T":
                guard !inTime, number.isEmpty else { throw fail("`T` appears in the wrong place") }
                inTime = true
                lastRank = -1
            case ".", ",":
                throw fail("fractions are not accepted", fractionHint(text))
            case "-", "+":
                throw fail("durations have no sign")
            default:
                let order = inTime ? timeOrder : dateOrder
                guard let rank = order.firstIndex(of: scalar) else {
                    if scalar.properties.isLowercase { throw fail("ISO 8601 durations are written in capitals") }
                    if !inTime, timeOrder.contains(scalar) {
                        throw fail("hours and seconds come after `T`", "write `PT\(number)\(scalar)`")
                    }
                    throw fail("`\(scalar)` is not a duration designator (Y, M, W, D, T, H, M, S)")
                }
                guard !number.isEmpty else { throw fail("`\(scalar)` has no number before it") }
                guard rank > lastRank else { throw fail("components are out of order (Y M W D, then T H M S)") }
                guard let value = Int(number), value <= ISODuration.maximumComponent else {
                    throw fail("\(number) is too large")
                }
                values[(inTime ? dateOrder.count : 0) + rank] = value
                lastRank = rank
                number = ""
                sawComponent = true
                if inTime { sawTimeComponent = true }
            }
        }
        guard number.isEmpty else { throw fail("`\(number)` has no designator after it (Y, M, W, D…)") }
        if inTime, !sawTimeComponent { throw fail("`T` must be followed by hours, minutes or seconds") }
        guard sawComponent else { throw fail("it has no component", "for example `P6M` (six months)") }
        guard
            let duration = ISODuration(
                years: values[0], months: values[1], weeks: values[2], days: values[3],
                hours: values[4], minutes: values[5], seconds: values[6])
        else { throw fail("a component is too large") }
        return duration
    }

    /// `P6M` for `6 months`, `6 mois` or `6M`; nil when the text does not look like a duration.
    static func suggestion(for text: String) -> String? {
        let words = text.lowercased().split(separator: " ").map(String.init)
        let units: [(designator: String, time: Bool, words: [String])] = [
            ("Y", false, ["y", "year", "years", "an", "ans", "année", "années"]),
            ("M", false, ["m", "month", "months", "mois"]),
            ("W", false, ["w", "week", "weeks", "semaine", "semaines"]),
            ("D", false, ["d", "day", "days", "jour", "jours"]),
            ("H", true, ["h", "hour", "hours", "heure", "heures"]),
        ]
        var number: Int?
        var unit: String?
        if words.count == 2 {
            number = Int(words[0])
            unit = words[1]
        } else if words.count == 1 {
            let digits = words[0].prefix { $0.isNumber }
            number = Int(digits)
            unit = String(words[0].dropFirst(digits.count))
        }
        guard let number, let unit, let match = units.first(where: { $0.words.contains(unit) }) else { return nil }
        return "write `P\(match.time ? "T" : "")\(number)\(match.designator)`"
    }

    /// `P1Y6M` for `P1.5Y`.
    private static func fractionHint(_ text: String) -> String {
        let body = String(text.dropFirst())
        // A number of years too large for a duration has no exact form to suggest (and its
        // months would not fit in an Int).
        if body.hasSuffix("Y"), let value = Double(String(body.dropLast()).replacing(",", with: ".")),
            value * 12 <= Double(ISODuration.maximumComponent)
        {
            let months = Int((value * 12).rounded())
            if let duration = ISODuration(years: months / 12, months: months % 12) {
                return "write `\(duration)` instead"
            }
        }
        return "use a smaller unit: `P1Y6M` rather than `P1.5Y`, `P1DT12H` rather than `P1.5D`"
    }
}
