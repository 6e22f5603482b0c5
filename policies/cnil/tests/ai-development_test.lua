-- The CNIL's recommendations on developing AI: retention per phase, and the three conditions of legitimate interests.

local as_of = { as_of = "2026-11-29" }

local function copilot(training_assessment, shared, training_retention)
  local data = {
    { category = "user.content.call_transcript", subjects = { "customer", "employee.agent" },
      purposes = shared and { "assist", "fine-tuning" } or { "assist" }, retention = { period = "P6M", from = "collection" } },
  }
  if not shared then
    data[2] = { category = "user.content.call_transcript", subjects = { "customer", "employee.agent" }, purposes = { "fine-tuning" },
                retention = training_retention }
  end
  return system{
    purposes = {
      { id = "assist", description = "Suggest answers to agents", legal_basis = "legitimate_interests",
        legitimate_interest_assessment = "LIA-2024-31", uses = { "essential.service.operations.support.agent_assist" } },
      { id = "fine-tuning", description = "Fine-tune the summary model", legal_basis = "legitimate_interests",
        legitimate_interest_assessment = training_assessment, uses = { "train_ai_system" } },
    },
    data = data,
  }
end

describe("cnil.ai-development.retention-phases", function()
  it("fails for transcripts that serve the service and the training under one retention", function()
    local result = run("cnil.ai-development.retention-phases", copilot("LIA-2025-02", true), as_of)
    expect(result):to_fail_with("serves both the service ('assist') and model development ('fine-tuning') under one retention")
    expect(result):to_point_at("data[1].purposes")
  end)

  it("fails for a training set with no retention", function()
    expect(run("cnil.ai-development.retention-phases", copilot("LIA-2025-02", false, nil), as_of))
      :to_fail_with("is used to develop a model ('fine-tuning') with no retention period")
  end)

  it("passes for a training set with its own retention", function()
    expect(run("cnil.ai-development.retention-phases", copilot("LIA-2025-02", false, { period = "P1Y", from = "collection" }), as_of)):to_pass()
  end)
end)

describe("cnil.ai-development.legitimate-interest", function()
  it("fails for training on legitimate interests with no assessment", function()
    local result = run("cnil.ai-development.legitimate-interest", copilot(nil, false, { period = "P1Y", from = "collection" }), as_of)
    expect(result):to_fail_with("purpose 'fine-tuning' trains a model on legitimate interests with no documented assessment")
    expect(result):to_point_at("purposes[2].legal_basis")
  end)

  it("passes with the assessment", function()
    expect(run("cnil.ai-development.legitimate-interest", copilot("LIA-2025-02", false, { period = "P1Y", from = "collection" }), as_of)):to_pass()
  end)

  it("is in force from the CNIL's sheets of 19 June 2025", function()
    expect(run("cnil.ai-development.legitimate-interest", copilot(nil, false, { period = "P1Y", from = "collection" }), { as_of = "2025-06-18" }))
      :to_be_skipped("not-yet-in-force")
  end)
end)
