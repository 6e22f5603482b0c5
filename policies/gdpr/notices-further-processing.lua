-- GDPR Art. 13(3) and 14(4): before reusing data for a new purpose, the controller informs the people of that purpose.
local reuse = require("reuse")

---@type cadre.Rule
return {
  id = "gdpr.notices.further-processing",
  title = "People are told before their conversations are reused for a new purpose",
  description = "Where the controller intends to further process personal data for a purpose other than that for which it was collected, it provides the person, prior to that further processing, with information on that other purpose and the other information of Art. 13(2) (Art. 14(4) for data obtained elsewhere). Reusing call recordings, transcripts or chats to train a model or for analytics is announced before the reuse starts, not only in a notice written for the first purpose.",
  severity = "medium",
  references = {
    { "GDPR Art. 13(3)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 14(4)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  remediation = "Inform customers of the new purpose before reusing their conversations (update the notice and tell them), and record it (`notices.further_processing_informed: true`).",
  tags = { "transparency", "notices", "reuse" },
  applies = function(system) return #reuse.found(system) > 0 end,
  check = function(system, ctx)
    if system.notices and system.notices.further_processing_informed == true then return end
    local first = reuse.found(system)[1]
    ctx:fail(cadre.at(system, "notices.further_processing_informed", first.item),
      "%s is reused for '%s' (%s), and the people were not told before the reuse (Art. 13(3))", first.item.category, first.purpose.id, first.why)
  end,
}
