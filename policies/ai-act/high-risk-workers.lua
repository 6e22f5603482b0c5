-- AI Act Annex III 4(b): AI used to monitor and evaluate workers' performance and behaviour, or to allocate their tasks on their traits, is high-risk.
local calendar = require("calendar")
local high_risk = require("high_risk")

---@type cadre.Rule
return {
  id = "ai-act.high-risk.workers",
  title = "AI evaluating agents is treated as high-risk (Annex III 4(b))",
  description = "AI systems intended to be used to make decisions affecting terms of work relationships, to allocate tasks based on individual behaviour or personal traits or characteristics, or to monitor and evaluate the performance and behaviour of persons in work relationships are high-risk (Annex III 4(b)). In customer service this covers agent quality scoring and speech analytics that scores agents. A system that profiles people cannot use the Art. 6(3) exemption. The descriptor declares it (`annex_iii: [4b]`) so the deployer duties are checked.",
  severity = "high",
  references = {
    { "AI Act Annex III 4(b)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
    { "AI Act Art. 6(3)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  effective = { from = calendar.dates.annex_iii },
  remediation = "Declare the component high-risk (`annex_iii: [4b]`) and meet the deployer duties of Art. 26 (oversight, logs, informing workers), or stop evaluating workers with it.",
  tags = { "high-risk", "workplace" },
  applies = high_risk.concerns("4b"),
  check = high_risk.undeclared("4b", "monitoring and evaluating workers"),
}
