-- AI Act Art. 26(11): deployers of Annex III systems that make or assist decisions about people inform those people.
local calendar = require("calendar")
local classification = require("classification")

-- Whether `component` is high-risk and makes or assists decisions about people outside the
-- organisation. Workers are informed under Art. 26(7) (ai-act.deployer.workers-informed), not here.
local function decides_about_outsiders(system, component)
  return classification.high_risk(system, component) and component.decides ~= nil and component.decides ~= "none"
    and cadre.find(component.about, cadre.people.outsider) ~= nil
end

---@type cadre.Rule
return {
  id = "ai-act.deployer.decision-subjects",
  title = "People subject to decisions of high-risk AI are told",
  description = "Deployers of high-risk AI systems of Annex III that make decisions or assist in making decisions related to natural persons inform those persons that they are subject to the use of the high-risk AI system. Customers and other people outside the organisation are told when the decision concerns them. Workers are informed under Art. 26(7) instead (ai-act.deployer.workers-informed), so this rule does not check them twice.",
  severity = "high",
  references = {
    { "AI Act Art. 26(11)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = calendar.dates.annex_iii },
  remediation = "Tell the people concerned, before or when the decision is taken, that a high-risk AI system is used (`notices.decision_subjects_informed: true`).",
  tags = { "high-risk", "deployer", "transparency" },
  applies = function(system)
    return cadre.find(system.ai, function(component) return decides_about_outsiders(system, component) end) ~= nil
  end,
  check = function(system, ctx)
    if system.notices ~= nil and system.notices.decision_subjects_informed == true then return end
    for _, component in ipairs(system.ai) do
      if decides_about_outsiders(system, component) then
        ctx:fail(cadre.at(system, "notices.decision_subjects_informed", component),
          "'%s' %s decisions about people (%s) who are not told a high-risk AI system is used (Art. 26(11))",
          component.id, component.decides == "assists" and "assists" or "takes", cadre.find(component.about, cadre.people.outsider))
      end
    end
  end,
}
