-- CNIL guidance on chatbots (19 Feb 2021): conversations are kept only as long as needed, then deleted or reduced to anonymous statistics.
---@type cadre.Rule
return {
  id = "cnil.chatbot.conversation-retention",
  title = "Chatbot conversations are kept for a fixed period, then deleted",
  description = "What users type into a chatbot is kept only as long as the purpose needs (answering, handing over to an agent), then deleted or turned into anonymous statistics. That needs a fixed period, applied where the conversations are stored; criteria alone, or a table that keeps transcripts with no period, keep them indefinitely.",
  severity = "medium",
  references = {
    { "CNIL guidance on chatbots (19 Feb 2021)", url = "https://www.cnil.fr/fr/chatbots-les-conseils-de-la-cnil-pour-respecter-les-droits-des-personnes" },
    { "GDPR Art. 5(1)(e)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = "2021-02-19" },
  remediation = "Give the chat transcripts a fixed `retention.period`, and the same period to every table that stores them; anonymise what statistics need.",
  tags = { "chatbot", "retention" },
  applies = function(system) return #system:ai_of("chatbot") > 0 and system:holds("user.content.chat_transcript") end,
  check = function(system, ctx)
    for _, item in ipairs(system:data_of("user.content.chat_transcript")) do
      if item.retention == nil or item.retention.period == nil then
        ctx:fail(cadre.at(item, "retention"), "chat conversations are kept with no fixed period")
      end
      for _, id in ipairs(item.stores) do
        local store = system:store(id)
        if store then
          for _, t in ipairs(store.tables) do
            if #t.free_text > 0 and (t.retention == nil or t.retention.period == nil) then
              ctx:fail(t, "table %s.%s stores conversation text with no retention period", id, t.name)
            end
          end
        end
      end
    end
  end,
}
