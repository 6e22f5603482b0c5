-- GDPR Art. 21(2)-(4): people can object at any time to direct marketing, and are told so explicitly at the first communication.
---@type cadre.Rule
return {
  id = "gdpr.marketing.objection",
  title = "People can object to direct marketing, and are told so",
  description = "Where personal data is processed for direct marketing, including profiling related to it, the person has the right to object at any time, and the objection is absolute: the data is no longer processed for that purpose. The right is brought explicitly to the person's attention, clearly and separately from other information, at the latest at the first communication.",
  severity = "high",
  references = {
    { "GDPR Art. 21(2)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 21(3)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 21(4)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  remediation = "Offer a simple way to object at the first communication and in every message (`notices.objection_offered: true`, `prospecting.opt_out_offered: true`), and honour objections with an opposition list.",
  tags = { "marketing", "rights" },
  applies = function(system) return system:uses("marketing") or system.prospecting ~= nil end,
  check = function(system, ctx)
    local notices = system.notices
    if notices == nil or notices.objection_offered ~= true then
      ctx:fail(cadre.at(system, "notices.objection_offered"),
        "personal data is used for direct marketing, and people are not offered a way to object")
    end
    if system.prospecting and system.prospecting.opt_out_offered == false then
      ctx:fail({system.prospecting, "opt_out_offered"}, "prospecting messages offer no way to object")
    end
  end,
}
