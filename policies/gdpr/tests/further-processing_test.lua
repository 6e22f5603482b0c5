-- gdpr.further-processing.compatibility and gdpr.notices.further-processing: conversations reused to train AI (Art. 6(4), 13(3)).

local as_of = { as_of = "2026-11-29" }

local function reused(training, notices)
  return system{
    purposes = {
      { id = "support", description = "Answer customers", legal_basis = "contract", uses = { "essential.service.operations.support" } },
      training,
    },
    data = { { category = "user.content.call_transcript", subjects = { "customer" }, purposes = { "support", "training" } } },
    notices = notices,
  }
end

local training = { id = "training", description = "Fine-tune the voicebot", legal_basis = "legitimate_interests",
                   legitimate_interest_assessment = "LIA-7", uses = { "train_ai_system" } }
local assessed = { id = "training", description = "Fine-tune the voicebot", legal_basis = "legitimate_interests",
                   legitimate_interest_assessment = "LIA-7", compatibility_assessment = "docs/compat-training.pdf", uses = { "train_ai_system" } }

describe("gdpr.further-processing.compatibility", function()
  it("fails for transcripts reused to train a model with no compatibility assessment", function()
    local result = run("gdpr.further-processing.compatibility", reused(training), as_of)
    expect(result):to_fail_with("user.content.call_transcript collected for another purpose is reused for 'training' (model training), with no compatibility assessment (Art. 6(4))")
    expect(result):to_point_at("data[1].purposes[2]")
  end)

  it("passes with the assessment, or on consent", function()
    expect(run("gdpr.further-processing.compatibility", reused(assessed), as_of)):to_pass()
    expect(run("gdpr.further-processing.compatibility", reused{ id = "training", description = "Train", legal_basis = "consent", uses = { "train_ai_system" } }, as_of)):to_pass()
  end)

  it("fails for a purpose that declares itself a further processing", function()
    expect(run("gdpr.further-processing.compatibility", system{
      purposes = {
        { id = "support", description = "Answer customers", legal_basis = "contract", uses = { "essential.service.operations.support" } },
        { id = "insights", description = "Contact-reason dashboards", legal_basis = "legitimate_interests", legitimate_interest_assessment = "LIA-9",
          further_processing = true, uses = { "analytics.reporting.customer_experience" } },
      },
      data = { { category = "user.content.chat_transcript", subjects = { "customer" }, purposes = { "support", "insights" } } },
    }, as_of)):to_fail_with("reused for 'insights' (declared a further processing)")
  end)

  it("does not concern data collected for training only", function()
    expect(run("gdpr.further-processing.compatibility", system{
      purposes = { training },
      data = { { category = "user.content.call_transcript", subjects = { "customer" }, purposes = { "training" } } },
    }, as_of)):to_be_skipped("not-applicable")
  end)
end)

describe("gdpr.notices.further-processing", function()
  it("fails when people are not told before the reuse", function()
    local result = run("gdpr.notices.further-processing", reused(assessed), as_of)
    expect(result):to_fail_with("and the people were not told before the reuse (Art. 13(3))")
    expect(result):to_point_at("data[1]")
  end)

  it("passes when they are", function()
    expect(run("gdpr.notices.further-processing", reused(assessed, { further_processing_informed = true }), as_of)):to_pass()
  end)
end)
