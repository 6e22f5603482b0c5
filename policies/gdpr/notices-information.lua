-- GDPR Art. 13: people whose data is collected from them are given the information notice at the time of collection.
local function collected_from_person(item)
  return item.source ~= "third_party" and item.source ~= "public"
end

---@type cadre.Rule
return {
  id = "gdpr.notices.information",
  title = "People are informed when their data is collected from them",
  description = "When personal data is collected from the person, the controller gives them, at the time of collection, the information of Art. 13: its identity and contact details and those of the DPO, the purposes and legal basis, the legitimate interests pursued, the recipients, transfers outside the EEA, the retention period, their rights (access, rectification, erasure, restriction, objection, portability), the right to withdraw consent, the right to complain to the supervisory authority, and the existence of automated decisions with meaningful information about the logic involved.",
  severity = "high",
  references = {
    { "GDPR Art. 13(1)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 13(2)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  remediation = "Publish the information notice and give its location in `notices.privacy_notice`; make sure it covers this system's purposes, bases, recipients, transfers and retention periods.",
  tags = { "transparency", "notices" },
  applies = function(system)
    for _, item in ipairs(system.data) do
      if collected_from_person(item) then return true end
    end
    return false
  end,
  check = function(system, ctx)
    if system.notices == nil or system.notices.privacy_notice == nil then
      ctx:fail(cadre.at(system, "notices", system.data), "personal data is collected from people, and no information notice is given (`notices.privacy_notice`)")
    end
  end,
}
