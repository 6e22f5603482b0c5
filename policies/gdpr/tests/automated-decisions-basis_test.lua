-- gdpr.automated-decisions.basis: solely automated decisions with effects rest on an Art. 22(2) exception.

local as_of = { as_of = "2026-11-29" }

local function router(fields)
  local component = { id = "router", kind = "routing", about = { "customer" }, decides = "solely_automated", effect = "significant" }
  for k, v in pairs(fields or {}) do component[k] = v end
  return system{ ai = { component } }
end

describe("gdpr.automated-decisions.basis", function()
  it("fails for a solely automated decision with a significant effect and no exception", function()
    local result = run("gdpr.automated-decisions.basis", router(), as_of)
    expect(result):to_fail_with("'router' decides with no human involvement and a significant effect")
    expect(result):to_point_at("ai[1].decides")
  end)

  it("passes when the exception is recorded", function()
    expect(run("gdpr.automated-decisions.basis", router{ automated_decision_basis = "contract" }, as_of)):to_pass()
  end)

  it("does not apply when a person takes the decision", function()
    expect(run("gdpr.automated-decisions.basis", router{ decides = "assists" }, as_of)):to_be_skipped("not-applicable")
  end)

  it("does not apply to automated steps without a significant effect", function()
    expect(run("gdpr.automated-decisions.basis", router{ effect = "none" }, as_of)):to_be_skipped("not-applicable")
  end)
end)
