-- GDPR Art. 6(1): every purpose of processing rests on one of the six legal bases.
---@type cadre.Rule
return {
  id = "gdpr.purposes.legal-basis",
  title = "Every purpose names its legal basis",
  description = "Processing is lawful only on one of the bases of Art. 6(1): (a) consent, (b) contract, (c) legal obligation, (d) vital interests, (e) public task or (f) legitimate interests. Each declared purpose names the one it rests on; without it the processing of that purpose is unlawful and the information notice cannot state it.",
  severity = "high",
  references = {
    { "GDPR Art. 6(1)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 13(1)(c)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  remediation = "Add `legal_basis` to each purpose: consent, contract, legal_obligation, vital_interests, public_task or legitimate_interests.",
  tags = { "lawfulness" },
  applies = function(system) return #system.purposes > 0 end,
  check = function(system, ctx)
    for _, purpose in ipairs(system.purposes) do
      if purpose.legal_basis == nil then
        ctx:fail(purpose, "purpose '%s' names no legal basis", purpose.id)
      end
    end
  end,
}
