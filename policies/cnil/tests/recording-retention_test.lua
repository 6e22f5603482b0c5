-- cnil.recording.retention: call recordings are kept six months at most (CNIL NS-57).

local as_of = { as_of = "2026-11-29" }

local function recordings(period, uses, table_period)
  return system{
    purposes = {
      { id = "quality", description = "Evaluate agents on sample calls", legal_basis = "legitimate_interests",
        legitimate_interest_assessment = "docs/lia-quality.pdf", uses = uses or { "employment.evaluation" } },
    },
    data = {
      { category = "user.content.call_recording", subjects = { "customer", "employee.agent" }, purposes = { "quality" },
        retention = { period = period, from = "collection" }, stores = table_period and { "calls" } or nil },
    },
    stores = table_period and { { id = "calls", engine = "sqlite", url = "calls.sqlite", tables = {
      { name = "recordings", columns = { audio = "user.content.call_recording" }, retention = { period = table_period, column = "recorded_at" } },
    } } } or nil,
  }
end

describe("cnil.recording.retention", function()
  it("fails when recordings are kept three years, at the retention period", function()
    local result = run("cnil.recording.retention", recordings("P3Y"), as_of)
    expect(result):to_fail_with("recordings kept P3Y; P6M at most (setting `recording_retention`, from CNIL NS-57 guidance)")
    expect(result):to_point_at("data[1].retention.period")
  end)

  it("reads its limit from the pack setting a workspace may change", function()
    local three_months = { as_of = "2026-11-29", settings = { recording_retention = "P3M" } }
    expect(run("cnil.recording.retention", recordings("P6M"), three_months))
      :to_fail_with("recordings kept P6M; P3M at most (setting `recording_retention`")
    expect(run("cnil.recording.retention", recordings("P3M"), three_months)):to_pass()
    expect(run("cnil.recording.retention", recordings("P1Y"), { as_of = "2026-11-29", settings = { recording_retention = "P1Y" } })):to_pass()
  end)

  it("fails at 183 days, which can exceed six months", function()
    expect(run("cnil.recording.retention", recordings("P183D"), as_of)):to_fail_with("P183D")
  end)

  it("fails for a store table that keeps recordings longer than the data item says", function()
    local result = run("cnil.recording.retention", recordings("P6M", nil, "P1Y"), as_of)
    expect(result):to_fail_with("table calls.recordings keeps recordings P1Y")
    expect(result):to_point_at("stores[1].tables[1].retention.period")
  end)

  it("passes at six months exactly", function()
    expect(run("cnil.recording.retention", recordings("P6M", nil, "P6M"), as_of)):to_pass()
  end)

  it("leaves recordings kept only as contract evidence to that purpose", function()
    expect(run("cnil.recording.retention", recordings("P5Y", { "essential.contract_evidence" }), as_of)):to_pass()
  end)

  it("does not apply to a system that records no call", function()
    local chat = system{
      data = { { category = "user.contact.email", subjects = { "customer" }, retention = { period = "P3Y", from = "end_of_contract" } } },
    }
    expect(run("cnil.recording.retention", chat, as_of)):to_be_skipped("not-applicable")
  end)

  it("is waived while an approved waiver lasts", function()
    local held = system{
      data = { { category = "user.content.call_recording", subjects = { "customer" }, retention = { period = "P3Y", from = "collection" } } },
      waivers = { { rule = "cnil.recording.retention", reason = "Litigation hold, case 2025-114",
                    approved_by = "dpo@electra.example", expires = "2026-12-31" } },
    }
    expect(run("cnil.recording.retention", held, { as_of = "2026-11-29" })):to_be_waived()
    expect(run("cnil.recording.retention", held, { as_of = "2027-01-04" })):to_fail()
  end)
end)

describe("the call-recording rules", function()
  local rules = {
    "cnil.recording.analysis-retention", "cnil.recording.bank-details", "cnil.recording.callers-informed",
    "cnil.recording.card-data", "cnil.recording.employees-informed", "cnil.recording.occasional",
    "cnil.recording.private-line", "cnil.recording.representatives", "cnil.recording.retention",
    "cnil.recording.screen-capture", "cnil.recording.store-retention",
  }

  it("cite NS-57 by its délibération, n° 2014-474, on Légifrance, then the CNIL's guidance page", function()
    for _, id in ipairs(rules) do
      local references = run(id, system{}, as_of).references
      expect(references[1].citation):to_be("CNIL délibération n° 2014-474 (NS-57)")
      expect(references[1].url):to_contain("https://www.legifrance.gouv.fr/")
      expect(references[1].url):to_contain("2014-474")
      expect(references[2].url):to_be("https://www.cnil.fr/fr/lecoute-et-lenregistrement-des-appels-sur-le-lieu-de-travail")
    end
  end)
end)
