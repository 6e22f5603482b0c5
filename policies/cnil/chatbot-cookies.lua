-- CNIL guidance on chatbots (19 Feb 2021): a cookie a chatbot sets before the user opens it needs consent.
local matches = cadre.taxonomy.matches

local function functional(purpose)
  for _, use in ipairs(purpose.uses) do
    if not (matches(use, "functional") or matches(use, "essential.service")) then return false end
  end
  return true
end

return {
  id = "cnil.chatbot.cookies",
  title = "Chatbot cookies set before the chatbot is opened rest on consent",
  description = "A chatbot that reads or writes a cookie or other tracker on the user's device before the user chooses to open it needs the user's consent, as it is not yet a service the user asked for. Once the user opens the chatbot, a tracker strictly needed to run the conversation is exempt. Trackers used for anything else (statistics, personalisation, advertising) always need consent.",
  severity = "high",
  references = { "CNIL guidance on chatbots (19 Feb 2021)", "GDPR Art. 6(1)(a)" },
  confidence = "secondary",
  effective = { from = "2021-02-19" },
  remediation = "Load the chatbot's trackers only once the user opens it, and only those the conversation needs; rest any other on consent (`legal_basis: consent`).",
  tags = { "chatbot", "cookies" },
  applies = function(system) return #system:ai_of("chatbot") > 0 and system:holds("user.device") end,
  check = function(system, ctx)
    for _, item in ipairs(system:data_of("user.device")) do
      for index, id in ipairs(item.purposes) do
        local purpose = system:purpose(id)
        if purpose and purpose.legal_basis ~= "consent" and not functional(purpose) then
          ctx:fail({item.purposes, index}, "the chatbot's trackers (%s) serve '%s' without consent", item.category, id)
        end
      end
    end
  end,
}
