-- Transparency (AI Act Art. 50): disclosure (1), timing (5), marking (2), emotion recognition (3).

local in_force = { as_of = "2026-11-29" }

describe("ai-act.transparency.disclosure", function()
  it("fails for an email bot its provider built to never say it is an AI", function()
    local result = run("ai-act.transparency.disclosure", system{
      role = "provider",
      ai = { { id = "writer", kind = "generative_assistant", interacts_with = { "customer" }, discloses_ai = "never", generates = { "text" } } },
    }, in_force)
    expect(result):to_fail_with("'writer' (generative_assistant) interacts with people and never tells them")
    expect(result):to_point_at("ai[1].discloses_ai")
  end)

  it("only warns a deployer, whose provider Art. 50(1) binds", function()
    local result = run("ai-act.transparency.disclosure", system{
      role = "deployer",
      ai = { { id = "writer", kind = "generative_assistant", interacts_with = { "customer" }, discloses_ai = "never", generates = { "text" } } },
    }, in_force)
    expect(result):to_warn_with("its provider must design it to (Art. 50(1))")
    expect(result):to_have_findings(1)
  end)

  it("fails for a voicebot its provider built without saying when it discloses", function()
    expect(run("ai-act.transparency.disclosure", system{
      role = "provider",
      ai = { { id = "nlu", kind = "voicebot", interacts_with = { "caller" } } },
    }, in_force)):to_point_at("ai[1]")
  end)

  it("passes for a voicebot that says so at the start", function()
    expect(run("ai-act.transparency.disclosure", system{
      ai = { { id = "nlu", kind = "voicebot", interacts_with = { "customer" }, discloses_ai = "at_start" } },
    }, in_force)):to_pass()
  end)

  it("is not yet in force before 2 August 2026", function()
    expect(run("ai-act.transparency.disclosure", fixture("fixtures/chatbot-never.yaml"), { as_of = "2026-08-01" }))
      :to_be_skipped("not-yet-in-force")
  end)

  it("does not apply to a copilot whose drafts an agent reviews and sends", function()
    expect(run("ai-act.transparency.disclosure", system{
      ai = { { id = "copilot", kind = "generative_assistant", interacts_with = { "employee.agent" }, discloses_ai = "never" } },
    }, in_force)):to_be_skipped("not-applicable")
  end)
end)

describe("ai-act.transparency.timing", function()
  it("warns the deployer of a chatbot that discloses only on request", function()
    local result = run("ai-act.transparency.timing", fixture("fixtures/chatbot-on-request.yaml"), in_force)
    expect(result):to_warn_with("its provider must tell them at the first interaction")
    expect(result):to_point_at("ai[1].discloses_ai")
  end)

  it("fails a provider whose chatbot discloses only on request", function()
    expect(run("ai-act.transparency.timing", system{
      role = "provider",
      ai = { { id = "eli", kind = "chatbot", interacts_with = { "customer" }, discloses_ai = "on_request" } },
    }, in_force)):to_fail_with("at the first interaction at the latest (Art. 50(5))")
  end)

  it("passes for a chatbot that says so at the start", function()
    expect(run("ai-act.transparency.timing", system{
      ai = { { id = "eli", kind = "chatbot", interacts_with = { "customer" }, discloses_ai = "at_start" } },
    }, in_force)):to_pass()
  end)
end)

describe("ai-act.transparency.marking", function()
  local function writer(role, since)
    return system{
      role = role,
      in_service_since = since,
      ai = { { id = "writer", kind = "generative_assistant", interacts_with = { "customer" }, discloses_ai = "at_start",
               generates = { "text" }, marks_output = false } },
    }
  end

  it("fails for a provider whose generated answers are not marked", function()
    local result = run("ai-act.transparency.marking", writer("provider", "2026-09-01"), in_force)
    expect(result):to_fail_with("'writer' generates text that is not marked as AI-generated")
    expect(result):to_point_at("ai[1].marks_output")
  end)

  it("warns a deployer, whose provider must mark", function()
    expect(run("ai-act.transparency.marking", writer("deployer", "2026-09-01"), in_force)):to_warn_with("its provider must mark it")
  end)

  it("gives generative systems on the market before 2 August 2026 until 2 December 2026 under the omnibus", function()
    local existing = writer("provider", "2024-06-03")
    local result = run("ai-act.transparency.marking", existing, { as_of = "2026-09-01" })
    expect(result):to_pass()
    expect(result.findings[1].message):to_contain("must be marked from 2026-12-02")
    expect(run("ai-act.transparency.marking", existing, { as_of = "2026-12-02" })):to_fail()
  end)

  it("gives them no delay under the original calendar", function()
    expect(run("ai-act.transparency.marking", writer("provider", "2024-06-03"), { as_of = "2026-09-01", settings = { calendar = "original" } }))
      :to_fail()
  end)

  it("passes when output is marked", function()
    expect(run("ai-act.transparency.marking", system{
      role = "provider",
      ai = { { id = "nlu", kind = "voicebot", interacts_with = { "customer" }, generates = { "audio" }, marks_output = true } },
    }, in_force)):to_pass()
  end)
end)

describe("ai-act.transparency.emotion-recognition", function()
  local function analytics(disclosed)
    return system{
      ai = { { id = "mood", kind = "speech_analytics", inputs = { "voice" }, infers = { "emotion", "topic" }, about = { "customer" } } },
      notices = { emotion_recognition_disclosed = disclosed },
    }
  end

  it("fails when customers whose emotions are read from their voice are not told", function()
    local result = run("ai-act.transparency.emotion-recognition", analytics(false), in_force)
    expect(result):to_fail_with("'mood' infers the emotions of the people it listens to, and they are not told")
    expect(result):to_point_at("notices.emotion_recognition_disclosed")
  end)

  it("passes when they are told", function()
    expect(run("ai-act.transparency.emotion-recognition", analytics(true), in_force)):to_pass()
  end)

  it("does not apply to sentiment read from text", function()
    expect(run("ai-act.transparency.emotion-recognition", system{
      ai = { { id = "tone", kind = "classification", inputs = { "text" }, infers = { "sentiment", "emotion" }, about = { "customer" } } },
    }, in_force)):to_be_skipped("not-applicable")
  end)
end)

describe("ai-act.transparency.deep-fake", function()
  local function cloned(notices)
    return system{
      role = "deployer", notices = notices,
      ai = { { id = "voice", kind = "voicebot", interacts_with = { "customer" }, discloses_ai = "at_start", generates = { "audio" },
               marks_output = true, imitates_real_person = true } },
    }
  end

  it("fails for a voicebot speaking with a real agent's cloned voice, not disclosed", function()
    local result = run("ai-act.transparency.deep-fake", cloned(nil), in_force)
    expect(result):to_fail_with("'voice' generates audio resembling a real person, and people are not told it is artificial (Art. 50(4))")
    expect(result):to_point_at("ai[1]")
  end)

  it("passes when disclosed", function()
    expect(run("ai-act.transparency.deep-fake", cloned{ deep_fake_disclosed = true }, in_force)):to_pass()
  end)

  it("does not concern generated text, nor a synthetic voice that imitates nobody", function()
    expect(run("ai-act.transparency.deep-fake", system{
      ai = { { id = "writer", kind = "generative_assistant", interacts_with = { "customer" }, generates = { "text" }, imitates_real_person = true } },
    }, in_force)):to_be_skipped("not-applicable")
    expect(run("ai-act.transparency.deep-fake", system{
      ai = { { id = "voice", kind = "voicebot", interacts_with = { "customer" }, generates = { "audio" }, imitates_real_person = false } },
    }, in_force)):to_be_skipped("not-applicable")
  end)
end)
