-- Agents scored or monitored outside call recording: Code du travail L.1222-3, L.1222-4, L.2312-38.

local as_of = { as_of = "2026-11-29" }

local function scoring(notices)
  return system{
    purposes = { { id = "coaching", description = "Coach agents on their chats", legal_basis = "legitimate_interests",
                   legitimate_interest_assessment = "LIA-3", uses = { "employment.evaluation" } } },
    ai = { { id = "chat-qa", kind = "classification", purposes = { "coaching" }, inputs = { "text" }, infers = { "performance" },
             about = { "employee.agent" }, decides = "assists" } },
    notices = notices,
  }
end

local all_told = { employees_informed = true, evaluation_methods_explained = true, workers_representatives_consulted = true }

describe("cnil.workplace.evaluation-methods", function()
  it("fails when agents scored on their chats were not told how", function()
    local result = run("cnil.workplace.evaluation-methods", scoring{ employees_informed = true }, as_of)
    expect(result):to_fail_with("'chat-qa' evaluates agents (performance), and they were not told beforehand how they are evaluated (Code du travail L.1222-3)")
    expect(result):to_point_at("ai[1]")
  end)

  it("passes when they were", function()
    expect(run("cnil.workplace.evaluation-methods", scoring(all_told), as_of)):to_pass()
  end)

  local function recorded_and_scored(notices)
    return system{
      data = { { category = "user.content.call_recording", subjects = { "customer", "employee.agent" } } },
      ai = { { id = "call-qa", kind = "speech_analytics", infers = { "performance" }, about = { "employee.agent" } } },
      notices = notices,
    }
  end

  it("applies to an AI scoring agents' recorded calls too", function()
    local result = run("cnil.workplace.evaluation-methods", recorded_and_scored{ employees_informed = true, workers_representatives_consulted = true }, as_of)
    expect(result):to_fail_with("'call-qa' evaluates agents (performance), and they were not told beforehand how they are evaluated")
    expect(run("cnil.workplace.evaluation-methods", recorded_and_scored(all_told), as_of)):to_pass()
  end)

  it("leaves informing agents of the recording to the recording rules", function()
    expect(run("cnil.workplace.monitoring-devices", recorded_and_scored(nil), as_of)):to_be_skipped("not-applicable")
    expect(run("cnil.workplace.cse-consultation", recorded_and_scored(nil), as_of)):to_be_skipped("not-applicable")
  end)
end)

describe("cnil.workplace.monitoring-devices", function()
  it("fails when agents were not told the system collects data about them", function()
    expect(run("cnil.workplace.monitoring-devices", scoring(nil), as_of))
      :to_fail_with("'chat-qa' collects data about agents, and they were not told beforehand (Code du travail L.1222-4)")
  end)

  it("passes when they were", function()
    expect(run("cnil.workplace.monitoring-devices", scoring(all_told), as_of)):to_pass()
  end)

  it("leaves call-recording systems to the recording rules", function()
    expect(run("cnil.workplace.monitoring-devices", system{
      data = { { category = "user.content.call_recording", subjects = { "customer", "employee.agent" } } },
      ai = { { id = "qa", kind = "speech_analytics", infers = { "performance" }, about = { "employee.agent" } } },
    }, as_of)):to_be_skipped("not-applicable")
  end)
end)

describe("cnil.workplace.cse-consultation", function()
  it("fails when the CSE was not consulted", function()
    local result = run("cnil.workplace.cse-consultation", scoring{ employees_informed = true }, as_of)
    expect(result):to_fail_with("'chat-qa' monitors agents' activity, and the CSE was not consulted before (Code du travail L.2312-38)")
  end)

  it("passes when it was", function()
    expect(run("cnil.workplace.cse-consultation", scoring(all_told), as_of)):to_pass()
  end)

  it("does not concern systems that evaluate no one", function()
    expect(run("cnil.workplace.cse-consultation", system{
      ai = { { id = "faq", kind = "chatbot", interacts_with = { "customer" }, discloses_ai = "at_start" } },
    }, as_of)):to_be_skipped("not-applicable")
  end)
end)
