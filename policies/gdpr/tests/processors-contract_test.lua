-- gdpr.processors.contract: every processor works under a signed data processing agreement (Art. 28(3)).

local as_of = { as_of = "2026-11-29" }

describe("gdpr.processors.contract", function()
  it("fails for a pending agreement and for none at all", function()
    local result = run("gdpr.processors.contract", system{ processors = {
      { name = "VoiceInsight Analytics Inc.", country = "FR", contract = "pending" },
      { name = "Printing SARL", country = "FR" },
    } }, as_of)
    expect(result):to_fail_with("VoiceInsight Analytics Inc. processes data for the system, and its data processing agreement (Art. 28(3)) is pending")
    expect(result):to_fail_with("Printing SARL processes data for the system, and no data processing agreement with the terms of Art. 28(3) is recorded")
    -- the contract's terms are Art. 28(3); Art. 28(2) is about sub-processors
    expect(#result.references):to_be(1)
    expect(result.references[1].citation):to_be("GDPR Art. 28(3)(a)-(h)")
    expect(result):to_point_at("processors[1].contract")
  end)

  it("passes with a signed agreement", function()
    expect(run("gdpr.processors.contract", system{ processors = { { name = "Mistral AI SAS", country = "FR", contract = "dpa_signed" } } }, as_of)):to_pass()
  end)
end)
