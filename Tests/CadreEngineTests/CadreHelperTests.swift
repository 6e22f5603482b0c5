import CadreEngine
import CadreModel
import Testing

/// The helpers packs share through `cadre`: lists (`find`, `has`) and people (`worker`, `outsider`).
@Suite struct CadreHelperTests {
    private func messages(_ check: String) throws -> [String] {
        let workspace = try TemporaryWorkspace.with(rules: [
            "helper.lua": TemporaryWorkspace.rule("helper", check: check)
        ])
        let result = try #require(try workspace.evaluate().result("test.helper"))
        #expect(result.failure == nil, "\(result.failure?.message ?? "")")
        return result.findings.map(\.message)
    }

    @Test func listsAreSearchedInOrder() throws {
        let found = try messages(
            """
            local subjects = { "customer", "employee.agent", "employee" }
            ctx:info("%s", tostring(cadre.find(subjects, function(s) return s:find("employee") end)))
            ctx:info("%s", tostring(cadre.find(subjects, function(s) return s == "nobody" end)))
            ctx:info("%s %s", tostring(cadre.has(subjects, "customer")), tostring(cadre.has(subjects, "cust")))
            ctx:info("%s", tostring(cadre.find(system.data[1].stores, function() return true end)))
            """)
        #expect(found.sorted() == ["employee.agent", "nil", "nil", "true false"])
    }

    @Test func workersAreEmployeesAndConsultantsAndWhatIsBelowThem() throws {
        let found = try messages(
            """
            for _, s in ipairs({ "employee", "employee.agent", "consultant", "customer", "customer.vulnerable", "prospect", "employeed" }) do
              ctx:info("%s %s %s", s, tostring(cadre.people.worker(s)), tostring(cadre.people.outsider(s)))
            end
            """)
        #expect(
            found.sorted() == [
                "consultant true false", "customer false true", "customer.vulnerable false true", "employee true false",
                "employee.agent true false", "employeed false true", "prospect false true",
            ])
    }
}
