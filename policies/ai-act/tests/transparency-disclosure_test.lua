-- ai-act.transparency.disclosure: people are told they talk to an AI system (AI Act Art. 50(1)).

local in_force = { as_of = "2026-11-29" }

describe("ai-act.transparency.disclosure", function()
  it("fails for a chatbot that discloses only on request", function()
    local result = run("ai-act.transparency.disclosure", fixture("fixtures/chatbot-on-request.yaml"), in_force)
    expect(result):to_fail_with("at the first interaction")
    expect(result):to_point_at("ai[1].discloses_ai")
  end)

  it("passes for a voicebot that says so at the start", function()
    expect(run("ai-act.transparency.disclosure", system{
      ai = { { id = "nlu", kind = "voicebot", interacts_with = { "customer" }, discloses_ai = "at_start" } },
    }, in_force)):to_pass()
  end)

  it("is not yet in force before 2 August 2026", function()
    local result = run("ai-act.transparency.disclosure", fixture("fixtures/chatbot-on-request.yaml"), { as_of = "2026-08-01" })
    expect(result):to_be_skipped("not-yet-in-force")
  end)

  it("does not apply to a system with no bot", function()
    expect(run("ai-act.transparency.disclosure", system{
      ai = { { id = "routing", kind = "routing" } },
    }, in_force)):to_be_skipped("not-applicable")
  end)
end)
