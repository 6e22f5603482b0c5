-- GDPR Art. 14: people whose data comes from a third party or a public source are informed, including of that source, within a month at the latest.
local function indirect(item)
  return item.source == "third_party" or item.source == "public"
end

return {
  id = "gdpr.notices.indirect-source",
  title = "People whose data comes from elsewhere are informed, with the source",
  description = "When personal data has not been obtained from the person (rented prospect lists, credit bureaus, public sources), the controller gives them the Art. 14 information, which adds the categories of data concerned and the source the data comes from, and whether it came from publicly accessible sources. It is given within a reasonable period and at the latest within one month, or at the first communication with the person, or before the data is first disclosed to another recipient.",
  severity = "high",
  references = {
    { "GDPR Art. 14(1)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 14(2)(f)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 14(3)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "recall",
  reviewed = "2026-12-07",
  remediation = "Give the information notice (`notices.privacy_notice`) at the first contact and within one month at the latest, naming the source of the data for each category received from elsewhere.",
  tags = { "transparency", "notices" },
  applies = function(system)
    for _, item in ipairs(system.data) do
      if indirect(item) then return true end
    end
    return false
  end,
  check = function(system, ctx)
    if system.notices and system.notices.privacy_notice then return end
    for _, item in ipairs(system.data) do
      if indirect(item) then
        ctx:fail({item, "source"}, "%s comes from %s, and the people concerned are given no information notice naming the source",
          item.category, item.source == "public" and "public sources" or "a third party")
      end
    end
  end,
}
