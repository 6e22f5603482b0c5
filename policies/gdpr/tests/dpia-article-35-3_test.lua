-- gdpr.dpia.article-35-3: a DPIA precedes the processing Art. 35(3) names.

local as_of = { as_of = "2026-11-29" }

local function scoring(dpia, status)
  return system{
    status = status,
    ai = {
      { id = "churn", kind = "scoring", about = { "customer" }, infers = { "churn_risk" }, decides = "assists", effect = "none" },
      { id = "router", kind = "routing", about = { "customer" }, decides = "solely_automated", effect = "significant" },
    },
    assessments = dpia and { dpia = dpia } or nil,
  }
end

describe("gdpr.dpia.article-35-3", function()
  it("fails for profiling with significant effects and no DPIA", function()
    local result = run("gdpr.dpia.article-35-3", scoring(nil), as_of)
    expect(result):to_fail_with("Art. 35(3)(a): 'churn' evaluates people (churn_risk) and 'router' decides with a significant effect), but there is none")
  end)

  it("fails for large-scale special categories with a DPIA only planned", function()
    local result = run("gdpr.dpia.article-35-3", system{
      scale = { subjects = 250000 },
      data = { { category = "user.health_and_medical", subjects = { "customer" } } },
      assessments = { dpia = { status = "planned" } },
    }, as_of)
    expect(result):to_fail_with("Art. 35(3)(b): user.health_and_medical (a special category) of 250000 people")
    expect(result):to_point_at("assessments.dpia.status")
  end)

  it("fails for a DPIA dated after the as-of date", function()
    expect(run("gdpr.dpia.article-35-3", scoring{ status = "done", date = "2027-01-15" }, as_of)):to_fail_with("dated 2027-01-15, after 2026-11-29")
  end)

  it("warns for a system not yet processing data whose DPIA is under way", function()
    expect(run("gdpr.dpia.article-35-3", scoring({ status = "in_progress" }, "planned"), as_of)):to_warn_with("before the system processes data")
  end)

  it("passes with a DPIA done", function()
    expect(run("gdpr.dpia.article-35-3", scoring{ status = "done", date = "2024-01-22", ref = "DPIA-2024-02" }, as_of)):to_pass()
  end)

  it("does not apply to profiling without effects", function()
    expect(run("gdpr.dpia.article-35-3", system{
      ai = { { id = "churn", kind = "scoring", about = { "customer" }, infers = { "churn_risk" }, decides = "assists", effect = "none" } },
    }, as_of)):to_be_skipped("not-applicable")
  end)

  it("passes for a decision with an effect that evaluates nobody", function()
    expect(run("gdpr.dpia.article-35-3", system{
      ai = { { id = "router", kind = "routing", decides = "solely_automated", effect = "significant" } },
    }, as_of)):to_pass()
  end)
end)
