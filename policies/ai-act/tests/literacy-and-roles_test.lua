-- AI literacy (Art. 4) and roles (Art. 3(3)-(4)), in force from 2 February 2025.

local in_force = { as_of = "2026-11-29" }
local bot = { { id = "eli", kind = "chatbot", interacts_with = { "customer" }, discloses_ai = "at_start" } }

describe("ai-act.literacy.training", function()
  it("fails when nobody was trained", function()
    local result = run("ai-act.literacy.training", system{ role = "deployer", ai = bot }, in_force)
    expect(result):to_fail_with("no measure supporting the AI literacy of its staff is recorded")
    expect(run("ai-act.literacy.training", system{ role = "deployer", ai = bot }, { as_of = "2026-11-29", settings = { calendar = "original" } }))
      :to_fail_with("no AI literacy training is recorded")
  end)

  it("fails when the first session comes after the as-of date", function()
    local trained = system{ role = "deployer", ai = bot, training = { ai_literacy = { last = "2025-02-11", audience = { "agents" } } } }
    local result = run("ai-act.literacy.training", trained, { as_of = "2025-02-05" })
    expect(result):to_fail_with("dated 2025-02-11, after 2025-02-05")
    expect(result):to_point_at("training.ai_literacy.last")
  end)

  it("warns when the refresher the organisation scheduled is overdue, under the original text", function()
    local result = run("ai-act.literacy.training", system{
      role = "deployer", ai = bot, training = { ai_literacy = { last = "2024-11-05", audience = { "agents" }, every = "P1Y" } },
    }, { as_of = "2026-11-29", settings = { calendar = "original" } })
    expect(result):to_warn_with("the AI literacy refresher was due on 2025-11-05")
  end)

  it("only notes an overdue refresher under the omnibus, whose Art. 4 asks for measures, not a cadence", function()
    local trained = system{
      role = "deployer", ai = bot, training = { ai_literacy = { last = "2024-11-05", audience = { "agents" }, every = "P1Y" } },
    }
    local result = run("ai-act.literacy.training", trained, in_force)
    expect(result):to_pass()
    expect(result.findings[1].level):to_be("info")
    expect(result.findings[1].message):to_contain("asks for measures, not a cadence")
    -- before the omnibus was in force (27 July 2026), the original wording applied
    expect(run("ai-act.literacy.training", trained, { as_of = "2026-07-26" })):to_warn()
  end)

  it("asks for a measure in the amended wording", function()
    expect(run("ai-act.literacy.training", system{ role = "deployer", ai = bot }, in_force))
      :to_fail_with("no measure supporting the AI literacy of its staff is recorded (Art. 4 as amended)")
  end)

  it("passes with a session within the cadence", function()
    expect(run("ai-act.literacy.training", system{
      role = "deployer", ai = bot, training = { ai_literacy = { last = "2026-02-10", audience = { "agents" }, every = "P1Y" } },
    }, in_force)):to_pass()
  end)

  it("is not yet in force before 2 February 2025, under both calendars", function()
    for _, calendar in ipairs({ "omnibus", "original" }) do
      expect(run("ai-act.literacy.training", system{ ai = bot }, { as_of = "2025-01-01", settings = { calendar = calendar } }))
        :to_be_skipped("not-yet-in-force")
    end
  end)

  it("does not apply to a system without AI", function()
    expect(run("ai-act.literacy.training", system{}, in_force)):to_be_skipped("not-applicable")
  end)
end)

describe("ai-act.roles.declared", function()
  it("fails for AI components with no role", function()
    local result = run("ai-act.roles.declared", system{ ai = bot }, in_force)
    expect(result):to_fail_with("AI Act role (provider or deployer) is not recorded")
    expect(result):to_point_at("ai")
  end)

  it("passes with a role", function()
    expect(run("ai-act.roles.declared", system{ role = "provider", ai = bot }, in_force)):to_pass()
  end)
end)
