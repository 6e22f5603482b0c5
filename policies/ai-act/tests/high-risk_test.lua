-- High-risk use cases of Annex III (4(b), 5(b), 5(c), 5(d)) and Art. 6(3); in force from 2 December 2027
-- under the digital omnibus (2 August 2026 under the original calendar).

local in_force = { as_of = "2028-01-01" }

local purposes = {
  { id = "coaching", description = "Coach agents", legal_basis = "legitimate_interests", uses = { "employment.evaluation" } },
  { id = "eligibility", description = "Financing eligibility", legal_basis = "contract", uses = { "finance.credit_assessment" } },
  { id = "cover", description = "Price the health cover sold with contracts", legal_basis = "contract", uses = { "finance.insurance_pricing" } },
  { id = "support", description = "Answer customers", legal_basis = "contract", uses = { "essential.service.operations.support" } },
}

local function with_ai(component, description)
  return system{ description = description, purposes = purposes, ai = { component } }
end

describe("ai-act.high-risk.workers", function()
  local qa = { id = "qa", kind = "speech_analytics", purposes = { "coaching" }, inputs = { "voice" }, infers = { "performance" }, about = { "employee.agent" } }

  it("fails for agent scoring not declared high-risk", function()
    local result = run("ai-act.high-risk.workers", with_ai(qa), in_force)
    expect(result):to_fail_with("'qa' is a high-risk system of Annex III 4b (monitoring and evaluating workers): it evaluates workers (performance)")
    expect(result):to_fail_with("Art. 6(3) cannot exempt it")
    expect(result):to_point_at("ai[1]")
  end)

  it("passes when declared", function()
    local declared = { id = "qa", kind = "speech_analytics", purposes = { "coaching" }, infers = { "performance" }, about = { "employee.agent" }, annex_iii = { "4b" } }
    expect(run("ai-act.high-risk.workers", with_ai(declared), in_force)):to_pass()
  end)

  it("is not yet in force on 1 September 2026 under the omnibus, but is under the original calendar", function()
    expect(run("ai-act.high-risk.workers", with_ai(qa), { as_of = "2026-09-01" })):to_be_skipped("not-yet-in-force")
    expect(run("ai-act.high-risk.workers", with_ai(qa), { as_of = "2026-09-01", settings = { calendar = "original" } })):to_fail()
  end)

  it("does not take emotion recognition of agents for Annex III 4(b): that is prohibited (5(1)(f)), and 1(c) otherwise", function()
    local moods = { id = "moods", kind = "speech_analytics", purposes = { "coaching" }, inputs = { "voice" }, infers = { "emotion", "stress" }, about = { "employee.agent" } }
    expect(run("ai-act.high-risk.workers", with_ai(moods), in_force)):to_be_skipped("not-applicable")
  end)
end)

describe("ai-act.high-risk.emotion-recognition", function()
  local moods = { id = "moods", kind = "speech_analytics", purposes = { "support" }, inputs = { "voice" }, infers = { "emotion" }, about = { "customer" } }

  it("fails for customers' emotions read from their voice, not declared Annex III 1(c)", function()
    local result = run("ai-act.high-risk.emotion-recognition", with_ai(moods), in_force)
    expect(result):to_fail_with("'moods' is a high-risk system of Annex III 1c (emotion recognition): it recognises emotions from biometric data")
    expect(result):to_point_at("ai[1]")
  end)

  it("passes when declared", function()
    local declared = { id = "moods", kind = "speech_analytics", purposes = { "support" }, inputs = { "voice" }, infers = { "emotion" }, about = { "customer" }, annex_iii = { "1c" } }
    expect(run("ai-act.high-risk.emotion-recognition", with_ai(declared), in_force)):to_pass()
  end)

  it("does not concern sentiment read from text, nor agents' emotions (prohibited instead)", function()
    local text = { id = "sentiment", kind = "speech_analytics", inputs = { "text" }, infers = { "emotion" }, about = { "customer" } }
    expect(run("ai-act.high-risk.emotion-recognition", with_ai(text), in_force)):to_be_skipped("not-applicable")
    local agents = { id = "moods", kind = "speech_analytics", inputs = { "voice" }, infers = { "emotion" }, about = { "employee.agent" } }
    expect(run("ai-act.high-risk.emotion-recognition", with_ai(agents), in_force)):to_be_skipped("not-applicable")
  end)

  it("applies from 2 December 2027 under the omnibus, 2 August 2026 under the original calendar", function()
    expect(run("ai-act.high-risk.emotion-recognition", with_ai(moods), { as_of = "2027-12-01" })):to_be_skipped("not-yet-in-force")
    expect(run("ai-act.high-risk.emotion-recognition", with_ai(moods), { as_of = "2026-08-02", settings = { calendar = "original" } })):to_fail()
  end)

  it("brings the Art. 26 deployer duties to customer emotion recognition", function()
    local result = run("ai-act.deployer.logs", with_ai(moods), in_force)
    expect(result):to_fail_with("the logs of high-risk component 'moods' have no retention period")
  end)
end)

describe("ai-act.high-risk.credit", function()
  it("fails for an undeclared eligibility score", function()
    local result = run("ai-act.high-risk.credit", with_ai{
      id = "score", kind = "decision", purposes = { "eligibility" }, infers = { "creditworthiness" }, about = { "customer" }, decides = "solely_automated", effect = "legal",
    }, in_force)
    expect(result):to_fail_with("Annex III 5b (creditworthiness and credit scoring): it assesses creditworthiness")
  end)

  it("passes when declared", function()
    expect(run("ai-act.high-risk.credit", with_ai{
      id = "score", kind = "decision", purposes = { "eligibility" }, infers = { "creditworthiness" }, about = { "customer" }, annex_iii = { "5b" },
    }, in_force)):to_pass()
  end)

  it("does not apply to fraud detection", function()
    expect(run("ai-act.high-risk.credit", with_ai{
      id = "fraud", kind = "scoring", infers = { "fraud_risk" }, about = { "customer" },
    }, in_force)):to_be_skipped("not-applicable")
  end)
end)

describe("ai-act.high-risk.insurance", function()
  it("fails for undeclared health insurance pricing", function()
    expect(run("ai-act.high-risk.insurance", with_ai{
      id = "pricing", kind = "scoring", purposes = { "cover" }, infers = { "insurance_risk" }, about = { "customer" },
    }, in_force)):to_fail_with("Annex III 5c")
  end)

  it("passes when declared", function()
    expect(run("ai-act.high-risk.insurance", with_ai{
      id = "pricing", kind = "scoring", purposes = { "cover" }, infers = { "insurance_risk" }, about = { "customer" }, annex_iii = { "5c" },
    }, in_force)):to_pass()
  end)
end)

describe("ai-act.high-risk.emergency-calls", function()
  local router = { id = "triage", kind = "routing", purposes = { "support" }, description = "Puts gas leak calls first", about = { "caller" } }

  it("warns for a router that mentions gas leaks", function()
    local result = run("ai-act.high-risk.emergency-calls", with_ai(router), in_force)
    expect(result):to_warn_with("'triage' routes contacts where 'gas leak' is mentioned")
    expect(result):to_point_at("ai[1]")
  end)

  it("finds the terms in the system's description", function()
    expect(run("ai-act.high-risk.emergency-calls", with_ai({ id = "intent", kind = "classification" }, "Ligne d'urgence gaz"), in_force))
      :to_warn_with("urgence")
  end)

  it("passes for ordinary routing", function()
    expect(run("ai-act.high-risk.emergency-calls", with_ai({ id = "router", kind = "routing", description = "Routes billing calls" }), in_force)):to_pass()
  end)

  it("does not apply once 5(d) is declared", function()
    local declared = { id = "triage", kind = "routing", description = "Puts gas leak calls first", annex_iii = { "5d" } }
    expect(run("ai-act.high-risk.emergency-calls", with_ai(declared), in_force)):to_be_skipped("not-applicable")
  end)
end)

describe("ai-act.high-risk.profiling", function()
  it("fails for a component in a credit purpose that profiles people without declaring Annex III", function()
    local result = run("ai-act.high-risk.profiling", with_ai{
      id = "check", kind = "scoring", purposes = { "eligibility" }, infers = { "fraud_risk" }, about = { "customer" },
    }, in_force)
    expect(result):to_fail_with("'check' serves finance.credit_assessment (Annex III 5b) and profiles people (fraud_risk)")
    expect(result):to_point_at("ai[1].purposes")
  end)

  it("warns for one that does not profile: its Art. 6(3) assessment must be recorded", function()
    expect(run("ai-act.high-risk.profiling", with_ai{
      id = "transcribe", kind = "transcription", purposes = { "coaching" }, inputs = { "voice" },
    }, in_force)):to_warn_with("unless the Art. 6(3) exemption is assessed and recorded")
  end)

  it("passes for a declared component", function()
    expect(run("ai-act.high-risk.profiling", with_ai{
      id = "transcribe", kind = "transcription", purposes = { "coaching" }, inputs = { "voice" }, annex_iii = { "4b" },
    }, in_force)):to_pass()
  end)

  it("does not apply outside Annex III areas", function()
    expect(run("ai-act.high-risk.profiling", with_ai{ id = "faq", kind = "chatbot", purposes = { "support" } }, in_force))
      :to_be_skipped("not-applicable")
  end)
end)
