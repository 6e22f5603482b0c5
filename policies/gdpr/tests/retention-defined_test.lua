-- gdpr.retention.defined: every category of personal data has a retention period (Art. 5(1)(e)).

local as_of = { as_of = "2026-11-29" }

describe("gdpr.retention.defined", function()
  it("fails for a data item without a retention period, pointing at the item", function()
    local result = run("gdpr.retention.defined", system{
      data = {
        { category = "user.contact.email", subjects = { "customer" }, retention = { period = "P3Y", from = "end_of_contract" } },
        { category = "user.contact.phone_number", subjects = { "customer" } },
      },
    }, as_of)
    expect(result):to_fail_with("no retention period for user.contact.phone_number")
    expect(result):to_have_findings(1)
    expect(result):to_point_at("data[2]")
  end)

  it("passes with criteria where no fixed period applies, as Art. 13(2)(a) allows", function()
    expect(run("gdpr.retention.defined", system{
      data = { { category = "user.contact.email", retention = { criteria = "until the customer closes the account" } } },
    }, as_of)):to_pass()
  end)

  it("warns for a period that runs from no stated event", function()
    local result = run("gdpr.retention.defined", system{
      data = { { category = "user.contact.email", retention = { period = "P3Y" } } },
    }, as_of)
    expect(result):to_warn_with("from which event is not said")
    expect(result):to_point_at("data[1].retention")
  end)

  it("passes when every item has a period", function()
    expect(run("gdpr.retention.defined", system{
      data = { { category = "user.contact.email", subjects = { "customer" }, retention = { period = "P3Y", from = "end_of_contract" } } },
    }, as_of)):to_pass()
  end)
end)
