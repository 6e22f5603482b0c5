-- gdpr.marketing.objection: people can object to direct marketing, and are told so (Art. 21(2)-(4)).

local as_of = { as_of = "2026-11-29" }
local offers = { { id = "offers", description = "Propose retention offers", legal_basis = "legitimate_interests", uses = { "marketing.communications.phone" } } }

describe("gdpr.marketing.objection", function()
  it("fails for marketing with no objection offered", function()
    local result = run("gdpr.marketing.objection", system{ purposes = offers, notices = { privacy_notice = "https://x.example" } }, as_of)
    expect(result):to_fail_with("people are not offered a way to object")
    expect(result):to_point_at("notices")
  end)

  it("fails for prospecting messages without an opt-out", function()
    local result = run("gdpr.marketing.objection", system{
      prospecting = { channels = { "email" }, audience = { "existing_customers" }, consent = "soft_opt_in", opt_out_offered = false },
      notices = { objection_offered = true },
    }, as_of)
    expect(result):to_fail_with("prospecting messages offer no way to object")
    expect(result):to_point_at("prospecting.opt_out_offered")
  end)

  it("passes when objection is offered", function()
    expect(run("gdpr.marketing.objection", system{ purposes = offers, notices = { objection_offered = true } }, as_of)):to_pass()
  end)

  it("does not apply without marketing", function()
    expect(run("gdpr.marketing.objection", system{
      purposes = { { id = "support", description = "Answer customers", legal_basis = "contract", uses = { "essential.service.operations.support" } } },
    }, as_of)):to_be_skipped("not-applicable")
  end)
end)
