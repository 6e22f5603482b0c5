-- gdpr.record.complete: the record of processing is complete (Art. 30(1)).

local as_of = { as_of = "2026-11-29" }
local electra = { name = "Électra Énergie SAS", country = "FR", employees = 1800, dpo = "dpo@electra.example" }

describe("gdpr.record.complete", function()
  it("fails with no controller, no subjects and an undeclared inference", function()
    local result = run("gdpr.record.complete", system{
      data = { { category = "user.content.call_transcript" } },
      ai = { { id = "coach", kind = "speech_analytics", about = { "employee.agent" }, infers = { "performance", "topic" } } },
    }, as_of)
    expect(result):to_fail_with("the record names no controller")
    expect(result):to_fail_with("user.content.call_transcript: the record does not say whom the data is about")
    expect(result):to_fail_with("'coach' infers performance about people, and the record declares no user.workplace.performance data")
    expect(result):to_have_findings(3)
    expect(result):to_point_at("ai[1].infers")
  end)

  it("warns when the DPO's contact is missing", function()
    expect(run("gdpr.record.complete", system{
      organisation = { name = "Électra Énergie SAS" },
      data = { { category = "user.contact.email", subjects = { "customer" } } },
    }, as_of)):to_warn_with("no contact for the data protection officer")
  end)

  it("passes with the organisation, subjects and inferences declared", function()
    expect(run("gdpr.record.complete", system{
      organisation = electra,
      data = {
        { category = "user.content.call_transcript", subjects = { "customer", "employee.agent" } },
        { category = "user.workplace.performance", subjects = { "employee.agent" } },
      },
      ai = { { id = "coach", kind = "speech_analytics", about = { "employee.agent" }, infers = { "performance", "topic" } } },
    }, as_of)):to_pass()
  end)
end)
