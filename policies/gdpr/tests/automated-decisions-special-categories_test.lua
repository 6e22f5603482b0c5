-- gdpr.automated-decisions.special-categories: no solely automated decision on special categories without 9(2)(a) or (g) (Art. 22(4)).

local as_of = { as_of = "2026-11-29" }

local function priority(condition)
  return system{
    purposes = { { id = "priority", description = "Serve customers on home medical equipment first during outages", legal_basis = "consent",
                   special_category_condition = condition, uses = { "essential.service.operations.support.routing" } } },
    data = { { category = "user.health_and_medical.disability", subjects = { "customer.vulnerable" }, purposes = { "priority" } } },
    ai = { { id = "router", kind = "routing", purposes = { "priority" }, about = { "customer" }, decides = "solely_automated",
             effect = "significant", automated_decision_basis = "explicit_consent" } },
  }
end

describe("gdpr.automated-decisions.special-categories", function()
  it("fails for a decision on health data resting on a condition other than explicit consent", function()
    local result = run("gdpr.automated-decisions.special-categories", priority("vital_interests"), as_of)
    expect(result):to_fail_with("'router' decides alone on user.health_and_medical.disability")
    expect(result):to_point_at("ai[1].decides")
  end)

  it("passes with explicit consent", function()
    expect(run("gdpr.automated-decisions.special-categories", priority("explicit_consent"), as_of)):to_pass()
  end)
end)
