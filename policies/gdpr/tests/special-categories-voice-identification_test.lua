-- gdpr.special-categories.voice-identification: a voice used to identify is biometric data (Art. 4(14), 9).

local as_of = { as_of = "2026-11-29" }

local function voice_login(condition, voiceprint)
  local data = { { category = "user.content.call_recording", subjects = { "customer" }, purposes = { "authentication" } } }
  if voiceprint then
    data[2] = { category = "user.biometric.voiceprint", subjects = { "customer" }, purposes = { "authentication" } }
  end
  return system{
    purposes = { { id = "authentication", description = "Authenticate callers by voice", legal_basis = "consent",
                   special_category_condition = condition, uses = { "essential.service.authentication" } } },
    data = data,
    ai = { { id = "voiceid", kind = "voice_biometrics", purposes = { "authentication" }, inputs = { "voice" }, infers = { "identity" } } },
  }
end

describe("gdpr.special-categories.voice-identification", function()
  it("fails when voiceprints are not declared and the purpose has no Art. 9(2) condition", function()
    local result = run("gdpr.special-categories.voice-identification", voice_login(nil, false), as_of)
    expect(result):to_fail_with("declare the voiceprints as biometric data")
    expect(result):to_fail_with("which names no Art. 9(2) condition")
    expect(result):to_point_at("ai[1].kind")
  end)

  it("fails for a voice identity inference without the kind voice_biometrics", function()
    local result = run("gdpr.special-categories.voice-identification", system{
      ai = { { id = "nlu", kind = "voicebot", inputs = { "voice" }, infers = { "identity", "intent" } } },
    }, as_of)
    expect(result):to_fail_with("'nlu' identifies people by their voice")
  end)

  it("passes with voiceprints declared under explicit consent", function()
    expect(run("gdpr.special-categories.voice-identification", voice_login("explicit_consent", true), as_of)):to_pass()
  end)

  it("does not treat recordings as biometric when nobody is identified by voice", function()
    expect(run("gdpr.special-categories.voice-identification", system{
      data = { { category = "user.content.call_recording", subjects = { "customer" } } },
      ai = { { id = "nlu", kind = "voicebot", inputs = { "voice" }, infers = { "intent" } } },
    }, as_of)):to_be_skipped("not-applicable")
  end)
end)
