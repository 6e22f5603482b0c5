-- gdpr.notices.indirect-source: people whose data comes from elsewhere are given the Art. 14(1) information at all.

local as_of = { as_of = "2026-11-29" }
local rented = { category = "user.contact.phone_number", subjects = { "prospect" }, source = "third_party" }

describe("gdpr.notices.indirect-source", function()
  it("fails for rented data with no notice, at the source", function()
    local result = run("gdpr.notices.indirect-source", system{ data = { rented } }, as_of)
    expect(result):to_fail_with("user.contact.phone_number comes from a third party, and the people concerned are given no information notice (Art. 14(1))")
    expect(result):to_point_at("data[1].source")
    expect(#result.references):to_be(1)
  end)

  it("leaves the source and the timing to their own rules", function()
    local told = system{ data = { rented }, notices = { privacy_notice = "https://www.electra.example/confidentialite" } }
    expect(run("gdpr.notices.indirect-source", told, as_of)):to_pass()
    expect(run("gdpr.notices.indirect-source-named", told, as_of)):to_fail()
    expect(run("gdpr.notices.indirect-timing", told, as_of)):to_fail()
  end)

  it("passes with a notice", function()
    expect(run("gdpr.notices.indirect-source", system{ data = { rented }, notices = { privacy_notice = "https://www.electra.example/confidentialite#prospection" } }, as_of)):to_pass()
  end)

  it("does not apply to data the person gave", function()
    expect(run("gdpr.notices.indirect-source", system{
      data = { { category = "user.contact.email", subjects = { "customer" }, source = "data_subject" } },
    }, as_of)):to_be_skipped("not-applicable")
  end)
end)
