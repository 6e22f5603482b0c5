-- gdpr.special-categories.condition: special categories rest on an Art. 9(2) condition.

local as_of = { as_of = "2026-11-29" }

local function health(condition)
  return system{
    purposes = {
      { id = "support", description = "Answer customers", legal_basis = "contract", uses = { "essential.service.operations.support" } },
      { id = "priority", description = "Priority service for customers on home medical equipment", legal_basis = "consent",
        special_category_condition = condition, uses = { "essential.service.operations.support" } },
    },
    data = {
      { category = "user.contact.phone_number", subjects = { "customer" }, purposes = { "support" } },
      { category = "user.health_and_medical.disability", subjects = { "customer.vulnerable" }, purposes = { "priority" } },
    },
  }
end

describe("gdpr.special-categories.condition", function()
  it("fails for health data whose purpose names no Art. 9(2) condition", function()
    local result = run("gdpr.special-categories.condition", health(nil), as_of)
    expect(result):to_fail_with("purpose 'priority' names no Art. 9(2) condition")
    expect(result):to_point_at("data[2].purposes[1]")
  end)

  it("fails for special-category data serving no purpose", function()
    expect(run("gdpr.special-categories.condition", system{
      data = { { category = "user.biometric.voiceprint", subjects = { "customer" } } },
    }, as_of)):to_fail_with("processed for no declared purpose")
  end)

  it("passes with explicit consent", function()
    expect(run("gdpr.special-categories.condition", health("explicit_consent"), as_of)):to_pass()
  end)

  it("does not apply to ordinary data, inferred emotions included", function()
    expect(run("gdpr.special-categories.condition", system{
      data = { { category = "user.inference.emotion", subjects = { "customer" } } },
    }, as_of)):to_be_skipped("not-applicable")
  end)
end)

describe("gdpr.special-categories.condition and voice that is only transcribed", function()
  local function transcribed(with_identification)
    local ai = { { id = "stt", kind = "transcription", inputs = { "voice" }, purposes = { "support" } } }
    if with_identification then
      ai[2] = { id = "voiceid", kind = "voice_biometrics", inputs = { "voice" }, infers = { "identity" }, purposes = { "support" } }
    end
    return system{
      purposes = { { id = "support", description = "Answer customers", legal_basis = "contract", uses = { "essential.service.operations.support" } } },
      data = { { category = "user.biometric.voice", subjects = { "customer" }, purposes = { "support" } } },
      ai = ai,
    }
  end

  it("asks no Art. 9(2) condition for a voice nothing identifies people by", function()
    expect(run("gdpr.special-categories.condition", transcribed(false), as_of)):to_be_skipped("not-applicable")
  end)

  it("asks for it once a component identifies people by their voice", function()
    expect(run("gdpr.special-categories.condition", transcribed(true), as_of)):to_fail_with("user.biometric.voice is a special category (Art. 9)")
  end)
end)
