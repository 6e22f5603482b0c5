-- Telephone prospecting of consumers: days, hours and frequency (décret n° 2022-1313, D. 223-9 ff.),
-- the introduction of each call (L.221-16), and consent collected by partners (CPCE L.34-5).

local as_of = { as_of = "2026-11-29" }

local good = {
  channels = { "phone" }, audience = { "consumers" }, consent = "prior_consent", opt_out_offered = true, call_introduction = true,
  call_days = { "monday", "tuesday", "wednesday", "thursday", "friday" }, call_hours = { "10:00-13:00", "14:00-19:30" },
  max_calls_per_30_days = 4,
}

local function calls(changes)
  local prospecting = {}
  for k, v in pairs(good) do prospecting[k] = v end
  for k, v in pairs(changes or {}) do prospecting[k] = v end
  for k, v in pairs(prospecting) do if v == false and k ~= "call_introduction" then prospecting[k] = nil end end
  return system{ prospecting = prospecting }
end

describe("cnil.prospecting.phone-days", function()
  it("fails for Saturday calls and calls on public holidays", function()
    local result = run("cnil.prospecting.phone-days", calls{ call_days = { "friday", "saturday", "public_holidays" } }, as_of)
    expect(result):to_fail_with("consumers are called for prospecting on saturdays; weekdays only")
    expect(result):to_fail_with("on public holidays")
    expect(result):to_point_at("prospecting.call_days[2]")
  end)

  it("fails when the days are not said", function()
    expect(run("cnil.prospecting.phone-days", calls{ call_days = false }, as_of)):to_fail_with("does not say on which days")
  end)

  it("passes for weekdays", function()
    expect(run("cnil.prospecting.phone-days", calls(), as_of)):to_pass()
  end)

  it("does not concern professionals", function()
    expect(run("cnil.prospecting.phone-days", calls{ audience = { "professionals" }, call_days = { "saturday" } }, as_of)):to_be_skipped("not-applicable")
  end)
  it("applies from 1 March 2023, when décret n° 2022-1313 came into force, not from its date", function()
    for _, id in ipairs({ "cnil.prospecting.phone-days", "cnil.prospecting.phone-hours", "cnil.prospecting.phone-frequency" }) do
      local bad = calls{ call_days = { "saturday" }, call_hours = { "08:00-21:00" }, max_calls_per_30_days = 9 }
      expect(run(id, bad, { as_of = "2023-02-28" })):to_be_skipped("not-yet-in-force")
      expect(run(id, bad, { as_of = "2023-03-01" })):to_fail()
      expect(run(id, bad, { as_of = "2023-03-01" }).references[2].url):to_be("https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000046421823")
    end
  end)
end)

describe("cnil.prospecting.phone-hours", function()
  it("fails for calls at lunchtime and in the evening", function()
    local result = run("cnil.prospecting.phone-hours", calls{ call_hours = { "09:00-13:00", "12:30-14:30", "14:00-21:00" } }, as_of)
    expect(result):to_fail_with("consumers are called for prospecting 09:00-13:00; only 10:00-13:00 and 14:00-20:00")
    expect(result):to_have_findings(3)
  end)

  it("fails for a range it cannot read", function()
    expect(run("cnil.prospecting.phone-hours", calls{ call_hours = { "10h-13h" } }, as_of)):to_fail_with("'10h-13h' is not a range of hours")
  end)

  it("passes within the allowed ranges", function()
    expect(run("cnil.prospecting.phone-hours", calls(), as_of)):to_pass()
  end)
end)

describe("cnil.prospecting.phone-frequency", function()
  it("fails for a dialler that may call six times in 30 days", function()
    local result = run("cnil.prospecting.phone-frequency", calls{ max_calls_per_30_days = 6 }, as_of)
    expect(result):to_fail_with("consumers may get 6 prospecting calls in 30 days; 4 at most")
    expect(result):to_point_at("prospecting.max_calls_per_30_days")
  end)

  it("fails when nothing caps the calls", function()
    expect(run("cnil.prospecting.phone-frequency", calls{ max_calls_per_30_days = false }, as_of)):to_fail_with("nothing caps the calls to one person")
  end)

  it("passes at four", function()
    expect(run("cnil.prospecting.phone-frequency", calls(), as_of)):to_pass()
  end)

  it("is not in force before the decree", function()
    expect(run("cnil.prospecting.phone-frequency", calls{ max_calls_per_30_days = 6 }, { as_of = "2022-01-01" })):to_be_skipped("not-yet-in-force")
  end)
end)

describe("cnil.prospecting.phone-introduction", function()
  it("fails when calls do not start with who calls and why", function()
    local result = run("cnil.prospecting.phone-introduction", calls{ call_introduction = false }, as_of)
    expect(result):to_fail_with("do not start by saying who calls, for whom, and that the call is commercial (L.221-16)")
    expect(result):to_point_at("prospecting.call_introduction")
  end)

  it("passes when they do", function()
    expect(run("cnil.prospecting.phone-introduction", calls(), as_of)):to_pass()
  end)
end)

describe("cnil.prospecting.partner-consent", function()
  local function leads(names_recipients)
    return system{
      data = { { category = "user.contact.email", subjects = { "prospect" }, source = "third_party" } },
      prospecting = { channels = { "email" }, audience = { "consumers" }, consent = "prior_consent", opt_out_offered = true,
                      partner_consent_names_recipients = names_recipients },
    }
  end

  it("fails for a partner's list whose consent does not name who prospects", function()
    local result = run("cnil.prospecting.partner-consent", leads(false), as_of)
    expect(result):to_fail_with("user.contact.email comes from a third party and is used for email prospecting, and nothing shows the consent collected by the partner named the organisations that prospect (CPCE L.34-5)")
    expect(result):to_point_at("prospecting.partner_consent_names_recipients")
  end)

  it("passes when it does", function()
    expect(run("cnil.prospecting.partner-consent", leads(true), as_of)):to_pass()
  end)

  it("does not concern the organisation's own contacts", function()
    expect(run("cnil.prospecting.partner-consent", system{
      data = { { category = "user.contact.email", subjects = { "customer" } } },
      prospecting = { channels = { "email" }, audience = { "existing_customers" }, consent = "soft_opt_in" },
    }, as_of)):to_be_skipped("not-applicable")
  end)
end)

describe("cnil.prospecting.phone-bloctel-reminder", function()
  local before = { as_of = "2026-03-01" }

  it("fails when calls do not mention Bloctel, before consent replaced it", function()
    local result = run("cnil.prospecting.phone-bloctel-reminder", calls{ consent = "opt_out" }, before)
    expect(result):to_fail_with("do not tell them they can register free of charge on Bloctel (L.221-16)")
    expect(result):to_point_at("prospecting")
  end)

  it("passes when they do", function()
    expect(run("cnil.prospecting.phone-bloctel-reminder", calls{ consent = "opt_out", bloctel_reminder = true }, before)):to_pass()
  end)

  it("is no longer in force from 11 August 2026, when Bloctel ends", function()
    expect(run("cnil.prospecting.phone-bloctel-reminder", calls(), as_of)):to_be_skipped("no-longer-in-force")
  end)
end)
