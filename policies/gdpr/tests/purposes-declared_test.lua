-- gdpr.purposes.declared: purposes are specified and explicit (Art. 5(1)(b)).

local as_of = { as_of = "2026-11-29" }
local support = { id = "support", description = "Answer customers", legal_basis = "contract", uses = { "essential.service.operations.support" } }
local email = { category = "user.contact.email", subjects = { "customer" }, retention = { period = "P3Y", from = "end_of_contract" } }

describe("gdpr.purposes.declared", function()
  it("fails for a system that processes data and declares no purpose", function()
    local result = run("gdpr.purposes.declared", system{ data = { email } }, as_of)
    expect(result):to_fail_with("declares no purpose")
    expect(result):to_point_at("data")
  end)

  it("fails for a purpose that says neither what it is nor which uses it covers", function()
    local result = run("gdpr.purposes.declared", system{
      purposes = { support, { id = "misc", legal_basis = "legitimate_interests" } },
      data = { email },
    }, as_of)
    expect(result):to_fail_with("purpose 'misc' does not say what it is")
    expect(result):to_fail_with("purpose 'misc' names no data use")
    expect(result):to_have_findings(2)
    expect(result):to_point_at("purposes[2]")
  end)

  it("passes when every purpose is described with its uses", function()
    expect(run("gdpr.purposes.declared", system{ purposes = { support }, data = { email } }, as_of)):to_pass()
  end)

  it("does not apply to a system with no personal data", function()
    expect(run("gdpr.purposes.declared", system{ purposes = { support } }, as_of)):to_be_skipped("not-applicable")
  end)
end)
