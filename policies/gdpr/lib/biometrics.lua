-- Biometric data under the GDPR: personal data from specific technical processing of physical,
-- physiological or behavioural characteristics that allows or confirms someone's unique
-- identification (Art. 4(14)); a special category only when processed to identify a person
-- (Art. 9(1), recital 51). Recording or transcribing a voice is not that.
local matches = cadre.taxonomy.matches

local biometrics = {}

--- Whether `component` identifies or authenticates people by their voice or face.
function biometrics.identifies(component)
  if component.kind == "voice_biometrics" then return true end
  return cadre.has(component.infers, "identity")
end

--- The first component of `system` that identifies people biometrically, or nil.
function biometrics.identifier(system)
  return cadre.find(system.ai, biometrics.identifies)
end

--- Whether `item` is declared as voice characteristics (`user.biometric.voice`): biometric data
--- only if something identifies people by it. Voiceprints, fingerprints and the like are
--- identification templates by nature.
function biometrics.declared(item)
  return matches(item.category, "user.biometric.voice")
end

--- Whether `item` is voice data declared biometric in a system where nothing identifies anyone by
--- it: not a special category then (transcription, recording, emotion or sentiment analysis).
function biometrics.without_identification(system, item)
  return biometrics.declared(item) and biometrics.identifier(system) == nil
end

return biometrics
