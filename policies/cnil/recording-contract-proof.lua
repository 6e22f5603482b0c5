-- CNIL (25 Apr 2022): a call is recorded as evidence of a contract only when no other proof exists, from the moment the conversation turns to the contract.
local recording = require("recording")
local framework = require("framework")

---@type cadre.Rule
return {
  id = "cnil.recording.contract-proof",
  title = "Recordings kept as contract evidence start when the contract is discussed",
  description = "Recording a call to prove that a contract was concluded is allowed only when no other means of proof is available, and the recording starts only when the conversation turns to the contract (after the caller is told); it contains no bank details. Recording every call in full to keep evidence in case of dispute goes beyond what that purpose needs.",
  severity = "medium",
  references = {
    { "CNIL, recording as contract evidence (25 Apr 2022)", url = "https://www.cnil.fr/fr/lenregistrement-des-conversations-telephoniques-afin-detablir-la-preuve-de-la-formation-dun-contrat" },
    { "GDPR Art. 5(1)(c)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = "2022-04-25" },
  remediation = "Record only the part of the call where the contract is concluded, started by the agent once the customer is told (`recording.mode: on_demand`), and only where no written proof is possible.",
  tags = { "recording", "contract-evidence" },
  applies = function(system)
    for _, item in ipairs(system:data_of("user.content.call_recording")) do
      if framework.item_serves(system, item, framework.evidence) then return true end
    end
    return false
  end,
  check = function(system, ctx)
    local mode = system.recording and system.recording.mode
    if mode == nil then
      return ctx:warn(cadre.at(system, "recording"), "recordings serve as contract evidence, and the system does not say when recording starts (`recording.mode`)")
    end
    if mode ~= "on_demand" then
      ctx:fail({system.recording, "mode"}, "recordings kept as contract evidence are %s, not started when the conversation turns to the contract", mode)
    end
  end,
}
