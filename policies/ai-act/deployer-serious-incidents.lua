-- AI Act Art. 26(5): serious incidents of high-risk AI are reported without delay.
local calendar = require("calendar")
local high_risk = require("high_risk")

---@type cadre.Rule
return {
  id = "ai-act.deployer.serious-incidents",
  title = "Serious incidents of high-risk AI are reported without delay",
  description = "Where deployers identify a serious incident, they immediately inform first the provider, and then the importer or distributor and the relevant market surveillance authorities of that incident. That needs a procedure set in advance: who recognises a serious incident (death or serious harm to health, serious and irreversible disruption of critical infrastructure, infringement of fundamental-rights obligations, serious harm to property or the environment, as the Act defines it), who reports, to whom.",
  severity = "high",
  references = {
    { "AI Act Art. 26(5)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  effective = { from = calendar.dates.annex_iii },
  remediation = "Set a procedure that recognises serious incidents and reports them at once to the provider and the market surveillance authority, and record it (`monitoring: { incident_procedure: true }`).",
  tags = { "high-risk", "deployer", "incidents" },
  applies = high_risk.any,
  check = high_risk.requires("incident_procedure", "no procedure reports serious incidents of high-risk component '%s' to its provider and the authority (Art. 26(5))"),
}
