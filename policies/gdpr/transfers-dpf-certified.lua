-- GDPR Art. 45(3) and the Commission's adequacy decision of 10 July 2023: the EU-US Data Privacy Framework covers only US organisations certified under it.
local function on_dpf(processor)
  return processor.transfer == "dpf"
end

---@type cadre.Rule
return {
  id = "gdpr.transfers.dpf-certified",
  title = "Transfers on the EU-US Data Privacy Framework go to certified recipients",
  description = "Since the Commission's adequacy decision of 10 July 2023 (Implementing Decision (EU) 2023/1795), personal data may flow to organisations in the United States without further safeguards, on Art. 45(3), only where the recipient is certified under the EU-US Data Privacy Framework (listed by the US Department of Commerce). A US recipient that is not certified needs other safeguards (standard contractual clauses with a transfer impact assessment). Unsettled: the decision stands, but it is challenged. The General Court dismissed Mr Latombe's action for annulment on 3 September 2025 (T-553/23, ECLI:EU:T:2025:831); his appeal, lodged on 31 October 2025, is pending before the Court of Justice (C-703/25 P). Should the Court annul the decision, as it annulled Safe Harbour (C-362/14) and the Privacy Shield (C-311/18), transfers on it would need other safeguards: watch that case.",
  severity = "high",
  references = {
    { "GDPR Art. 45(3)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "Commission Implementing Decision (EU) 2023/1795 (EU-US Data Privacy Framework)", url = "https://eur-lex.europa.eu/eli/dec_impl/2023/1795/oj" },
    { "General Court, T-553/23 Latombe v Commission, 3 Sept 2025", url = "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:62023TJ0553" },
    { "Court of Justice, C-703/25 P Latombe v Commission (appeal pending)", url = "https://eur-lex.europa.eu/eli/C/2025/6610/oj" },
  },
  confidence = "unsettled",
  reviewed = "2026-12-07",
  effective = { from = "2023-07-10" },
  remediation = "Check the recipient's certification on the Data Privacy Framework list and record it (`dpf_certified: true`); otherwise use standard contractual clauses (`transfer: scc`) with a transfer impact assessment.",
  tags = { "transfers", "processors" },
  applies = function(system) return cadre.find(system.processors, on_dpf) ~= nil end,
  check = function(system, ctx)
    for _, processor in ipairs(system.processors) do
      if on_dpf(processor) and processor.dpf_certified ~= true then
        ctx:fail(cadre.at(processor, "dpf_certified"),
          "%s receives data on the EU-US Data Privacy Framework, and its certification is not recorded", processor.name)
      end
    end
  end,
}
