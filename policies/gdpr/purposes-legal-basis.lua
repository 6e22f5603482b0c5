-- GDPR Art. 6(1): every purpose of processing rests on one of the six legal bases.
return {
  id = "gdpr.purposes.legal-basis",
  title = "Every purpose names its legal basis",
  description = "Processing is lawful only on one of the bases of Art. 6(1): consent, contract, legal obligation, vital interests, public task or legitimate interests. Each declared purpose must name the one it rests on.",
  severity = "high",
  references = { "GDPR Art. 6(1)" },
  confidence = "text",
  remediation = "Add `legal_basis` to each purpose.",
  tags = { "lawfulness" },
  applies = function(system) return system.purposes ~= nil and #system.purposes > 0 end,
  check = function(system, ctx)
    for _, purpose in ipairs(system.purposes) do
      if purpose.legal_basis == nil then
        ctx:fail(purpose, "purpose '%s' names no legal basis", purpose.id)
      end
    end
  end,
}
