-- GDPR Art. 28(3): a processor processes personal data only under a signed contract with the terms of Art. 28(3)(a)-(h).
---@type cadre.Rule
return {
  id = "gdpr.processors.contract",
  title = "Every processor works under a signed data processing agreement",
  description = "Processing by a processor is governed by a contract or other legal act, in writing, that sets out the subject-matter, duration, nature and purpose of the processing, the types of data and categories of people, and the terms of Art. 28(3)(a)-(h): documented instructions, confidentiality, security, conditions for sub-processors, assistance with people's rights and with security and DPIAs, deletion or return at the end, and audits. A processor receiving data while the agreement is pending or missing processes it unlawfully.",
  severity = "high",
  references = {
    { "GDPR Art. 28(3)(a)-(h)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  remediation = "Sign a data processing agreement with the Art. 28(3) terms before the processor receives any data (`contract: dpa_signed`).",
  tags = { "processors" },
  applies = function(system) return #system.processors > 0 end,
  check = function(system, ctx)
    for _, processor in ipairs(system.processors) do
      local contract = processor.contract
      if contract == nil then
        ctx:fail(processor, "%s processes data for the system, and no data processing agreement with the terms of Art. 28(3) is recorded", processor.name)
      elseif contract ~= "dpa_signed" then
        ctx:fail({processor, "contract"}, "%s processes data for the system, and its data processing agreement (Art. 28(3)) is %s", processor.name, contract)
      end
    end
  end,
}
