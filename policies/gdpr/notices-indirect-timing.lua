-- GDPR Art. 14(3): people whose data was obtained elsewhere are informed within a month at the latest, or at the first communication with them if sooner.
local indirect = require("indirect")

local timely = { at_first_contact = true, within_one_month = true }

---@type cadre.Rule
return {
  id = "gdpr.notices.indirect-timing",
  title = "People whose data comes from elsewhere are informed within a month, or at first contact",
  description = "Where personal data has not been obtained from the person (a partner's prospect list, a data broker, public sources), the controller gives the Art. 14 information within a reasonable period after obtaining the data, at the latest within one month; if the data is used to communicate with the person, at the latest at the time of the first communication; if a disclosure to another recipient is envisaged, at the latest when the data is first disclosed. A prospecting campaign on a rented list informs people in its first message.",
  severity = "high",
  references = {
    { "GDPR Art. 14(3)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  remediation = "Inform the people within a month of obtaining their data, and in the first message when you contact them, and record it (`notices.indirect_notice: at_first_contact` or `within_one_month`).",
  tags = { "transparency", "notices" },
  applies = function(system) return indirect.first(system) ~= nil end,
  check = function(system, ctx)
    local when = system.notices and system.notices.indirect_notice
    if timely[when] then return end
    local item = indirect.first(system)
    local place = when and cadre.at(system, "notices.indirect_notice") or cadre.at(system, "notices.indirect_notice", item)
    ctx:fail(place, "%s comes from %s, and the people are informed %s; within one month at the latest, or at the first contact (Art. 14(3))",
      item.category, indirect.origin(item),
      when == "later" and "more than a month later" or when == "never" and "never" or "at no stated time")
  end,
}
