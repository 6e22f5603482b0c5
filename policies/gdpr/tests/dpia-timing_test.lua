-- gdpr.dpia.timing: the DPIA came before the processing and is reviewed when planned (Art. 35(1)).

local as_of = { as_of = "2026-11-29" }

local function with_dpia(dpia)
  return system{ in_service_since = "2024-04-15", assessments = { dpia = dpia } }
end

describe("gdpr.dpia.timing", function()
  it("warns for a DPIA completed after the system went into service", function()
    local result = run("gdpr.dpia.timing", with_dpia{ status = "done", date = "2025-03-10" }, as_of)
    expect(result):to_warn_with("dated 2025-03-10, after the system went into service on 2024-04-15")
    expect(result):to_point_at("assessments.dpia.date")
  end)

  it("warns when the review date has passed", function()
    expect(run("gdpr.dpia.timing", with_dpia{ status = "done", date = "2024-03-01", next_review = "2026-09-12" }, as_of))
      :to_warn_with("due for review on 2026-09-12")
  end)

  it("passes for a DPIA before go-live, reviewed on time", function()
    expect(run("gdpr.dpia.timing", with_dpia{ status = "done", date = "2024-03-01", next_review = "2027-03-01" }, as_of)):to_pass()
  end)

  it("does not apply to a DPIA not done", function()
    expect(run("gdpr.dpia.timing", with_dpia{ status = "planned" }, as_of)):to_be_skipped("not-applicable")
  end)
end)
