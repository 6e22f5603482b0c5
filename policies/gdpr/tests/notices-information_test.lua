-- gdpr.notices.information: people are informed when their data is collected from them (Art. 13).

local as_of = { as_of = "2026-11-29" }
local chat = { category = "user.content.chat_transcript", subjects = { "customer" }, source = "data_subject" }

describe("gdpr.notices.information", function()
  it("fails with no information notice", function()
    local result = run("gdpr.notices.information", system{ data = { chat }, notices = { recording_announcement = true } }, as_of)
    expect(result):to_fail_with("no information notice is given")
    expect(result):to_point_at("notices")
  end)

  it("passes with the notice's location", function()
    expect(run("gdpr.notices.information", system{ data = { chat }, notices = { privacy_notice = "https://www.electra.example/confidentialite" } }, as_of)):to_pass()
  end)

  it("leaves data received from others to Art. 14", function()
    expect(run("gdpr.notices.information", system{
      data = { { category = "user.contact.phone_number", subjects = { "prospect" }, source = "third_party" } },
    }, as_of)):to_be_skipped("not-applicable")
  end)
end)
