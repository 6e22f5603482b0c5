-- CNIL NS-57 and its guidance on recordings as contract evidence: bank details given on the phone are never recorded.
local recording = require("recording")

---@type cadre.Rule
return {
  id = "cnil.recording.bank-details",
  title = "Bank details given on the phone are not recorded",
  description = "Recordings must not contain bank details: card numbers, expiry dates and security codes, or account details given during a call. Recording pauses while the caller gives them, or the payment is taken by a separate secure channel (an automated payment server). NS-57 (CNIL délibération n° 2014-474 of 27 Nov 2014) was a simplified norm: simplified norms lost their legal force on 25 May 2018, when the GDPR became applicable, and the CNIL keeps its rules as guidance on call recording (departures are justified, not forbidden).",
  severity = "high",
  references = {
    { "CNIL délibération n° 2014-474 (NS-57)", url = "https://www.legifrance.gouv.fr/search/cnil?tab_selection=cnil&searchField=ALL&query=2014-474" },
    { "CNIL, guidance on listening to and recording calls at work", url = "https://www.cnil.fr/fr/lecoute-et-lenregistrement-des-appels-sur-le-lieu-de-travail" },
    { "CNIL, recording as contract evidence (25 Apr 2022)", url = "https://www.cnil.fr/fr/lenregistrement-des-conversations-telephoniques-afin-detablir-la-preuve-de-la-formation-dun-contrat" },
    { "GDPR Art. 5(1)(c)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 32", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
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
