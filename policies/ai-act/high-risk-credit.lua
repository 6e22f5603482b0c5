-- AI Act Annex III 5(b): AI assessing the creditworthiness of people or establishing their credit score is high-risk (fraud detection is not).
local calendar = require("calendar")
local high_risk = require("high_risk")

---@type cadre.Rule
return {
  id = "ai-act.high-risk.credit",
  title = "Credit scoring is treated as high-risk (Annex III 5(b))",
  description = "AI systems intended to be used to evaluate the creditworthiness of natural persons or establish their credit score are high-risk (Annex III 5(b)), with the exception of AI systems used to detect financial fraud. An eligibility score for a financing offer or a payment plan is such a system. The descriptor declares it (`annex_iii: [5b]`) so the deployer duties and the fundamental rights impact assessment are checked.",
  severity = "high",
  references = {
    { "AI Act Annex III 5(b)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
    { "AI Act Art. 6(3)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  effective = { from = calendar.dates.annex_iii },
  remediation = "Declare the component high-risk (`annex_iii: [5b]`), meet the deployer duties of Art. 26 and carry out the FRIA of Art. 27.",
  tags = { "high-risk", "credit" },
  applies = high_risk.concerns("5b"),
  check = high_risk.undeclared("5b", "creditworthiness and credit scoring"),
}
