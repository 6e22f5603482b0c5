-- Who is told and consulted about call recording (CNIL NS-57): callers, agents, staff representatives;
-- and how long evaluation documents are kept.

local as_of = { as_of = "2026-11-29" }

local function call_centre(notices, evaluation)
  local data = { { category = "user.content.call_recording", subjects = { "customer", "employee.agent" }, retention = { period = "P6M", from = "collection" } } }
  if evaluation then
    data[2] = { category = "user.workplace.quality_evaluation", subjects = { "employee.agent" }, retention = { period = evaluation, from = "collection" } }
  end
  return system{ data = data, recording = { mode = "occasional" }, notices = notices }
end

local informed = { recording_announcement = true, objection_offered = true, employees_informed = true, workers_representatives_consulted = true }

describe("cnil.recording.callers-informed", function()
  it("fails when callers can neither hear about it nor object", function()
    local result = run("cnil.recording.callers-informed", call_centre{ recording_announcement = false, objection_offered = false }, as_of)
    expect(result):to_fail_with("callers are not told before their call is recorded")
    expect(result):to_fail_with("callers cannot object to the recording")
    expect(result):to_point_at("notices.objection_offered")
  end)

  it("fails with no notices at all", function()
    expect(run("cnil.recording.callers-informed", call_centre(nil), as_of)):to_have_findings(2)
  end)

  it("passes when callers are told and can object", function()
    expect(run("cnil.recording.callers-informed", call_centre(informed), as_of)):to_pass()
  end)
end)

describe("cnil.recording.employees-informed", function()
  it("fails when agents were not told", function()
    local result = run("cnil.recording.employees-informed", call_centre{ employees_informed = false }, as_of)
    expect(result):to_fail_with("agents are not informed beforehand")
    expect(result):to_point_at("notices.employees_informed")
  end)

  it("passes when they were", function()
    expect(run("cnil.recording.employees-informed", call_centre(informed), as_of)):to_pass()
  end)
end)

describe("cnil.recording.representatives", function()
  it("fails when staff representatives were not consulted", function()
    expect(run("cnil.recording.representatives", call_centre{ workers_representatives_consulted = false }, as_of))
      :to_fail_with("staff representatives were not consulted")
  end)

  it("passes when they were", function()
    expect(run("cnil.recording.representatives", call_centre(informed), as_of)):to_pass()
  end)
end)

describe("cnil.recording.analysis-retention", function()
  it("fails for evaluation grids kept two years", function()
    local result = run("cnil.recording.analysis-retention", call_centre(informed, "P2Y"), as_of)
    expect(result):to_fail_with("evaluation documents kept P2Y; P1Y at most (setting `recording_analysis_retention`, from CNIL NS-57 guidance)")
    expect(result):to_point_at("data[2].retention.period")
  end)

  it("passes at one year", function()
    expect(run("cnil.recording.analysis-retention", call_centre(informed, "P1Y"), as_of)):to_pass()
  end)

  it("reads its limit from the pack setting a workspace may change", function()
    expect(run("cnil.recording.analysis-retention", call_centre(informed, "P2Y"), { as_of = "2026-11-29", settings = { recording_analysis_retention = "P2Y" } })):to_pass()
    expect(run("cnil.recording.analysis-retention", call_centre(informed, "P1Y"), { as_of = "2026-11-29", settings = { recording_analysis_retention = "P6M" } }))
      :to_fail_with("evaluation documents kept P1Y; P6M at most (setting `recording_analysis_retention`")
  end)

  it("does not apply without evaluation documents", function()
    expect(run("cnil.recording.analysis-retention", call_centre(informed), as_of)):to_be_skipped("not-applicable")
  end)
end)
