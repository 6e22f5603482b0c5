-- GDPR Art. 14(2)(f): people whose data was obtained elsewhere are told the source it comes from.
local indirect = require("indirect")

---@type cadre.Rule
return {
  id = "gdpr.notices.indirect-source-named",
  title = "People whose data comes from elsewhere are told its source",
  description = "Where personal data has not been obtained from the person, the information the controller gives includes from which source the data originates and, if applicable, whether it came from publicly accessible sources (Art. 14(2)(f)). A campaign on a partner's list names the partner; a file built from public directories says so. Where the origin cannot be given because various sources were used, general information is given (recital 61).",
  severity = "medium",
  references = {
    { "GDPR Art. 14(2)(f)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR recital 61", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  remediation = "Name the source of the data (the partner, the public directory) in the information given to the people, and record it (`notices.source_named: true`).",
  tags = { "transparency", "notices" },
  applies = function(system) return indirect.first(system) ~= nil end,
  check = function(system, ctx)
    if system.notices and system.notices.source_named == true then return end
    local item = indirect.first(system)
    ctx:fail(cadre.at(system, "notices.source_named", item),
      "%s comes from %s, and the people are not told which source (Art. 14(2)(f))",
      item.category, indirect.origin(item))
  end,
}
