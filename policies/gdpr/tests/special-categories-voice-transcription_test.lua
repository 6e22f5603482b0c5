-- gdpr.special-categories.voice-transcription: a voice only recorded or transcribed is not biometric data (Art. 4(14), 9(1)).

local as_of = { as_of = "2026-11-29" }

local function with(ai)
  return system{
    purposes = { { id = "support", description = "Answer customers", legal_basis = "contract", uses = { "essential.service.operations.support" } } },
    data = { { category = "user.biometric.voice", subjects = { "customer" }, purposes = { "support" } } },
    ai = ai,
  }
end

describe("gdpr.special-categories.voice-transcription", function()
  it("warns for voice declared biometric in a system that only transcribes it", function()
    local result = run("gdpr.special-categories.voice-transcription", with{ { id = "stt", kind = "transcription", inputs = { "voice" } } }, as_of)
    expect(result):to_warn_with("user.biometric.voice is declared as biometric data, and nothing in the system identifies or authenticates people by it")
    expect(result):to_point_at("data[1].category")
  end)

  it("passes when a component authenticates callers by their voice", function()
    expect(run("gdpr.special-categories.voice-transcription", with{
      { id = "stt", kind = "transcription", inputs = { "voice" } },
      { id = "voiceid", kind = "voice_biometrics", inputs = { "voice" }, infers = { "identity" } },
    }, as_of)):to_pass()
  end)

  it("does not concern recordings declared as recordings", function()
    expect(run("gdpr.special-categories.voice-transcription", system{
      data = { { category = "user.content.call_recording", subjects = { "customer" } } },
    }, as_of)):to_be_skipped("not-applicable")
  end)
end)
