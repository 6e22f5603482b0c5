-- gdpr.purposes.legal-basis: every purpose names its Art. 6(1) legal basis.

local as_of = { as_of = "2026-11-29" }

local function with_purposes(purposes)
  return system{ purposes = purposes }
end

describe("gdpr.purposes.legal-basis", function()
  it("fails for a purpose with no legal basis, naming it", function()
    local result = run("gdpr.purposes.legal-basis", with_purposes{
      { id = "support", description = "Answer customers", legal_basis = "contract", uses = { "essential.service.operations.support" } },
      { id = "marketing", description = "Offer new contracts" },
    }, as_of)
    expect(result).to_fail_with("purpose 'marketing' names no legal basis")
    expect(result).to_point_at("purposes[2]")
  end)

  it("passes when each purpose names one", function()
    expect(run("gdpr.purposes.legal-basis", with_purposes{
      { id = "support", description = "Answer customers", legal_basis = "contract", uses = { "essential.service.operations.support" } },
    }, as_of)).to_pass()
  end)

  it("does not apply to a system that declares no purpose", function()
    expect(run("gdpr.purposes.legal-basis", system{}, as_of)).to_be_skipped("not-applicable")
  end)
end)
