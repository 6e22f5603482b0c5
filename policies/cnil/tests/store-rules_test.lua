-- CNIL rules that read the stores (fixture stores in tests/fixtures/stores): recordings and evaluations past
-- their limits, card numbers in call transcripts, prospects with no recorded consent.

local function call_centre(tables)
  return system{
    purposes = { { id = "quality", description = "Evaluate agents on sample calls", legal_basis = "legitimate_interests",
                   legitimate_interest_assessment = "docs/lia-quality.pdf", uses = { "employment.evaluation" } } },
    data = {
      { category = "user.content.call_recording", subjects = { "customer", "employee.agent" }, purposes = { "quality" },
        retention = { period = "P6M", from = "collection" }, stores = { "calls" } },
      { category = "user.content.call_transcript", subjects = { "customer" }, purposes = { "quality" },
        retention = { period = "P6M", from = "collection" }, stores = { "calls" } },
      { category = "user.workplace.quality_evaluation", subjects = { "employee.agent" }, purposes = { "quality" },
        retention = { period = "P1Y", from = "collection" }, stores = { "calls" } },
    },
    recording = { mode = "occasional", payment_pause = true },
    stores = { { id = "calls", engine = "csv", url = "fixtures/stores/calls", tables = tables } },
  }
end

local recordings = { name = "recordings", columns = { caller_number = "user.contact.phone_number", audio_uri = "user.content.call_recording" },
                     free_text = { "transcript" }, retention = { period = "P6M", column = "recorded_at" } }
local clean = { name = "clean_recordings", columns = { audio_uri = "user.content.call_recording" }, free_text = { "transcript" },
                retention = { period = "P6M", column = "recorded_at" } }
local evaluations = { name = "evaluations", columns = { score = "user.workplace.quality_evaluation" }, retention = { period = "P1Y", column = "evaluated_at" } }

describe("cnil.recording.store-retention", function()
  it("fails for recordings older than six months and evaluations older than a year in the store", function()
    local result = run("cnil.recording.store-retention", call_centre{ recordings, evaluations }, { as_of = "2026-11-29" })
    expect(result):to_fail_with("1 recordings older than P6M in calls.recordings (setting `recording_retention`, from CNIL NS-57 guidance)")
    expect(result):to_fail_with("1 evaluations older than P1Y in calls.evaluations (setting `recording_analysis_retention`, from CNIL NS-57 guidance)")
    expect(result):to_point_at("stores[1].tables[2]")
  end)

  it("passes when the store holds nothing past the limits", function()
    expect(run("cnil.recording.store-retention", call_centre{ clean }, { as_of = "2026-11-29" })):to_pass()
  end)

  it("counts against the pack settings a workspace may change", function()
    local shorter = { as_of = "2026-11-29", settings = { recording_retention = "P1M" } }
    expect(run("cnil.recording.store-retention", call_centre{ clean }, shorter))
      :to_fail_with("1 recordings older than P1M in calls.clean_recordings (setting `recording_retention`")
    local longer = { as_of = "2026-11-29", settings = { recording_retention = "P1Y", recording_analysis_retention = "P2Y" } }
    expect(run("cnil.recording.store-retention", call_centre{ recordings, evaluations }, longer)):to_pass()
  end)
end)

describe("cnil.recording.card-data", function()
  it("fails for a card number in a call transcript", function()
    local result = run("cnil.recording.card-data", call_centre{ recordings }, { as_of = "2026-11-29" })
    expect(result):to_fail_with("1 card numbers in 1 rows of calls.recordings (transcript)")
    expect(result):to_point_at("stores[1].tables[1]")
  end)

  it("counts a column listed both as a column and as free text once", function()
    local twice = { name = "recordings", columns = { transcript = "user.content.call_transcript", audio_uri = "user.content.call_recording" },
                    free_text = { "transcript" }, retention = { period = "P6M", column = "recorded_at" } }
    local result = run("cnil.recording.card-data", call_centre{ twice }, { as_of = "2026-11-29" })
    expect(result):to_fail_with("1 card numbers in 1 rows of calls.recordings (transcript)")
  end)

  it("passes for transcripts without card numbers", function()
    expect(run("cnil.recording.card-data", call_centre{ clean }, { as_of = "2026-11-29" })):to_pass()
  end)
end)

describe("cnil.prospecting.consent-in-store", function()
  local function campaign(consent, table_name)
    return system{
      purposes = { { id = "prospecting", description = "Call consumers to sell offers", legal_basis = "consent", uses = { "marketing.communications.phone" } } },
      data = { { category = "user.contact.phone_number", subjects = { "prospect" }, purposes = { "prospecting" },
                 retention = { period = "P3Y", from = "last_contact" }, stores = { "prospects" } } },
      prospecting = { channels = { "phone" }, audience = { "consumers" }, consent = consent, opt_out_offered = true },
      stores = { { id = "prospects", engine = "csv", url = "fixtures/stores/prospects", tables = {
        { name = table_name, columns = { phone = "user.contact.phone_number" }, retention = { period = "P3Y", column = "consent_at" } },
      } } },
    }
  end

  it("fails for consumers called with no recorded consent after 11 August 2026", function()
    local result = run("cnil.prospecting.consent-in-store", campaign("prior_consent", "call_list"), { as_of = "2026-11-29" })
    expect(result):to_fail_with("2 of the contacts in prospects.call_list have no recorded consent (consent_at is empty)")
    expect(result):to_point_at("stores[1].tables[1]")
  end)

  it("passes when every contact consented", function()
    expect(run("cnil.prospecting.consent-in-store", campaign("prior_consent", "consented_list"), { as_of = "2026-11-29" })):to_pass()
  end)

  it("passes before telephone consent was required", function()
    expect(run("cnil.prospecting.consent-in-store", campaign("opt_out", "call_list"), { as_of = "2026-06-01" })):to_pass()
  end)
end)
