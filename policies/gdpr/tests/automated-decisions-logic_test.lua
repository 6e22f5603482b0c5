-- Automated decisions: the logic in the notice (Art. 13(2)(f), 14(2)(g)) and on access (Art. 15(1)(h)),
-- scores others decide on (C-634/21 SCHUFA), agents' scores that drive pay (Art. 22(1)).

local as_of = { as_of = "2026-11-29" }

local function scoring(notices, fields)
  local component = { id = "score", kind = "decision", infers = { "creditworthiness" }, about = { "customer" },
                      decides = "solely_automated", effect = "legal", automated_decision_basis = "contract" }
  for k, v in pairs(fields or {}) do component[k] = v end
  return system{ notices = notices, ai = { component } }
end

describe("gdpr.automated-decisions.logic-notice", function()
  it("fails when the notice does not explain the logic of solely automated decisions", function()
    local result = run("gdpr.automated-decisions.logic-notice", scoring{ privacy_notice = "https://x.example/privacy" }, as_of)
    expect(result):to_fail_with("'score' decides with a legal effect and no human involvement, and the notice gives no meaningful information about its logic (Art. 13(2)(f), 14(2)(g))")
    expect(result):to_point_at("ai[1]")
  end)

  it("passes when it does", function()
    expect(run("gdpr.automated-decisions.logic-notice", scoring{ automated_decision_logic = true }, as_of)):to_pass()
  end)

  it("does not concern decisions a person reviews", function()
    expect(run("gdpr.automated-decisions.logic-notice", scoring(nil, { decides = "assists" }), as_of)):to_be_skipped("not-applicable")
  end)
end)

describe("gdpr.automated-decisions.logic-access", function()
  it("fails when access requests do not explain how the decision was reached", function()
    local result = run("gdpr.automated-decisions.logic-access", scoring(nil), as_of)
    expect(result):to_fail_with("people who ask for access are not told how 'score' reached its decision about them (Art. 15(1)(h), C-203/22)")
    expect(result):to_point_at("ai[1]")
  end)

  it("passes when they do", function()
    expect(run("gdpr.automated-decisions.logic-access", scoring{ logic_on_access = true }, as_of)):to_pass()
  end)
end)

describe("gdpr.automated-decisions.third-party-score", function()
  it("fails for a score passed to lenders who decide on it, with no Art. 22(2) exception", function()
    local result = run("gdpr.automated-decisions.third-party-score", system{
      ai = { { id = "score", kind = "scoring", infers = { "creditworthiness" }, about = { "customer" }, decides = "none", scores_shared = true } },
    }, as_of)
    expect(result):to_fail_with("'score' passes its scores (creditworthiness) to organisations that decide on them: that scoring is itself a decision under Art. 22(1) (C-634/21)")
    expect(result):to_point_at("ai[1].scores_shared")
  end)

  it("passes with an Art. 22(2) exception", function()
    expect(run("gdpr.automated-decisions.third-party-score", system{
      ai = { { id = "score", kind = "scoring", infers = { "creditworthiness" }, about = { "customer" }, scores_shared = true, automated_decision_basis = "explicit_consent" } },
    }, as_of)):to_pass()
  end)

  it("does not concern scores kept in house", function()
    expect(run("gdpr.automated-decisions.third-party-score", scoring(nil, { scores_shared = false }), as_of)):to_be_skipped("not-applicable")
  end)
end)

describe("gdpr.automated-decisions.worker-scores", function()
  local function bonus(effect)
    return system{
      ai = { { id = "qa", kind = "speech_analytics", infers = { "performance" }, about = { "employee.agent" }, decides = "assists",
               effect = effect, affects = { "pay" } } },
    }
  end

  it("fails for agents' scores that set their bonus, declared with no effect", function()
    local result = run("gdpr.automated-decisions.worker-scores", bonus("none"), as_of)
    expect(result):to_fail_with("'qa' scores workers and drives their pay, and its effect is declared none: a similarly significant effect (Art. 22(1))")
    expect(result):to_point_at("ai[1].effect")
  end)

  it("passes when the effect is declared significant", function()
    expect(run("gdpr.automated-decisions.worker-scores", bonus("significant"), as_of)):to_pass()
  end)

  it("does not concern scores that drive nothing", function()
    expect(run("gdpr.automated-decisions.worker-scores", system{
      ai = { { id = "qa", kind = "speech_analytics", infers = { "performance" }, about = { "employee.agent" }, decides = "assists" } },
    }, as_of)):to_be_skipped("not-applicable")
  end)
end)
