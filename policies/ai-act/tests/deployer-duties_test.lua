-- Deployers of high-risk AI: input data (Art. 26(4)), monitoring, serious incidents and suspension
-- (Art. 26(5)), the right to an explanation (Art. 86); in force from the Annex III date.

local in_force = { as_of = "2028-01-01" }

local purposes = {
  { id = "eligibility", description = "Financing eligibility", legal_basis = "contract", uses = { "finance.credit_assessment" } },
  { id = "support", description = "Answer customers", legal_basis = "contract", uses = { "essential.service.operations.support" } },
}

local watched = { input_data_checked = true, monitored = true, incident_procedure = true, suspension_procedure = true }

local function credit(fields)
  local component = {
    id = "score", kind = "decision", purposes = { "eligibility" }, infers = { "creditworthiness" }, about = { "customer" },
    decides = "assists", effect = "legal", annex_iii = { "5b" }, monitoring = watched, explains_decisions = true,
  }
  for k, v in pairs(fields or {}) do component[k] = v end
  if component.monitoring == false then component.monitoring = nil end
  return system{ role = "deployer", purposes = purposes, ai = { component } }
end

local function without(field)
  local monitoring = {}
  for k, v in pairs(watched) do if k ~= field then monitoring[k] = v end end
  return credit{ monitoring = monitoring }
end

local duties = {
  { rule = "ai-act.deployer.input-data", field = "input_data_checked", message = "is not checked to be relevant and representative for its purpose (Art. 26(4))" },
  { rule = "ai-act.deployer.monitoring", field = "monitored", message = "is not monitored in operation on the basis of its instructions for use (Art. 26(5))" },
  { rule = "ai-act.deployer.serious-incidents", field = "incident_procedure", message = "no procedure reports serious incidents of high-risk component 'score'" },
  { rule = "ai-act.deployer.suspension", field = "suspension_procedure", message = "nothing says how the use of high-risk component 'score' is suspended" },
}

for _, duty in ipairs(duties) do
  describe(duty.rule, function()
    it("fails when the descriptor does not record the measure", function()
      local result = run(duty.rule, without(duty.field), in_force)
      expect(result):to_fail_with(duty.message)
      expect(result):to_point_at("ai[1].monitoring")
      expect(run(duty.rule, credit{ monitoring = false }, in_force)):to_point_at("ai[1]")
    end)

    it("passes when it does", function()
      expect(run(duty.rule, credit(), in_force)):to_pass()
    end)

    it("applies from the Annex III date: 2 December 2027 under the omnibus", function()
      expect(run(duty.rule, without(duty.field), { as_of = "2027-12-01" })):to_be_skipped("not-yet-in-force")
      expect(run(duty.rule, without(duty.field), { as_of = "2026-08-02", settings = { calendar = "original" } })):to_fail()
    end)

    it("does not concern a system with no high-risk component", function()
      expect(run(duty.rule, system{ purposes = purposes, ai = { { id = "faq", kind = "chatbot", purposes = { "support" }, interacts_with = { "customer" } } } }, in_force))
        :to_be_skipped("not-applicable")
    end)
  end)
end

describe("ai-act.deployer.explanation", function()
  it("fails when people refused credit on the score's output cannot obtain an explanation", function()
    local result = run("ai-act.deployer.explanation", credit{ explains_decisions = false }, in_force)
    expect(result):to_fail_with("decisions with a legal effect are taken on the output of high-risk component 'score', and the people affected cannot obtain an explanation of its role (Art. 86)")
    expect(result):to_point_at("ai[1].explains_decisions")
  end)

  it("passes when they can", function()
    expect(run("ai-act.deployer.explanation", credit(), in_force)):to_pass()
  end)

  it("does not concern high-risk output without a significant effect", function()
    expect(run("ai-act.deployer.explanation", credit{ effect = "none", explains_decisions = false }, in_force)):to_be_skipped("not-applicable")
  end)
end)
