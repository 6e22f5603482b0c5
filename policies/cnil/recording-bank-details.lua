-- CNIL NS-57 and its guidance on recordings as contract evidence: bank details given on the phone are never recorded.
local recording = require("recording")

return {
  id = "cnil.recording.bank-details",
  title = "Bank details given on the phone are not recorded",
  description = "Recordings must not contain bank details: card numbers, expiry dates and security codes, or account details given during a call. Recording pauses while the caller gives them, or the payment is taken by a separate secure channel (an automated payment server).",
  severity = "high",
  references = { "CNIL NS-57", "CNIL, recording as contract evidence (25 Apr 2022)", "GDPR Art. 5(1)(c)", "GDPR Art. 32" },
  confidence = "secondary",
  effective = { from = "2014-11-27" },
  remediation = "Pause recording while payment details are given, or route payments to a secure server (`recording.payment_pause: true`).",
  tags = { "recording", "payment" },
  applies = recording.records,
  check = function(system, ctx)
    local section = system.recording
    if section == nil or section.payment_pause == nil then
      ctx:warn(cadre.at(system, "recording"), "the system records calls, and does not say whether recording pauses while bank details are given (`recording.payment_pause`)")
    elseif section.payment_pause ~= true then
      ctx:fail({section, "payment_pause"}, "recording does not pause while bank details are given")
    end
  end,
}
