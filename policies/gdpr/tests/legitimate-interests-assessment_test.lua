-- gdpr.legitimate-interests.assessment: legitimate interests need a documented balancing test (Art. 6(1)(f)).

local as_of = { as_of = "2026-11-29" }

local function quality(assessment)
  return system{
    purposes = {
      { id = "support", description = "Answer customers", legal_basis = "contract", uses = { "essential.service.operations.support" } },
      { id = "quality", description = "Evaluate agents", legal_basis = "legitimate_interests",
        legitimate_interest_assessment = assessment, uses = { "employment.evaluation" } },
    },
  }
end

describe("gdpr.legitimate-interests.assessment", function()
  it("fails for legitimate interests with no balancing test, at the legal basis", function()
    local result = run("gdpr.legitimate-interests.assessment", quality(nil), as_of)
    expect(result):to_fail_with("purpose 'quality' rests on legitimate interests with no documented balancing test to demonstrate it (Art. 5(2), 24)")
    expect(result.references[2].citation):to_be("GDPR Art. 5(2)")
    expect(result.references[3].citation):to_be("GDPR Art. 24(1)")
    expect(result):to_point_at("purposes[2].legal_basis")
  end)

  it("passes when the assessment is referenced", function()
    expect(run("gdpr.legitimate-interests.assessment", quality("docs/lia-quality.pdf"), as_of)):to_pass()
  end)

  it("does not apply when no purpose rests on legitimate interests", function()
    expect(run("gdpr.legitimate-interests.assessment", system{
      purposes = { { id = "support", description = "Answer customers", legal_basis = "contract", uses = { "essential.service.operations.support" } } },
    }, as_of)):to_be_skipped("not-applicable")
  end)
end)
