import CadreModel
import Testing

@Suite struct ISODurationTests {
    static func d(_ text: String) throws -> ISODuration { try ISODuration(parsing: text) }

    @Test(arguments: [
        ("P6M", 0, 6, 0, 0, 0), ("P3Y", 3, 0, 0, 0, 0), ("P1Y6M", 1, 6, 0, 0, 0), ("P30D", 0, 0, 0, 30, 0),
        ("P2W", 0, 0, 2, 0, 0), ("PT12H", 0, 0, 0, 0, 12), ("P1Y2M3W4DT5H", 1, 2, 3, 4, 5), ("P0D", 0, 0, 0, 0, 0),
    ])
    func parsesComponents(text: String, years: Int, months: Int, weeks: Int, days: Int, hours: Int) throws {
        let duration = try Self.d(text)
        #expect(
            [duration.years, duration.months, duration.weeks, duration.days, duration.hours] == [
                years, months, weeks, days, hours,
            ])
        #expect(duration.description == text)
    }

    @Test func parsesMinutesAndSeconds() throws {
        let duration = try Self.d("PT1H30M15S")
        #expect(duration.totalSeconds == 5_415)
        #expect(duration.minutes == 30)
    }

    @Test(
        arguments: [
            ("6M", "a duration starts with `P`", "write `P6M`"),
            ("6 months", "a duration starts with `P`", "write `P6M`"),
            ("6 mois", "a duration starts with `P`", "write `P6M`"),
            ("3 ans", "a duration starts with `P`", "write `P3Y`"),
            ("p6m", "capitals", nil),
            ("P1.5Y", "fractions are not accepted", "write `P1Y6M` instead"),
            // A crash of the descriptor fuzzer's target (found reading what it reaches): the suggestion's
            // months overflowed an Int.
            (
                "P99999999999999999999.5Y", "fractions are not accepted",
                "use a smaller unit: `P1Y6M` rather than `P1.5Y`, `P1DT12H` rather than `P1.5D`"
            ),
            ("P\(String(repeating: "9", count: 400)),5Y", "fractions are not accepted", nil),
            ("P", "it has no component", "for example `P6M` (six months)"),
            ("PT", "`T` must be followed by hours, minutes or seconds", nil),
            ("P6", "has no designator", nil),
            ("P1H", "hours and seconds come after `T`", "write `PT1H`"),
            ("P6M1Y", "out of order", nil),
            ("-P6M", "a duration starts with `P`", nil),
            ("P-6M", "durations have no sign", nil),
            ("P6X", "is not a duration designator", nil),
            ("P99999999Y", "too large", nil),
            ("", "it is empty", "for example `P6M` (six months)"),
        ] as [(String, String, String?)])
    func rejectsWithAReason(text: String, reason: String, hint: String?) {
        #expect {
            try ISODuration(parsing: text)
        } throws: { error in
            guard let error = error as? ISOFormatError else { return false }
            return error.kind == .duration && error.reason.contains(reason) && (hint == nil || error.hint == hint)
        }
    }

    @Test func equalityComparesQuantities() throws {
        #expect(try Self.d("P12M") == Self.d("P1Y"))
        #expect(try Self.d("P2W") == Self.d("P14D"))
        #expect(try Self.d("P1D") == Self.d("PT24H"))
        #expect(try Self.d("P1M") != Self.d("P30D"))
        #expect(try Set([Self.d("P12M"), Self.d("P1Y")]).count == 1)
        #expect(try Self.d("P12M").description == "P12M")
    }

    // The comparison rule: relation(to:) over every start date, compare(_:from:) at one date,
    // and `<` by average length.

    @Test(arguments: [
        ("P1M", "P30D", DurationRelation.dependsOnStartDate),
        ("P12M", "P1Y", .equal),
        ("P1Y", "P365D", .longerOrEqual),
        ("P1Y", "P366D", .shorterOrEqual),
        ("P6M", "P180D", .longer),
        ("P6M", "P184D", .shorterOrEqual),
        ("P6M", "P185D", .shorter),
        ("P1M", "P28D", .longerOrEqual),
        ("P1M", "P31D", .shorterOrEqual),
        ("P1M", "P4W", .longerOrEqual),
        ("P2M", "P59D", .longerOrEqual),
        ("P4Y", "P1461D", .shorterOrEqual),  // 1,460 days across 2100, not a leap year
        ("P4Y", "P1460D", .longerOrEqual),
        ("P3Y", "P2Y11M", .longer),
        ("P6M1D", "P6M", .longer),
        ("PT23H", "P1D", .shorter),
        ("P2W", "P14D", .equal),
    ])
    func relationHoldsFromEveryStartDate(_ a: String, _ b: String, expected: DurationRelation) throws {
        #expect(try Self.d(a).relation(to: Self.d(b)) == expected)
        let inverse: [DurationRelation: DurationRelation] = [
            .shorter: .longer, .longer: .shorter, .equal: .equal, .shorterOrEqual: .longerOrEqual,
            .longerOrEqual: .shorterOrEqual, .dependsOnStartDate: .dependsOnStartDate,
        ]
        #expect(try Self.d(b).relation(to: Self.d(a)) == inverse[expected])
    }

    @Test func relationAnswersWhatRulesAsk() throws {
        // "kept six months at most": P183D can exceed six months (from 1 January), P180D cannot.
        #expect(try Self.d("P183D").relation(to: Self.d("P6M")).canBeLonger)
        #expect(try !Self.d("P180D").relation(to: Self.d("P6M")).canBeLonger)
        // "logs kept six months at least": P183D falls short from 1 July (184 days to 1 January).
        #expect(try Self.d("P183D").relation(to: Self.d("P6M")).canBeShorter)
        #expect(try !Self.d("P185D").relation(to: Self.d("P6M")).canBeShorter)
    }

    @Test func compareFromADateIsExact() throws {
        let month = try Self.d("P1M")
        let thirtyDays = try Self.d("P30D")
        #expect(month.compare(thirtyDays, from: try ISODate(parsing: "2025-02-01")) == .shorter)
        #expect(month.compare(thirtyDays, from: try ISODate(parsing: "2025-01-01")) == .longer)
        #expect(month.compare(thirtyDays, from: try ISODate(parsing: "2025-04-01")) == .equal)
        // From 31 January one month ends on 28 February: 28 days.
        #expect(month.compare(try Self.d("P28D"), from: try ISODate(parsing: "2025-01-31")) == .equal)
        #expect(try Self.d("P1Y").compare(Self.d("P365D"), from: ISODate(parsing: "2024-01-01")) == .longer)
        #expect(try Self.d("P1Y").compare(Self.d("P365D"), from: ISODate(parsing: "2025-01-01")) == .equal)
    }

    @Test func orderByAverageLength() throws {
        #expect(try Self.d("P1M") > Self.d("P30D"))
        #expect(try Self.d("P1M") < Self.d("P31D"))
        #expect(try Self.d("P1Y") > Self.d("P365D"))
        #expect(try Self.d("P1Y") < Self.d("P366D"))
        #expect(try Self.d("P6M") > Self.d("P180D"))
        #expect(try !(Self.d("P12M") < Self.d("P1Y")) && !(Self.d("P1Y") < Self.d("P12M")))
        #expect(try Self.d("P1M").averageSeconds == 2_629_746)
        let sorted = try ["P1Y", "P6M", "P30D", "P1M", "P2W", "P365D"].map(Self.d).sorted().map(\.description)
        #expect(sorted == ["P2W", "P30D", "P1M", "P6M", "P365D", "P1Y"])
    }

    @Test func averageOrderAgreesWithTheCalendarWheneverTheCalendarAgreesWithItself() throws {
        let samples = try [
            "P1D", "P7D", "P28D", "P29D", "P30D", "P31D", "P1M", "P2M", "P59D", "P62D", "P3M", "P90D", "P92D",
            "P6M", "P181D", "P184D", "P1Y", "P365D", "P366D", "P13M", "P400D", "P2Y", "P730D", "P731D", "PT36H",
        ].map(Self.d)
        for a in samples {
            for b in samples {
                switch a.relation(to: b) {
                case .longer: #expect(a > b, "\(a) \(b)")
                case .shorter: #expect(a < b, "\(a) \(b)")
                case .equal: #expect(a == b, "\(a) \(b)")
                case .longerOrEqual: #expect(a >= b, "\(a) \(b)")
                case .shorterOrEqual: #expect(a <= b, "\(a) \(b)")
                case .dependsOnStartDate: break
                }
            }
        }
    }
}
