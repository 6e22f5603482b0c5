-- gdpr.recipients.declared-data: processors receive only declared data (Art. 5(1)(b), 30(1)(d)).

local as_of = { as_of = "2026-11-29" }

local function with_processor(receives)
  return system{
    purposes = { { id = "support", description = "Answer customers", legal_basis = "contract", uses = { "essential.service.operations.support" } } },
    data = { { category = "user.content.call_transcript", subjects = { "customer" }, purposes = { "support" } } },
    processors = { { name = "Speech SaaS", country = "FR", contract = "dpa_signed", receives = receives } },
  }
end

describe("gdpr.recipients.declared-data", function()
  it("fails for a category sent to a processor that the system does not declare", function()
    local result = run("gdpr.recipients.declared-data", with_processor{ "user.content.call_transcript", "user.content.call_recording" }, as_of)
    expect(result):to_fail_with("Speech SaaS receives user.content.call_recording, which the system does not declare")
    expect(result):to_point_at("processors[1].receives[2]")
  end)

  it("passes when the processor receives declared data only", function()
    expect(run("gdpr.recipients.declared-data", with_processor{ "user.content.call_transcript" }, as_of)):to_pass()
  end)
end)
