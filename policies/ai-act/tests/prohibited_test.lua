-- Prohibited practices (AI Act Art. 5), in force from 2 February 2025.

local in_force = { as_of = "2026-11-29" }

local purposes = {
  { id = "sales", description = "Sell offers on the phone", legal_basis = "legitimate_interests", uses = { "sales" } },
  { id = "care", description = "Offer payment plans to customers in difficulty", legal_basis = "contract", uses = { "essential.service.operations.support" } },
  { id = "coaching", description = "Coach agents", legal_basis = "legitimate_interests", uses = { "employment.evaluation" } },
}

local function with_ai(component, data)
  return system{ purposes = purposes, ai = { component }, data = data }
end

describe("ai-act.prohibited.emotion-workplace", function()
  it("fails for emotion recognition on agents' voices", function()
    local result = run("ai-act.prohibited.emotion-workplace", with_ai{
      id = "emotion-scoring", kind = "emotion_recognition", purposes = { "coaching" }, inputs = { "voice" },
      infers = { "emotion", "stress" }, about = { "employee.agent", "customer" },
    }, in_force)
    expect(result):to_fail_with("'emotion-scoring' infers the emotions of workers (employee.agent), at the workplace")
    expect(result):to_point_at("ai[1].about")
  end)

  it("finds emotion recognition from what a speech analytics component infers from the voice", function()
    expect(run("ai-act.prohibited.emotion-workplace", with_ai{
      id = "analytics", kind = "speech_analytics", inputs = { "voice" }, infers = { "stress" }, about = { "employee" },
    }, in_force)):to_fail()
  end)

  it("passes for customers' emotions, which Art. 50(3) covers instead", function()
    local system_ = system{ purposes = purposes, ai = {
      { id = "mood", kind = "emotion_recognition", inputs = { "voice" }, infers = { "emotion" }, about = { "customer" } },
      { id = "qa", kind = "speech_analytics", inputs = { "text" }, infers = { "topic" }, about = { "employee.agent" } },
    } }
    expect(run("ai-act.prohibited.emotion-workplace", system_, in_force)):to_pass()
  end)

  it("is not yet in force before 2 February 2025", function()
    expect(run("ai-act.prohibited.emotion-workplace", system{ ai = {
      { id = "mood", kind = "emotion_recognition", inputs = { "voice" }, infers = { "emotion" }, about = { "customer", "employee.agent" } },
    } }, { as_of = "2025-02-01" })):to_be_skipped("not-yet-in-force")
  end)

  it("does not apply without emotion recognition", function()
    expect(run("ai-act.prohibited.emotion-workplace", with_ai{
      id = "qa", kind = "speech_analytics", inputs = { "voice" }, infers = { "topic" }, about = { "employee.agent" },
    }, in_force)):to_be_skipped("not-applicable")
  end)
end)

describe("ai-act.prohibited.vulnerabilities", function()
  it("fails for vulnerability inferences that serve sales", function()
    local result = run("ai-act.prohibited.vulnerabilities", with_ai{
      id = "targeting", kind = "scoring", purposes = { "sales" }, infers = { "vulnerability", "propensity" }, about = { "customer" },
    }, in_force)
    expect(result):to_fail_with("'targeting' singles out vulnerable customers and serves sales")
    expect(result):to_point_at("ai[1].purposes")
  end)

  it("fails for a component about vulnerable customers serving sales", function()
    expect(run("ai-act.prohibited.vulnerabilities", with_ai{
      id = "upsell", kind = "recommendation", purposes = { "sales" }, infers = { "propensity" }, about = { "customer.vulnerable" },
    }, in_force)):to_fail()
  end)

  it("passes when vulnerability is detected to protect people", function()
    expect(run("ai-act.prohibited.vulnerabilities", with_ai{
      id = "care", kind = "classification", purposes = { "care" }, infers = { "vulnerability" }, about = { "customer" },
    }, in_force)):to_pass()
  end)
end)

describe("ai-act.prohibited.manipulation", function()
  it("warns for customers' emotions read to sell", function()
    local result = run("ai-act.prohibited.manipulation", with_ai{
      id = "pitch", kind = "speech_analytics", purposes = { "sales" }, inputs = { "voice" }, infers = { "emotion" }, about = { "customer" },
    }, in_force)
    expect(result):to_warn_with("'pitch' infers customers' emotion for sales")
    expect(result):to_point_at("ai[1].infers")
  end)

  it("passes for emotions read for care", function()
    expect(run("ai-act.prohibited.manipulation", with_ai{
      id = "mood", kind = "speech_analytics", purposes = { "care" }, inputs = { "voice" }, infers = { "emotion" }, about = { "customer" },
    }, in_force)):to_pass()
  end)

  it("does not apply to components that read no one's emotions or traits", function()
    expect(run("ai-act.prohibited.manipulation", with_ai{
      id = "upsell", kind = "recommendation", purposes = { "sales" }, infers = { "propensity" }, about = { "customer" },
    }, in_force)):to_be_skipped("not-applicable")
  end)
end)

describe("ai-act.prohibited.social-scoring", function()
  it("fails for a score with effects built on social-media data", function()
    local result = run("ai-act.prohibited.social-scoring", with_ai({
      id = "priority", kind = "scoring", purposes = { "care" }, infers = { "churn_risk" }, about = { "customer" }, effect = "significant",
    }, { { category = "user.social", subjects = { "customer" }, source = "public", purposes = { "care" } } }), in_force)
    expect(result):to_fail_with("'priority' scores people with a significant effect on inputs that include user.social from public sources")
    expect(result):to_point_at("ai[1].effect")
  end)

  it("does not apply to a score built on the customer relationship", function()
    expect(run("ai-act.prohibited.social-scoring", with_ai({
      id = "priority", kind = "scoring", purposes = { "care" }, infers = { "churn_risk" }, about = { "customer" }, effect = "significant",
    }, { { category = "user.behavior.service_usage", subjects = { "customer" }, source = "observed", purposes = { "care" } } }), in_force))
      :to_be_skipped("not-applicable")
  end)

  it("does not fire on a shop's offers built on what its own customers browsed and bought", function()
    expect(run("ai-act.prohibited.social-scoring", with_ai({
      id = "offers", kind = "scoring", purposes = { "care" }, infers = { "propensity" }, about = { "customer" }, effect = "significant",
    }, {
      { category = "user.behavior.browsing_history", subjects = { "customer" }, source = "observed", purposes = { "care" } },
      { category = "user.behavior.purchase_history", subjects = { "customer" }, source = "observed", purposes = { "care" } },
    }), in_force)):to_be_skipped("not-applicable")
  end)

  it("still fails on browsing recorded by another organisation", function()
    expect(run("ai-act.prohibited.social-scoring", with_ai({
      id = "offers", kind = "scoring", purposes = { "care" }, infers = { "propensity" }, about = { "customer" }, effect = "significant",
    }, { { category = "user.behavior.browsing_history", subjects = { "customer" }, source = "third_party", purposes = { "care" } } }), in_force))
      :to_fail_with("from another organisation")
  end)

  it("looks only at the scoring component's inputs, the data serving its purposes", function()
    local score = { id = "offers", kind = "scoring", purposes = { "sales" }, infers = { "propensity" }, about = { "customer" }, effect = "significant" }
    expect(run("ai-act.prohibited.social-scoring", with_ai(score,
      { { category = "user.social", subjects = { "customer" }, source = "public", purposes = { "care" } } }), in_force))
      :to_be_skipped("not-applicable")
    expect(run("ai-act.prohibited.social-scoring", with_ai(score,
      { { category = "user.social", subjects = { "customer" }, source = "public", purposes = { "care", "sales" } } }), in_force))
      :to_fail_with("'offers' scores people with a significant effect on inputs that include user.social")
  end)

  it("passes when the social data feeds nothing with an effect", function()
    expect(run("ai-act.prohibited.social-scoring", with_ai({
      id = "faq", kind = "chatbot", interacts_with = { "customer" }, discloses_ai = "at_start", effect = "none",
    }, { { category = "user.social", subjects = { "customer" }, source = "public", purposes = { "care" } } }), in_force)):to_pass()
  end)
end)
