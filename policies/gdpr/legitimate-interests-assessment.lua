-- GDPR Art. 6(1)(f): a purpose resting on legitimate interests has a documented balancing test (LIA).
return {
  id = "gdpr.legitimate-interests.assessment",
  title = "Legitimate interests are backed by a documented balancing test",
  description = "Legitimate interests are a lawful basis only where the interests pursued are not overridden by the interests, rights and freedoms of the people concerned. The controller documents that balancing test (legitimate interest assessment) for each purpose resting on Art. 6(1)(f), so that it can demonstrate compliance and tell people which interest it pursues.",
  severity = "high",
  references = { "GDPR Art. 6(1)(f)", "GDPR Art. 13(1)(d)" },
  confidence = "recall",
  remediation = "Carry out and document the balancing test, and give its reference in the purpose's `legitimate_interest_assessment`; or choose another legal basis.",
  tags = { "lawfulness", "legitimate-interests" },
  applies = function(system)
    for _, purpose in ipairs(system.purposes) do
      if purpose.legal_basis == "legitimate_interests" then return true end
    end
    return false
  end,
  check = function(system, ctx)
    for _, purpose in ipairs(system.purposes) do
      if purpose.legal_basis == "legitimate_interests" and purpose.legitimate_interest_assessment == nil then
        ctx:fail({purpose, "legal_basis"}, "purpose '%s' rests on legitimate interests with no documented balancing test", purpose.id)
      end
    end
  end,
}
