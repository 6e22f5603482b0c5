-- Deployers of high-risk AI (Art. 26(1), (2), (6), (7), (11)) and the FRIA (Art. 27).

local in_force = { as_of = "2028-01-01" }

local purposes = {
  { id = "eligibility", description = "Financing eligibility", legal_basis = "contract", uses = { "finance.credit_assessment" } },
  { id = "coaching", description = "Coach agents", legal_basis = "legitimate_interests", uses = { "employment.evaluation" } },
}

local function credit(fields, extra)
  local component = {
    id = "score", kind = "decision", purposes = { "eligibility" }, infers = { "creditworthiness" }, about = { "customer" },
    decides = "solely_automated", effect = "legal", automated_decision_basis = "contract", annex_iii = { "5b" },
    model = { name = "score", provider = "Électra Data Factory", version = "1.4" },
    human_oversight = { escalation = true, reviewers_trained = true, can_override = true, reviewer = "Credit desk" },
    logs = { retention = "P1Y" },
  }
  for k, v in pairs(fields or {}) do component[k] = v end
  local descriptor = {
    role = "deployer", status = "production", purposes = purposes, ai = { component },
    notices = { privacy_notice = "https://x.example", decision_subjects_informed = true },
    assessments = { fria = { status = "done", date = "2026-06-01", ref = "FRIA-1", notified = true } },
  }
  for k, v in pairs(extra or {}) do descriptor[k] = v end
  return system(descriptor)
end

local function coaching(notices)
  return system{
    role = "deployer", purposes = purposes, notices = notices,
    ai = { { id = "qa", kind = "speech_analytics", purposes = { "coaching" }, inputs = { "text" }, infers = { "performance" },
             about = { "employee.agent" }, decides = "assists", annex_iii = { "4b" },
             model = { provider = "VoiceInsight", version = "3.4" }, logs = { retention = "P6M" },
             human_oversight = { reviewer = "QA team", reviewers_trained = true, can_override = true } } },
  }
end

describe("ai-act.deployer.instructions", function()
  it("fails when the provider or the version in use is unknown", function()
    expect(run("ai-act.deployer.instructions", credit{ model = { name = "score" } }, in_force)):to_fail_with("does not name its provider")
    local result = run("ai-act.deployer.instructions", credit{ model = { name = "score", provider = "Électra Data Factory" } }, in_force)
    expect(result):to_fail_with("does not say which version of Électra Data Factory is deployed")
    expect(result):to_point_at("ai[1].model")
  end)

  it("passes with both", function()
    expect(run("ai-act.deployer.instructions", credit(), in_force)):to_pass()
  end)
end)

describe("ai-act.deployer.human-oversight", function()
  it("fails for oversight by untrained, unnamed people who cannot override", function()
    local result = run("ai-act.deployer.human-oversight", credit{ human_oversight = { escalation = false, reviewers_trained = false } }, in_force)
    expect(result):to_fail_with("who oversees it is not named; they are not trained for it; they cannot override or stop it")
    expect(result):to_point_at("ai[1].human_oversight")
  end)

  it("fails when nobody oversees it", function()
    expect(run("ai-act.deployer.human-oversight", system{
      role = "deployer", purposes = purposes,
      ai = { { id = "score", kind = "decision", purposes = { "eligibility" }, infers = { "creditworthiness" }, about = { "customer" }, annex_iii = { "5b" } } },
    }, in_force)):to_fail_with("nobody is assigned to oversee")
  end)

  it("passes with trained reviewers who can override", function()
    expect(run("ai-act.deployer.human-oversight", credit(), in_force)):to_pass()
  end)

  it("does not apply to systems that are not high-risk", function()
    expect(run("ai-act.deployer.human-oversight", system{ ai = { { id = "faq", kind = "chatbot", interacts_with = { "customer" } } } }, in_force))
      :to_be_skipped("not-applicable")
  end)
end)

describe("ai-act.deployer.logs", function()
  it("fails for logs kept three months", function()
    local result = run("ai-act.deployer.logs", credit{ logs = { retention = "P3M" } }, in_force)
    expect(result):to_fail_with("kept P3M; six months at least")
    expect(result):to_point_at("ai[1].logs.retention")
  end)

  it("fails for 180 days, shorter than six months", function()
    expect(run("ai-act.deployer.logs", credit{ logs = { retention = "P180D" } }, in_force)):to_fail()
  end)

  it("fails for logs with no retention", function()
    expect(run("ai-act.deployer.logs", credit{ logs = { store = nil, ["x-owner"] = "IT" } }, in_force)):to_fail_with("have no retention period")
  end)

  it("passes at six months", function()
    expect(run("ai-act.deployer.logs", credit{ logs = { retention = "P6M" } }, in_force)):to_pass()
  end)
end)

describe("ai-act.deployer.workers-informed", function()
  it("fails when neither the agents nor their representatives were informed", function()
    local result = run("ai-act.deployer.workers-informed", coaching{ employees_informed = false, workers_representatives_consulted = false }, in_force)
    expect(result):to_fail_with("workers' representatives were not informed")
    expect(result):to_fail_with("the workers subject to high-risk component 'qa' were not informed")
    expect(result):to_point_at("notices.employees_informed")
  end)

  it("passes when both were", function()
    expect(run("ai-act.deployer.workers-informed", coaching{ employees_informed = true, workers_representatives_consulted = true }, in_force)):to_pass()
  end)

  it("does not apply to high-risk systems that concern no worker", function()
    expect(run("ai-act.deployer.workers-informed", credit(), in_force)):to_be_skipped("not-applicable")
  end)
end)

describe("ai-act.deployer.decision-subjects", function()
  it("fails when customers refused financing are not told a high-risk system decided", function()
    local result = run("ai-act.deployer.decision-subjects", credit(nil, { notices = { decision_subjects_informed = false } }), in_force)
    expect(result):to_fail_with("'score' takes decisions about people (customer) who are not told a high-risk AI system is used (Art. 26(11))")
    expect(result):to_point_at("notices.decision_subjects_informed")
  end)

  it("leaves evaluated agents to Art. 26(7), instead of checking them twice", function()
    expect(run("ai-act.deployer.decision-subjects", coaching{ employees_informed = false }, in_force))
      :to_be_skipped("not-applicable")
    expect(run("ai-act.deployer.workers-informed", coaching{ employees_informed = false }, in_force))
      :to_fail_with("the workers subject to high-risk component 'qa' were not informed")
  end)

  it("passes when they are", function()
    expect(run("ai-act.deployer.decision-subjects", credit(), in_force)):to_pass()
  end)
end)

describe("ai-act.fria.required", function()
  it("fails for a credit score whose FRIA is only planned", function()
    local result = run("ai-act.fria.required", credit(nil, { assessments = { fria = { status = "planned" } } }), in_force)
    expect(result):to_fail_with("'score' requires a FRIA (Annex III 5b), but it is only planned")
    expect(result):to_point_at("assessments.fria.status")
  end)

  it("fails with no FRIA at all, and for a public service deploying any high-risk system", function()
    expect(run("ai-act.fria.required", credit(nil, { assessments = { dpia = { status = "done", date = "2024-01-01" } } }), in_force))
      :to_fail_with("and there is none")
    expect(run("ai-act.fria.required", system{
      organisation = { name = "Régie municipale", public_service = true }, purposes = purposes,
      ai = { { id = "qa", kind = "speech_analytics", purposes = { "coaching" }, infers = { "performance" }, about = { "employee.agent" }, annex_iii = { "4b" } } },
    }, in_force)):to_fail_with("a public service deploying a high-risk system")
  end)

  it("warns for a system not yet in service", function()
    expect(run("ai-act.fria.required", credit(nil, { status = "planned", assessments = { fria = { status = "in_progress" } } }), in_force)):to_warn()
  end)

  it("passes when done before use", function()
    expect(run("ai-act.fria.required", credit(), in_force)):to_pass()
  end)

  it("applies from 2 December 2027 under the omnibus, 2 August 2026 under the original calendar", function()
    local planned = credit(nil, { assessments = { fria = { status = "planned" } } })
    expect(run("ai-act.fria.required", planned, { as_of = "2027-12-01" })):to_be_skipped("not-yet-in-force")
    expect(run("ai-act.fria.required", planned, { as_of = "2027-12-02" })):to_fail()
    expect(run("ai-act.fria.required", planned, { as_of = "2026-08-01", settings = { calendar = "original" } })):to_be_skipped("not-yet-in-force")
    expect(run("ai-act.fria.required", planned, { as_of = "2026-08-02", settings = { calendar = "original" } })):to_fail()
  end)
end)

describe("ai-act.fria.notification", function()
  it("fails when the authority was not notified", function()
    local result = run("ai-act.fria.notification", credit(nil, { assessments = { fria = { status = "done", date = "2026-06-01", ref = "FRIA-1" } } }), in_force)
    expect(result):to_fail_with("the FRIA (FRIA-1) is done, and the market surveillance authority was not notified")
    expect(result):to_point_at("assessments.fria")
  end)

  it("passes when it was", function()
    expect(run("ai-act.fria.notification", credit(), in_force)):to_pass()
  end)
end)
