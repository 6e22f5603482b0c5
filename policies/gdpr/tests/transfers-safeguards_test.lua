-- Transfers: a transfer impact assessment for clauses (C-311/18), certified recipients for the Data Privacy Framework.

local as_of = { as_of = "2026-11-29" }

describe("gdpr.transfers.impact-assessment", function()
  it("fails for standard contractual clauses with no transfer impact assessment", function()
    local result = run("gdpr.transfers.impact-assessment", system{ processors = {
      { name = "Voice Cloud Inc.", country = "IN", contract = "dpa_signed", transfer = "scc" },
    } }, as_of)
    expect(result):to_fail_with("Voice Cloud Inc. receives data in IN on standard contractual clauses, with no transfer impact assessment (C-311/18)")
    expect(result):to_point_at("processors[1]")
  end)

  it("passes with the assessment on record", function()
    expect(run("gdpr.transfers.impact-assessment", system{ processors = {
      { name = "Voice Cloud Inc.", country = "IN", contract = "dpa_signed", transfer = "scc", transfer_impact_assessment = "TIA-2026-03" },
    } }, as_of)):to_pass()
  end)

  it("does not concern processors in the EEA nor adequacy decisions", function()
    expect(run("gdpr.transfers.impact-assessment", system{ processors = {
      { name = "Hébergeur SAS", country = "FR", contract = "dpa_signed" },
      { name = "Tokyo KK", country = "JP", contract = "dpa_signed", transfer = "adequacy" },
    } }, as_of)):to_be_skipped("not-applicable")
  end)

  it("is not in force before the judgment of 16 July 2020", function()
    expect(run("gdpr.transfers.impact-assessment", system{ processors = {
      { name = "Voice Cloud Inc.", country = "IN", transfer = "scc" },
    } }, { as_of = "2020-07-15" })):to_be_skipped("not-yet-in-force")
  end)
end)

describe("gdpr.transfers.dpf-certified", function()
  it("fails for a US recipient on the Data Privacy Framework whose certification is not recorded", function()
    local result = run("gdpr.transfers.dpf-certified", system{ processors = {
      { name = "Model API Inc.", country = "US", contract = "dpa_signed", transfer = "dpf" },
    } }, as_of)
    expect(result):to_fail_with("Model API Inc. receives data on the EU-US Data Privacy Framework, and its certification is not recorded")
  end)

  it("passes for a certified recipient", function()
    expect(run("gdpr.transfers.dpf-certified", system{ processors = {
      { name = "Model API Inc.", country = "US", contract = "dpa_signed", transfer = "dpf", dpf_certified = true },
    } }, as_of)):to_pass()
  end)
end)
