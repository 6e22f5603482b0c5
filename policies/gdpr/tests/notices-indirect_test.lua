-- Data obtained elsewhere: information within a month or at first contact (Art. 14(3)), its source named (Art. 14(2)(f)).

local as_of = { as_of = "2026-11-29" }

local function rented(notices)
  return system{
    data = { { category = "user.contact.email", subjects = { "prospect" }, source = "third_party" } },
    notices = notices,
  }
end

describe("gdpr.notices.indirect-timing", function()
  it("fails when people on a rented list are informed more than a month later", function()
    local result = run("gdpr.notices.indirect-timing", rented{ privacy_notice = "https://x.example", indirect_notice = "later" }, as_of)
    expect(result):to_fail_with("user.contact.email comes from a third party, and the people are informed more than a month later; within one month at the latest, or at the first contact (Art. 14(3))")
    expect(result):to_point_at("notices.indirect_notice")
  end)

  it("fails when the descriptor says nothing of when", function()
    expect(run("gdpr.notices.indirect-timing", rented(nil), as_of)):to_fail_with("at no stated time")
  end)

  it("passes at the first contact or within a month", function()
    expect(run("gdpr.notices.indirect-timing", rented{ indirect_notice = "at_first_contact" }, as_of)):to_pass()
    expect(run("gdpr.notices.indirect-timing", rented{ indirect_notice = "within_one_month" }, as_of)):to_pass()
  end)

  it("does not concern data collected from the people themselves", function()
    expect(run("gdpr.notices.indirect-timing", system{ data = { { category = "user.contact.email", subjects = { "customer" } } } }, as_of))
      :to_be_skipped("not-applicable")
  end)
end)

describe("gdpr.notices.indirect-source-named", function()
  it("fails when people are not told the list came from a partner", function()
    local result = run("gdpr.notices.indirect-source-named", rented{ indirect_notice = "at_first_contact" }, as_of)
    expect(result):to_fail_with("user.contact.email comes from a third party, and the people are not told which source (Art. 14(2)(f))")
    expect(result):to_point_at("data[1]")
  end)

  it("passes when the source is named", function()
    expect(run("gdpr.notices.indirect-source-named", rented{ source_named = true }, as_of)):to_pass()
  end)
end)
