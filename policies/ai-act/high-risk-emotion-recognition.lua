-- AI Act Annex III 1(c): AI systems intended for emotion recognition are high-risk; recognising customers' emotions in a call centre is such a use.
local calendar = require("calendar")
local high_risk = require("high_risk")

---@type cadre.Rule
return {
  id = "ai-act.high-risk.emotion-recognition",
  title = "Emotion recognition of customers is treated as high-risk (Annex III 1(c))",
  description = "AI systems intended to be used for emotion recognition (Art. 3(39): inferring emotions or intentions from biometric data, such as a caller's voice) are high-risk systems of Annex III 1(c), in so far as their use is not prohibited. Recognising customers' emotions in calls is such a use: the deployer duties of Art. 26 (instructions, oversight, input data, monitoring, logs) apply from the Annex III date of the calendar in effect, beside the Art. 50(3) notice that applies from 2 August 2026. Recognising workers' emotions is prohibited instead (Art. 5(1)(f), ai-act.prohibited.emotion-workplace). Sentiment read from text is not emotion recognition. The descriptor declares the point (`annex_iii: [1c]`) so the deployer duties are checked.",
  severity = "high",
  references = {
    { "AI Act Annex III 1(c)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
    { "AI Act Art. 3(39)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
    { "AI Act Art. 26", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  effective = { from = calendar.dates.annex_iii },
  remediation = "Declare the component high-risk (`annex_iii: [1c]`) and meet the deployer duties of Art. 26, or stop recognising emotions (sentiment from text is not emotion recognition).",
  tags = { "high-risk", "emotion-recognition" },
  applies = high_risk.concerns("1c"),
  check = high_risk.undeclared("1c", "emotion recognition"),
}
