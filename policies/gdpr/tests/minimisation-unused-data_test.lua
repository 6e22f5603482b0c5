-- gdpr.minimisation.unused-data: no personal data is held for no purpose (Art. 5(1)(c)).

local as_of = { as_of = "2026-11-29" }
local purposes = {
  { id = "support", description = "Answer customers", legal_basis = "contract", uses = { "essential.service.operations.support" } },
  { id = "survey", description = "Satisfaction surveys", legal_basis = "legitimate_interests", uses = { "analytics.reporting.customer_experience" } },
}

describe("gdpr.minimisation.unused-data", function()
  it("fails for a category that serves no purpose", function()
    local result = run("gdpr.minimisation.unused-data", system{
      purposes = purposes,
      data = {
        { category = "user.contact.email", purposes = { "support", "survey" } },
        { category = "user.demographic.date_of_birth", subjects = { "customer" } },
      },
    }, as_of)
    expect(result):to_fail_with("user.demographic.date_of_birth serves no declared purpose")
    expect(result):to_point_at("data[2]")
  end)

  it("warns for a purpose nothing serves", function()
    local result = run("gdpr.minimisation.unused-data", system{
      purposes = purposes,
      data = { { category = "user.contact.email", purposes = { "support" } } },
    }, as_of)
    expect(result):to_warn_with("purpose 'survey' is declared, but no data item and no AI component serves it")
  end)

  it("counts a purpose an AI component serves as used", function()
    expect(run("gdpr.minimisation.unused-data", system{
      purposes = purposes,
      data = { { category = "user.contact.email", purposes = { "support" } } },
      ai = { { id = "csat", kind = "classification", purposes = { "survey" } } },
    }, as_of)):to_pass()
  end)
end)
