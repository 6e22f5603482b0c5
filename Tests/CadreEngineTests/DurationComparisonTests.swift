import CadreEngine
import CadreModel
import Testing

/// `duration:compare` answers days against days and months against months without the calendar:
/// the same answers as the comparison over every start date, for every pair of a grid.
@Suite struct DurationComparisonTests {
    static let durations = [
        "P0D", "P1D", "P30D", "P31D", "P180D", "P183D", "P1W", "PT24H", "PT1H", "P1DT1H", "P1M", "P6M", "P12M", "P1Y",
        "P1Y6M", "P2Y", "P1M1D", "P6MT12H", "P3Y", "P5Y", "P10Y",
    ]

    @Test func theShortCutsAgreeWithTheCalendar() throws {
        let list = Self.durations.map { "\"\($0)\"" }.joined(separator: ", ")
        let workspace = try TemporaryWorkspace.with(rules: [
            "compare.lua": TemporaryWorkspace.rule(
                "compare",
                check: """
                    local durations = { \(list) }
                    for _, a in ipairs(durations) do
                      for _, b in ipairs(durations) do
                        local d = cadre.duration(a)
                        ctx:info("%s %s %s %s %s", a, b, d:compare(b), tostring(d:can_exceed(b)), tostring(d:at_least(b)))
                      end
                    end
                    """)
        ])
        let result = try #require(try workspace.evaluate().result("test.compare"))
        #expect(result.findings.count == Self.durations.count * Self.durations.count)
        for finding in result.findings {
            let words = finding.message.split(separator: " ").map(String.init)
            let a = try ISODuration(parsing: words[0])
            let b = try ISODuration(parsing: words[1])
            let relation = a.relation(to: b)
            #expect(words[2] == relation.rawValue, "\(words[0]) against \(words[1])")
            let exceeds = relation == .longer || relation == .longerOrEqual || relation == .dependsOnStartDate
            let atLeast = relation == .longer || relation == .longerOrEqual || relation == .equal
            #expect(words[3] == String(exceeds) && words[4] == String(atLeast), "\(words[0]) against \(words[1])")
        }
    }
}
