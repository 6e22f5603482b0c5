-- How calls are recorded (CNIL NS-57): occasional recording, no screen capture, a private line, no bank details,
-- recordings as contract evidence only from the moment the contract is discussed.

local as_of = { as_of = "2026-11-29" }

local function call_centre(recording, uses)
  return system{
    purposes = { { id = "quality", description = "Evaluate agents on sample calls", legal_basis = "legitimate_interests",
                   legitimate_interest_assessment = "docs/lia-quality.pdf", uses = uses or { "employment.evaluation" } } },
    data = { { category = "user.content.call_recording", subjects = { "customer", "employee.agent" }, purposes = { "quality" },
               retention = { period = "P6M", from = "collection" } } },
    recording = recording,
  }
end

local good = { mode = "occasional", screen_capture = false, private_line = true, payment_pause = true }

describe("cnil.recording.occasional", function()
  it("fails for systematic recording", function()
    local result = run("cnil.recording.occasional", call_centre{ mode = "systematic" }, as_of)
    expect(result):to_fail_with("every call is recorded")
    expect(result):to_point_at("recording.mode")
  end)

  it("warns when the mode is not said", function()
    expect(run("cnil.recording.occasional", call_centre(nil), as_of)):to_warn_with("does not say which")
  end)

  it("accepts systematic recording a law requires", function()
    expect(run("cnil.recording.occasional", system{
      purposes = { { id = "mifid", description = "Record orders as the law requires", legal_basis = "legal_obligation", uses = { "essential.legal_obligation" } } },
      data = { { category = "user.content.call_recording", subjects = { "customer" }, purposes = { "mifid" } } },
      recording = { mode = "systematic" },
    }, as_of)):to_pass()
  end)

  it("passes for occasional recording", function()
    expect(run("cnil.recording.occasional", call_centre(good), as_of)):to_pass()
  end)
end)

describe("cnil.recording.screen-capture", function()
  it("fails when screens are captured and kept", function()
    local system_ = system{
      data = {
        { category = "user.content.call_recording", subjects = { "customer" } },
        { category = "user.content.screen_recording", subjects = { "employee.agent" } },
      },
      recording = { mode = "systematic", screen_capture = true },
    }
    local result = run("cnil.recording.screen-capture", system_, as_of)
    expect(result):to_fail_with("agents' screens are captured along with their calls")
    expect(result):to_fail_with("keeps recordings of agents' screens")
    expect(result):to_have_findings(2)
  end)

  it("passes without screen capture", function()
    expect(run("cnil.recording.screen-capture", call_centre(good), as_of)):to_pass()
  end)
end)

describe("cnil.recording.private-line", function()
  it("fails without a private line", function()
    local result = run("cnil.recording.private-line", call_centre{ mode = "occasional", private_line = false }, as_of)
    expect(result):to_fail_with("no line for private calls")
    expect(result):to_point_at("recording.private_line")
  end)

  it("warns when nothing is said", function()
    expect(run("cnil.recording.private-line", call_centre{ mode = "occasional" }, as_of)):to_warn()
  end)

  it("passes with one", function()
    expect(run("cnil.recording.private-line", call_centre(good), as_of)):to_pass()
  end)
end)

describe("cnil.recording.bank-details", function()
  it("fails when recording goes on while card details are given", function()
    expect(run("cnil.recording.bank-details", call_centre{ mode = "occasional", payment_pause = false }, as_of))
      :to_fail_with("does not pause while bank details are given")
  end)

  it("warns when nothing is said", function()
    expect(run("cnil.recording.bank-details", call_centre(nil), as_of)):to_warn_with("recording.payment_pause")
  end)

  it("passes with a pause", function()
    expect(run("cnil.recording.bank-details", call_centre(good), as_of)):to_pass()
  end)
end)

describe("cnil.recording.contract-proof", function()
  it("fails for contract evidence taken from systematic recording", function()
    local result = run("cnil.recording.contract-proof", call_centre({ mode = "systematic" }, { "essential.contract_evidence" }), as_of)
    expect(result):to_fail_with("recordings kept as contract evidence are systematic")
  end)

  it("warns when the mode is not said", function()
    expect(run("cnil.recording.contract-proof", call_centre(nil, { "essential.contract_evidence" }), as_of)):to_warn()
  end)

  it("passes for recordings started on demand", function()
    expect(run("cnil.recording.contract-proof", call_centre({ mode = "on_demand" }, { "essential.contract_evidence" }), as_of)):to_pass()
  end)

  it("is in force from the CNIL's guidance of 25 April 2022", function()
    expect(run("cnil.recording.contract-proof", call_centre({ mode = "systematic" }, { "essential.contract_evidence" }), { as_of = "2022-01-01" }))
      :to_be_skipped("not-yet-in-force")
  end)

  it("does not apply to recordings for training only", function()
    expect(run("cnil.recording.contract-proof", call_centre(good), as_of)):to_be_skipped("not-applicable")
  end)
end)
