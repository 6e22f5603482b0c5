-- GDPR Art. 4(14) and 9: a voice processed to identify or authenticate someone is biometric data, a special category.
local special = cadre.taxonomy.special

local function identifies_by_voice(component)
  if component.kind == "voice_biometrics" then return true end
  return cadre.has(component.inputs, "voice") and cadre.has(component.infers, "identity")
end

---@type cadre.Rule
return {
  id = "gdpr.special-categories.voice-identification",
  title = "Voice used to identify callers is handled as biometric data",
  description = "A call recording is not biometric data by itself. A voice becomes biometric data when it is processed through specific technical means to identify or authenticate a person (a voiceprint); biometric data processed for unique identification is a special category of Art. 9. A system that identifies or authenticates callers by their voice declares the voiceprint as biometric data and rests it on an Art. 9(2) condition, in practice the caller's explicit consent with another way to authenticate for those who refuse.",
  severity = "critical",
  references = {
    { "GDPR Art. 4(14)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR recital 51", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 9(1)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 9(2)(a)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "recall",
  reviewed = "2026-12-07",
  remediation = "Declare the voiceprints as `user.biometric.voiceprint` data with their purposes, and give the identification purpose `special_category_condition: explicit_consent`.",
  tags = { "special-categories", "biometrics", "voice" },
  applies = function(system) return cadre.find(system.ai, identifies_by_voice) ~= nil end,
  check = function(system, ctx)
    local biometric = nil
    for _, item in ipairs(system.data) do
      if special(item.category) == "article_9" and cadre.taxonomy.matches(item.category, "user.biometric") then biometric = item end
    end
    for _, component in ipairs(system.ai) do
      if identifies_by_voice(component) then
        if biometric == nil then
          ctx:fail({component, "kind"}, "'%s' identifies people by their voice: declare the voiceprints as biometric data (user.biometric.voiceprint)", component.id)
        end
        if #component.purposes == 0 then
          ctx:fail(component, "'%s' identifies people by their voice for no declared purpose, hence under no Art. 9(2) condition", component.id)
        end
        for index, id in ipairs(component.purposes) do
          local purpose = system:purpose(id)
          if purpose and purpose.special_category_condition == nil then
            ctx:fail({component.purposes, index}, "'%s' identifies people by their voice for purpose '%s', which names no Art. 9(2) condition", component.id, id)
          end
        end
      end
    end
  end,
}
