-- Each AI Act obligation applies from its own date, and the pack setting `calendar` chooses between the
-- digital omnibus (default) and the original Art. 113. One system, three dates, two calendars.

local function contact_centre()
  return system{
    role = "deployer",
    in_service_since = "2024-06-03",
    purposes = {
      { id = "answers", description = "Answer customer emails", legal_basis = "contract", uses = { "essential.service.operations.support.self_service" } },
      { id = "coaching", description = "Coach agents", legal_basis = "legitimate_interests", uses = { "employment.evaluation" } },
    },
    ai = {
      { id = "writer", kind = "generative_assistant", purposes = { "answers" }, interacts_with = { "customer" }, discloses_ai = "never",
        generates = { "text" }, marks_output = false },
      { id = "qa", kind = "emotion_recognition", purposes = { "coaching" }, inputs = { "voice" }, infers = { "emotion", "performance" },
        about = { "employee.agent" }, decides = "assists", annex_iii = { "1c", "4b" }, logs = { retention = "P3M" },
        model = { provider = "VoiceInsight Analytics Inc.", version = "3.4" },
        human_oversight = { reviewer = "QA team", reviewers_trained = true, can_override = true } },
    },
    notices = { employees_informed = true, workers_representatives_consulted = true },
    training = { ai_literacy = { last = "2024-12-01", audience = { "agents" }, every = "P2Y" } },
  }
end

-- Expected status of each rule, by calendar and date.
local expected = {
  omnibus = {
    ["2025-01-01"] = { literacy = "skipped", emotion = "skipped", disclosure = "skipped", marking = "skipped", logs = "skipped" },
    ["2026-09-01"] = { literacy = "pass", emotion = "fail", disclosure = "warn", marking = "pass", logs = "skipped" },
    ["2028-01-01"] = { literacy = "pass", emotion = "fail", disclosure = "warn", marking = "warn", logs = "fail" },
  },
  original = {
    ["2025-01-01"] = { literacy = "skipped", emotion = "skipped", disclosure = "skipped", marking = "skipped", logs = "skipped" },
    ["2026-09-01"] = { literacy = "pass", emotion = "fail", disclosure = "warn", marking = "warn", logs = "fail" },
    ["2028-01-01"] = { literacy = "warn", emotion = "fail", disclosure = "warn", marking = "warn", logs = "fail" },
  },
}

local rules = {
  literacy = "ai-act.literacy.training",
  emotion = "ai-act.prohibited.emotion-workplace",
  disclosure = "ai-act.transparency.disclosure",
  marking = "ai-act.transparency.marking",
  logs = "ai-act.deployer.logs",
}

local order = { "literacy", "emotion", "disclosure", "marking", "logs" }

local function statuses(calendar, as_of)
  local found = {}
  for _, name in ipairs(order) do
    found[name] = run(rules[name], contact_centre(), { as_of = as_of, settings = { calendar = calendar } }).status
  end
  return found
end

describe("the AI Act calendars", function()
  for _, calendar in ipairs({ "omnibus", "original" }) do
    for _, as_of in ipairs({ "2025-01-01", "2026-09-01", "2028-01-01" }) do
      it(calendar .. " calendar, as of " .. as_of, function()
        expect(statuses(calendar, as_of)):to_equal(expected[calendar][as_of])
      end)
    end

    it("gives three different results on the three dates under the " .. calendar .. " calendar", function()
      local seen = {}
      for _, as_of in ipairs({ "2025-01-01", "2026-09-01", "2028-01-01" }) do
        local found = statuses(calendar, as_of)
        local key = {}
        for _, name in ipairs(order) do key[#key + 1] = found[name] end
        key = table.concat(key, ",")
        expect(seen[key]):to_be(nil)
        seen[key] = true
      end
    end)
  end

  it("defaults to the omnibus", function()
    local default = run("ai-act.deployer.logs", contact_centre(), { as_of = "2026-09-01" })
    local omnibus = run("ai-act.deployer.logs", contact_centre(), { as_of = "2026-09-01", settings = { calendar = "omnibus" } })
    expect(default.status):to_be(omnibus.status)
    expect(default.status):to_be("skipped")
  end)

  it("gives a generative system already on the market until 2 December 2026 to mark its output, under the omnibus only", function()
    local result = run("ai-act.transparency.marking", contact_centre(), { as_of = "2026-12-01" })
    expect(result):to_pass()
    expect(result.findings[1].level):to_be("info")
    expect(result.findings[1].message):to_contain("in service since 2024-06-03, so placed on the market before 2026-08-02 (Art. 111(4) transition), it must be marked from 2026-12-02")
    expect(run("ai-act.transparency.marking", contact_centre(), { as_of = "2026-12-02" })):to_warn()
  end)
end)
