-- Loi Informatique et Libertés art. 82 (ePrivacy Directive Art. 5(3)), with the CNIL's guidance on chatbots (19 Feb 2021): a tracker a chatbot sets before the user opens it needs consent.
local matches = cadre.taxonomy.matches

local function functional(purpose)
  for _, use in ipairs(purpose.uses) do
    if not (matches(use, "functional") or matches(use, "essential.service")) then return false end
  end
  return true
end

---@type cadre.Rule
return {
  id = "cnil.chatbot.cookies",
  title = "Chatbot cookies set before the chatbot is opened rest on consent",
  description = "Reading or writing a cookie or other tracker on a user's device needs the user's prior consent (art. 82 of the loi Informatique et Libertés, transposing Art. 5(3) of the ePrivacy Directive; not a GDPR Art. 6 legal basis), unless the tracker is strictly necessary for a service the user expressly asked for. A chatbot that sets a tracker before the user chooses to open it needs consent, as it is not yet a service the user asked for. Once the user opens the chatbot, a tracker strictly needed to run the conversation is exempt. Trackers used for anything else (statistics, personalisation, advertising) always need consent.",
  severity = "high",
  references = {
    { "Loi Informatique et Libertés art. 82", url = "https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000886460" },
    { "ePrivacy Directive 2002/58/EC Art. 5(3)", url = "https://eur-lex.europa.eu/eli/dir/2002/58/oj" },
    { "CNIL guidelines and recommendation on cookies and other trackers (17 Sep 2020)", url = "https://www.cnil.fr/fr/cookies-et-autres-traceurs/regles/cookies" },
    { "CNIL guidance on chatbots (19 Feb 2021)", url = "https://www.cnil.fr/fr/chatbots-les-conseils-de-la-cnil-pour-respecter-les-droits-des-personnes" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = "2021-02-19" },
  remediation = "Load the chatbot's trackers only once the user opens it, and only those the conversation needs; rest any other on the user's prior consent, collected as the CNIL's cookie guidelines describe (`legal_basis: consent`).",
  tags = { "chatbot", "cookies" },
  applies = function(system) return #system:ai_of("chatbot") > 0 and system:holds("user.device") end,
  check = function(system, ctx)
    for _, item in ipairs(system:data_of("user.device")) do
      for index, id in ipairs(item.purposes) do
        local purpose = system:purpose(id)
        if purpose and purpose.legal_basis ~= "consent" and not functional(purpose) then
          ctx:fail({item.purposes, index}, "the chatbot's trackers (%s) serve '%s' without consent (loi Informatique et Libertés art. 82)", item.category, id)
        end
      end
    end
  end,
}
