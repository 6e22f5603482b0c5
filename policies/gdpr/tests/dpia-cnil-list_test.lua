-- gdpr.dpia.cnil-list: a DPIA precedes processing on the CNIL's list (Délibération 2018-327).

local as_of = { as_of = "2026-11-29" }

local function recording(mode, dpia)
  return system{
    data = { { category = "user.content.call_recording", subjects = { "customer", "employee.agent" } } },
    recording = { mode = mode },
    assessments = dpia and { dpia = dpia } or nil,
  }
end

describe("gdpr.dpia.cnil-list", function()
  it("fails for systematic recording of agents with no DPIA", function()
    expect(run("gdpr.dpia.cnil-list", recording("systematic", nil), as_of))
      :to_fail_with("constant monitoring of employees' activity (every call of the agents is recorded)")
  end)

  it("fails for profiling agents and profiling with external data", function()
    local result = run("gdpr.dpia.cnil-list", system{
      data = { { category = "user.financial.credit_history", subjects = { "customer" }, source = "third_party" } },
      ai = {
        { id = "coach", kind = "speech_analytics", about = { "employee.agent" }, infers = { "performance" } },
        { id = "score", kind = "decision", about = { "customer" }, infers = { "creditworthiness" }, effect = "legal" },
      },
      assessments = { dpia = { status = "in_progress" } },
    }, as_of)
    expect(result):to_fail_with("profiling of employees ('coach')")
    expect(result):to_fail_with("profiling that may exclude from a contract ('score')")
    expect(result):to_fail_with("profiling with external data (user.financial.credit_history)")
  end)

  it("passes with a DPIA done", function()
    expect(run("gdpr.dpia.cnil-list", recording("systematic", { status = "done", date = "2019-02-14" }), as_of)):to_pass()
  end)

  it("passes for occasional recording", function()
    expect(run("gdpr.dpia.cnil-list", recording("occasional", nil), as_of)):to_pass()
  end)
end)
