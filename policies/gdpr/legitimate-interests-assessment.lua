-- GDPR Art. 6(1)(f), 5(2) and 24: a purpose resting on legitimate interests has a documented balancing test (LIA), since the controller must be able to demonstrate its processing is lawful.
---@type cadre.Rule
return {
  id = "gdpr.legitimate-interests.assessment",
  title = "Legitimate interests are backed by a documented balancing test",
  description = "Legitimate interests are a lawful basis only where the interests pursued are not overridden by the interests, rights and freedoms of the people concerned. The duty to document that balancing test (legitimate interest assessment) comes from accountability: the controller is responsible for, and must be able to demonstrate, compliance with the principles, lawfulness included (Art. 5(2)), and implements measures to demonstrate it (Art. 24). It documents the test for each purpose resting on Art. 6(1)(f), and tells people which interest it pursues (Art. 13(1)(d)).",
  severity = "high",
  references = {
    { "GDPR Art. 6(1)(f)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 5(2)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 24(1)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 13(1)(d)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  remediation = "Carry out and document the balancing test, and give its reference in the purpose's `legitimate_interest_assessment`; or choose another legal basis.",
  tags = { "lawfulness", "legitimate-interests" },
  applies = function(system)
    return cadre.find(system.purposes, function(purpose) return purpose.legal_basis == "legitimate_interests" end) ~= nil
  end,
  check = function(system, ctx)
    for _, purpose in ipairs(system.purposes) do
      if purpose.legal_basis == "legitimate_interests" and purpose.legitimate_interest_assessment == nil then
        ctx:fail({purpose, "legal_basis"}, "purpose '%s' rests on legitimate interests with no documented balancing test to demonstrate it (Art. 5(2), 24)", purpose.id)
      end
    end
  end,
}
