-- GDPR Art. 14(1): people whose data comes from a third party or a public source are given the
-- information of Art. 14 at all. Its content on the source (14(2)(f)) and its timing (14(3)) are
-- the rules gdpr.notices.indirect-source-named and gdpr.notices.indirect-timing.
local indirect = require("indirect")

---@type cadre.Rule
return {
  id = "gdpr.notices.indirect-source",
  title = "People whose data comes from elsewhere are given the Art. 14 information",
  description = "When personal data has not been obtained from the person (rented prospect lists, credit bureaus, public sources), the controller provides them with the information of Art. 14(1): its identity and contact details, the DPO's, the purposes and legal basis, the categories of data concerned, the recipients and any transfer. This rule checks that such information is given at all (an information notice the system declares); that it names the source (Art. 14(2)(f)) is gdpr.notices.indirect-source-named, and that it comes in time (Art. 14(3): within a month, or at the first communication) is gdpr.notices.indirect-timing.",
  severity = "high",
  references = {
    { "GDPR Art. 14(1)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  remediation = "Give the people whose data you obtained elsewhere an information notice, and declare it (`notices.privacy_notice`); then name the source and give it in time (gdpr.notices.indirect-source-named, gdpr.notices.indirect-timing).",
  tags = { "transparency", "notices" },
  applies = function(system) return indirect.first(system) ~= nil end,
  check = function(system, ctx)
    if system.notices and system.notices.privacy_notice then return end
    for _, item in ipairs(system.data) do
      if indirect.item(item) then
        ctx:fail({item, "source"}, "%s comes from %s, and the people concerned are given no information notice (Art. 14(1))",
          item.category, indirect.origin(item))
      end
    end
  end,
}
