-- AI Act Art. 50(3): deployers of an emotion recognition system inform the people exposed to it.
local calendar = require("calendar")
local classification = require("classification")

---@type cadre.Rule
return {
  id = "ai-act.transparency.emotion-recognition",
  title = "People whose emotions the AI reads are told",
  description = "Deployers of an emotion recognition system inform the natural persons exposed to it of its operation, and process their personal data in accordance with the GDPR. Reading customers' emotions from their voice is not prohibited (unlike reading agents' emotions, Art. 5(1)(f)), but customers must be told, at the latest at the first exposure; where the voice is processed as biometric data, GDPR Art. 9 also applies.",
  severity = "high",
  references = {
    { "AI Act Art. 50(3)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
    { "AI Act Art. 50(5)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
    { "AI Act Art. 3(39)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = calendar.dates.transparency },
  remediation = "Tell callers at the start of the call that an AI analyses their emotions, and record it (`notices.emotion_recognition_disclosed: true`).",
  tags = { "transparency", "emotion-recognition" },
  applies = function(system)
    return cadre.find(system.ai, classification.emotion_recognition) ~= nil
  end,
  check = function(system, ctx)
    local notices = system.notices
    if notices and notices.emotion_recognition_disclosed == true then return end
    for _, component in ipairs(system.ai) do
      if classification.emotion_recognition(component) then
        ctx:fail(cadre.at(system, "notices.emotion_recognition_disclosed", component),
          "'%s' infers the emotions of the people it listens to, and they are not told", component.id)
      end
    end
  end,
}
