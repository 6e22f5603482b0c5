-- gdpr.retention.defined: every category of personal data has a retention period (Art. 5(1)(e)).

describe("gdpr.retention.defined", function()
  it("fails for a data item without a retention period, pointing at the item", function()
    local result = run("gdpr.retention.defined", system{
      data = {
        { category = "user.contact.email", subjects = { "customer" }, retention = { period = "P3Y", from = "end_of_contract" } },
        { category = "user.contact.phone_number", subjects = { "customer" } },
      },
    })
    expect(result):to_fail_with("no retention period for user.contact.phone_number")
    expect(result):to_have_findings(1)
    expect(result):to_point_at("data[2]")
  end)

  it("fails for criteria without a period", function()
    expect(run("gdpr.retention.defined", system{
      data = { { category = "user.contact.email", retention = { criteria = "until the customer leaves" } } },
    })):to_fail()
  end)

  it("passes when every item has a period", function()
    expect(run("gdpr.retention.defined", system{
      data = { { category = "user.contact.email", subjects = { "customer" }, retention = { period = "P3Y", from = "end_of_contract" } } },
    })):to_pass()
  end)
end)
