-- gdpr.automated-decisions.safeguards: human intervention and a way to contest (Art. 22(3)).

local as_of = { as_of = "2026-11-29" }

local function scoring(basis, oversight)
  return system{ ai = { {
    id = "score", kind = "decision", about = { "customer" }, infers = { "creditworthiness" }, decides = "solely_automated",
    effect = "legal", automated_decision_basis = basis, human_oversight = oversight,
  } } }
end

describe("gdpr.automated-decisions.safeguards", function()
  it("fails when nobody can review the decisions", function()
    expect(run("gdpr.automated-decisions.safeguards", scoring("contract", nil), as_of))
      :to_fail_with("nobody can review its decisions")
  end)

  it("fails when people cannot reach anyone who can override", function()
    local result = run("gdpr.automated-decisions.safeguards", scoring("explicit_consent", { escalation = false, reviewers_trained = true }), as_of)
    expect(result):to_fail_with("cannot reach a person to contest")
    expect(result):to_fail_with("nobody can override")
    expect(result):to_point_at("ai[1].human_oversight")
  end)

  it("passes with escalation to people who can override", function()
    expect(run("gdpr.automated-decisions.safeguards", scoring("contract", { escalation = true, can_override = true }), as_of)):to_pass()
  end)

  it("leaves decisions authorised by law to the safeguards the law sets", function()
    expect(run("gdpr.automated-decisions.safeguards", scoring("law", nil), as_of)):to_be_skipped("not-applicable")
  end)
end)
