-- GDPR Art. 4(14), 9(1) and recital 51: a voice that is recorded or transcribed, and not used to identify anyone, is not biometric data.
local biometrics = require("biometrics")

---@type cadre.Rule
return {
  id = "gdpr.special-categories.voice-transcription",
  title = "A voice only recorded or transcribed is not declared as biometric data",
  description = "Biometric data is personal data resulting from specific technical processing of a person's physical, physiological or behavioural characteristics which allows or confirms their unique identification (Art. 4(14)); it is a special category when processed for the purpose of uniquely identifying someone (Art. 9(1)), and recital 51 says photographs are biometric data only when so processed. Recording a call, transcribing it into text, or reading its topics is not: a system that declares its voice data as biometric (`user.biometric.voice`) while nothing identifies or authenticates anyone by it mislabels it, which hides the real question (does anything identify people?) and sends the system to Art. 9 for nothing. Voice authentication is covered by gdpr.special-categories.voice-identification.",
  severity = "low",
  references = {
    { "GDPR Art. 4(14)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 9(1)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR recital 51", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  remediation = "Declare recorded calls as `user.content.call_recording` and transcripts as `user.content.call_transcript`; keep biometric categories (`user.biometric.voiceprint`) for voice templates that identify or authenticate people.",
  tags = { "special-categories", "biometrics", "voice" },
  applies = function(system)
    return cadre.find(system.data, biometrics.declared) ~= nil
  end,
  check = function(system, ctx)
    if biometrics.identifier(system) then return end
    for _, item in ipairs(system.data) do
      if biometrics.declared(item) then
        ctx:warn({item, "category"}, "%s is declared as biometric data, and nothing in the system identifies or authenticates people by it: a voice recorded or transcribed is not biometric data (Art. 4(14))", item.category)
      end
    end
  end,
}
