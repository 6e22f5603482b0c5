-- gdpr.transfers.mechanism: transfers outside the EEA rest on adequacy, safeguards or a derogation (Art. 44-49).

local as_of = { as_of = "2026-11-29" }

describe("gdpr.transfers.mechanism", function()
  it("fails for a processor outside the EEA with no mechanism", function()
    local result = run("gdpr.transfers.mechanism", system{ processors = {
      { name = "VoiceInsight Analytics Inc.", country = "US", contract = "pending", transfer = "missing" },
    } }, as_of)
    expect(result):to_fail_with("VoiceInsight Analytics Inc. processes data in US with no transfer mechanism")
    expect(result):to_point_at("processors[1].transfer")
  end)

  it("fails for the Data Privacy Framework outside the United States", function()
    expect(run("gdpr.transfers.mechanism", system{ processors = {
      { name = "Contact Center Ltd", country = "IN", contract = "dpa_signed", transfer = "dpf" },
    } }, as_of)):to_fail_with("covers US companies only")
  end)

  it("fails for a store and a model hosted outside the EEA with nobody there under a mechanism", function()
    local result = run("gdpr.transfers.mechanism", system{
      ai = { { id = "emotions", kind = "emotion_recognition", model = { name = "VI", hosted_in = "US" } } },
      stores = { { id = "analytics", engine = "sqlite", url = "a.sqlite", region = "US" } },
    }, as_of)
    expect(result):to_fail_with("store 'analytics' is hosted in US")
    expect(result):to_fail_with("the model of 'emotions' runs in US")
    expect(result):to_point_at("stores[1].region")
  end)

  it("passes for DPF in the US and clauses in Morocco", function()
    expect(run("gdpr.transfers.mechanism", system{
      processors = {
        { id = "cloudtel", name = "CloudTel Inc.", country = "US", contract = "dpa_signed", transfer = "dpf" },
        { name = "Atlas Contact Center SARL", country = "MA", contract = "dpa_signed", transfer = "scc" },
      },
      stores = { { id = "calls", engine = "sqlite", url = "c.sqlite", region = "US", processor = "cloudtel" } },
    }, as_of)):to_pass()
  end)

  it("does not apply when everything stays in the EEA", function()
    expect(run("gdpr.transfers.mechanism", system{
      processors = { { name = "Mistral AI SAS", country = "FR", contract = "dpa_signed" } },
      stores = { { id = "db", engine = "sqlite", url = "db.sqlite", region = "EU" } },
    }, as_of)):to_be_skipped("not-applicable")
  end)
end)
