-- AI Act Art. 26(11): deployers of Annex III systems that make or assist decisions about people inform those people.
local calendar = require("calendar")
local classification = require("classification")

local function decides_about_people(system, component)
  return classification.high_risk(system, component) and component.decides ~= nil and component.decides ~= "none"
    and #component.about > 0
end

-- Whether the descriptor says `notices.<key>: true`.
local function told(system, key)
  return system.notices ~= nil and system.notices[key] == true
end

return {
  id = "ai-act.deployer.decision-subjects",
  title = "People subject to decisions of high-risk AI are told",
  description = "Deployers of high-risk AI systems of Annex III that make decisions or assist in making decisions related to natural persons inform those persons that they are subject to the use of the high-risk AI system. Workers are informed under Art. 26(7); customers and other people are told when the decision concerns them.",
  severity = "high",
  references = { "AI Act Art. 26(11)" },
  confidence = "secondary",
  effective = { from = calendar.dates.annex_iii },
  remediation = "Tell the people concerned, before or when the decision is taken, that a high-risk AI system is used (`notices.decision_subjects_informed: true`).",
  tags = { "high-risk", "deployer", "transparency" },
  applies = function(system)
    for _, component in ipairs(system.ai) do
      if decides_about_people(system, component) then return true end
    end
    return false
  end,
  check = function(system, ctx)
    for _, component in ipairs(system.ai) do
      if decides_about_people(system, component) then
        local outsider = cadre.find(component.about, cadre.people.outsider)
        local worker = cadre.find(component.about, cadre.people.worker)
        if outsider and not told(system, "decision_subjects_informed") then
          ctx:fail(cadre.at(system, "notices.decision_subjects_informed", component),
            "'%s' %s decisions about people (%s) who are not told a high-risk AI system is used",
            component.id, component.decides == "assists" and "assists" or "takes", outsider)
        elseif worker and not outsider and not told(system, "employees_informed") then
          ctx:fail(cadre.at(system, "notices.employees_informed", component),
            "'%s' %s decisions about people (%s) who are not told a high-risk AI system is used",
            component.id, component.decides == "assists" and "assists" or "takes", worker)
        end
      end
    end
  end,
}
