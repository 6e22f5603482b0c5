import CadreModel
import CadreTestSupport
import Foundation
import Testing

@Suite struct ISODateTests {
    static func date(_ text: String) throws -> ISODate { try ISODate(parsing: text) }
    static func duration(_ text: String) throws -> ISODuration { try ISODuration(parsing: text) }

    @Test func parsesAndPrints() throws {
        let date = try Self.date("2025-03-10")
        #expect((date.year, date.month, date.day) == (2025, 3, 10))
        #expect(date.description == "2025-03-10")
        #expect(try Self.date("2024-02-29").day == 29)
        #expect(try Self.date("0001-01-01").description == "0001-01-01")
    }

    @Test(
        arguments: [
            ("2025-02-30", "February 2025 has 28 days", nil),
            ("2023-02-29", "February 2023 has 28 days", nil),
            ("2025-13-01", "month 13 does not exist", "dates are written year-month-day"),
            ("2025-04-31", "April 2025 has 30 days", nil),
            ("10/03/2025", "dates are written year-month-day", "write `2025-03-10`"),
            ("2025-3-10", "months and days take two digits", "write `2025-03-10`"),
            ("2025-03-10T10:00:00Z", "a date without a time is expected", "write `2025-03-10`"),
            ("0000-01-01", "outside 0001–9999", nil),
            ("March 10, 2025", "expected a date written YYYY-MM-DD", "for example `2025-03-10`"),
            ("", "expected a date written YYYY-MM-DD", nil),
        ] as [(String, String, String?)])
    func rejectsWithAReason(text: String, reason: String, hint: String?) {
        #expect {
            try ISODate(parsing: text)
        } throws: { error in
            guard let error = error as? ISOFormatError else { return false }
            return error.kind == .date && error.reason.contains(reason) && (hint == nil || error.hint == hint)
        }
    }

    @Test(arguments: [
        ("2025-01-31", "P1M", "2025-02-28"),
        ("2024-01-31", "P1M", "2024-02-29"),
        ("2024-02-29", "P1Y", "2025-02-28"),
        ("2025-03-10", "P1Y6M", "2026-09-10"),
        ("2025-12-15", "P1M", "2026-01-15"),
        ("2025-03-10", "P2W", "2025-03-24"),
        ("2025-02-28", "P1D", "2025-03-01"),
        ("2025-03-10", "PT36H", "2025-03-11"),
        ("2025-03-10", "P0D", "2025-03-10"),
        ("2025-08-31", "P6M", "2026-02-28"),
    ])
    func addsDurations(start: String, duration: String, end: String) throws {
        #expect(try Self.date(start).adding(Self.duration(duration)) == Self.date(end))
    }

    @Test(arguments: [
        ("2025-03-31", "P1M", "2025-02-28"),
        ("2024-03-31", "P1M", "2024-02-29"),
        ("2025-08-31", "P6M", "2025-02-28"),
        ("2025-01-15", "P1M", "2024-12-15"),
        ("2025-03-01", "P1D", "2025-02-28"),
        ("2025-03-10", "P3Y", "2022-03-10"),
    ])
    func subtractsDurationsForCutOffs(asOf: String, duration: String, cutOff: String) throws {
        #expect(try Self.date(asOf).subtracting(Self.duration(duration)) == Self.date(cutOff))
    }

    @Test func staysWithinYearsOneToNineThousandNineHundredNinetyNine() throws {
        #expect(try Self.date("9999-12-31").adding(Self.duration("P1D")) == nil)
        #expect(try Self.date("0001-01-01").subtracting(Self.duration("P1D")) == nil)
        #expect(ISODate(year: 2025, month: 2, day: 29) == nil)
    }

    @Test func dayNumbersRoundTrip() throws {
        #expect(ISODate.epoch.dayNumber == 0)
        #expect(try Self.date("2000-03-01").dayNumber == 11_017)
        var generator = SplitMix(seed: 7)
        for _ in 0..<2_000 {
            let number = Int.random(in: -719_162...2_932_896, using: &generator)
            let date = try #require(ISODate(dayNumber: number))
            #expect(date.dayNumber == number)
            #expect(try Self.date(date.description) == date)
        }
        #expect(try Self.date("2025-03-10").days(to: Self.date("2026-03-10")) == 365)
    }

    @Test func ordersChronologically() throws {
        let dates = try ["2025-03-10", "2024-12-31", "2025-01-01", "2025-03-09"].map(Self.date).sorted()
        #expect(dates.map(\.description) == ["2024-12-31", "2025-01-01", "2025-03-09", "2025-03-10"])
    }

    @Test func codesAsAString() throws {
        let data = try JSONEncoder().encode([Self.date("2025-03-10")])
        #expect(String(decoding: data, as: UTF8.self) == #"["2025-03-10"]"#)
        #expect(try JSONDecoder().decode([ISODate].self, from: data) == [Self.date("2025-03-10")])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([ISODate].self, from: Data(#"["2025-02-30"]"#.utf8))
        }
    }

    @Test func todayFollowsTheTimeZone() throws {
        let instant = Date(timeIntervalSince1970: 1_741_651_200)  // 2025-03-11T00:00:00Z
        #expect(ISODate.today(in: try #require(TimeZone(identifier: "UTC")), now: instant).description == "2025-03-11")
        #expect(
            ISODate.today(in: try #require(TimeZone(identifier: "America/New_York")), now: instant).description
                == "2025-03-10")
    }
}
