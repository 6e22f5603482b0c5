-- gdpr.dpia.edpb-criteria: a DPIA precedes processing meeting two or more EDPB criteria.

local as_of = { as_of = "2026-11-29" }

local function autoresponder(dpia)
  return system{
    scale = { subjects = 500000 },
    data = { { category = "user.content.email_message", subjects = { "customer" } } },
    ai = { { id = "writer", kind = "generative_assistant", interacts_with = { "customer" } } },
    assessments = { dpia = dpia },
  }
end

describe("gdpr.dpia.edpb-criteria", function()
  it("fails for large scale and AI with a DPIA judged not required", function()
    local result = run("gdpr.dpia.edpb-criteria", autoresponder{ status = "not_required", reason = "low risk" }, as_of)
    expect(result):to_fail_with("2 EDPB criteria: large scale (500000 people), innovative technology (AI component 'writer')")
    expect(result):to_fail_with("it was judged not required")
  end)

  it("counts employees as vulnerable and combined sources", function()
    local result = run("gdpr.dpia.edpb-criteria", system{
      data = {
        { category = "user.contact.phone_number", subjects = { "prospect" }, source = "third_party" },
        { category = "user.content.call_recording", subjects = { "customer", "employee.agent" }, source = "data_subject" },
      },
    }, as_of)
    expect(result):to_fail_with("datasets combined (user.contact.phone_number from a third party), vulnerable people (employee.agent)")
  end)

  it("passes with a DPIA done", function()
    expect(run("gdpr.dpia.edpb-criteria", autoresponder{ status = "done", date = "2024-05-02" }, as_of)):to_pass()
  end)

  it("passes with a single criterion", function()
    expect(run("gdpr.dpia.edpb-criteria", system{
      ai = { { id = "faq", kind = "chatbot", interacts_with = { "customer" } } },
    }, as_of)):to_pass()
  end)
end)
